import Foundation
import Testing

@testable import CCHCWriters

/// `PDFText` reads PDFs that come with a received archive, so a hostile file ends the reading,
/// never the process: deep nesting, a page tree that loops, a length past the end, a stream
/// that inflates without end.
@Suite struct PDFTextHostileTests {
    private func pdf(_ objects: [String]) -> [UInt8] {
        Array(("%PDF-1.4\n" + objects.enumerated().map { "\($0 + 1) 0 obj\n\($1)\nendobj\n" }.joined()).utf8)
    }

    @Test func deepNestingIsNotFollowed() {
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "<<", count: 100_000)
        let file = pdf(["<</Type /Catalog /Pages 2 0 R>>", "<</Type /Pages /Kids [3 0 R]>>", "<</Type /Page /Contents \(deep)>>"])
        #expect(PDFText(file).pages() == [""])
    }

    @Test func aLoopingPageTreeEnds() {
        let file = pdf([
            "<</Type /Catalog /Pages 2 0 R>>", "<</Type /Pages /Kids [3 0 R 2 0 R]>>", "<</Type /Pages /Kids [2 0 R 3 0 R]>>",
        ])
        #expect(PDFText(file).pages() == [])
        // A chain of a thousand nodes is cut where no browser's tree reaches.
        let chain = (0..<1000).map { "<</Type /Pages /Kids [\($0 + 3) 0 R]>>" }
        #expect(PDFText(pdf(["<</Type /Catalog /Pages 2 0 R>>"] + chain)).pages() == [])
    }

    @Test func aStreamLongerThanTheFileOrNotZlibIsNotRead() {
        let file = pdf([
            "<</Type /Catalog /Pages 2 0 R>>", "<</Type /Pages /Kids [3 0 R]>>", "<</Type /Page /Contents 4 0 R>>",
            "<</Length 99999999>>\nstream\nBT (x) Tj ET\nendstream",
            "<</Length 4 /Filter /FlateDecode>>\nstream\nabcd\nendstream",
        ])
        #expect(PDFText(file).pages() == [""])
        #expect(PDFText(Array("not a pdf".utf8)).pages() == nil)
    }
}
