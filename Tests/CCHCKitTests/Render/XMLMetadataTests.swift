import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCKit
@testable import CCHCWriters

/// The XML's archive metadata that LAYOUT.md promises (Thông tư 02/2019/TT-BNV): a document code,
/// keywords and, when the PDF is printed in the same run, its page amount (issue 28, item 12).
@Suite struct XMLMetadataTests {
    @Test func aPDFsPagesAreItsPageTreesCount() {
        let pdf = Array(
            "%PDF-1.4\n1 0 obj <</Type /Pages /Kids [3 0 R 4 0 R] /Count 12>>\n5 0 obj <</Type /Pages /Count 3>>".utf8)
        #expect(PDFPages.count(pdf) == 12)
        #expect(PDFPages.count(Array("%PDF-1.4 no tree".utf8)) == nil)
    }

    @Test func theXMLNamesTheDocumentAndItsKeywords() throws {
        let xml = try #require(
            try Rendered.files("an-giang-2022", kinds: [.decision]).first { $0.path == "quyet-dinh.xml" }?.content)
        #expect(xml.contains("<DocCode>2022.quyet-dinh</DocCode>"))
        #expect(xml.contains("<Keywords>Chỉ số cải cách hành chính; Quyết định; 2022</Keywords>"))
        #expect(xml.contains("<PageAmount></PageAmount>"), "no PDF printed in this run: no page amount")
    }

    @Test(.enabled(if: OfficeTools.available || Tools.required, "needs chromium and poppler"))
    func withThePDFTheXMLCountsItsPages() throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(TestPaths.input("an-giang-2022"), .init(output: out, kinds: [.decision], formats: [.xml, .pdf]))
        let xml = try String(contentsOf: out.appendingPathComponent("quyet-dinh.xml"), encoding: .utf8)
        let info = try Tools.run("pdfinfo", [out.appendingPathComponent("quyet-dinh.pdf").path])
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last)
        #expect(xml.contains("<PageAmount>\(pages)</PageAmount>"))
    }
}
