import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCKit
@testable import CCHCWriters

/// `PDFText`, cchc's reading of a printed PDF's text (what `verify --rerender` compares when
/// another browser prints a record), against poppler's `pdftotext -raw` (the text in the order
/// the content stream paints it), page by page, every PDF of a sample.
@Suite(.enabled(if: Tools.available || Tools.required, "needs chromium and pdftotext (CI installs them)"))
struct PDFTextTests {
    @Test(arguments: ["an-giang-2022", "quang-binh-2021"])
    func eachPagesTextIsPopplersInTheOrderItIsPainted(sample: String) throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        var options = RenderJob.Options(output: out, formats: [.pdf])
        options.kinds = sample == "an-giang-2022" ? [.decision, .report, .selfAssessment] : [.plan, .selfAssessment]
        let paths = try RenderJob.run(TestPaths.input(sample), options).filter { $0.hasSuffix(".pdf") }
        #expect(!paths.isEmpty)
        for path in paths {
            let file = out.appendingPathComponent(path)
            let pages = try #require(PDFText([UInt8](try Data(contentsOf: file))).pages(), "\(path): not read")
            #expect(pages.count == PDFPages.count([UInt8](try Data(contentsOf: file))), "\(path)")
            for (number, text) in pages.enumerated() {
                let poppler = try Tools.run("pdftotext", ["-raw", "-f", "\(number + 1)", "-l", "\(number + 1)", file.path, "-"])
                let expected = String(poppler.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{0C}" })
                #expect(text == expected, "\(path), page \(number + 1):\n\(text.prefix(300))\n\(expected.prefix(300))")
                #expect(!text.isEmpty, "\(path), page \(number + 1) has no text")
            }
        }
    }

    @Test func thePrinterIsTheBrowsersProductFromTheCreator() {
        let pdf = Array(
            "%PDF-1.4\n1 0 obj\n<</Creator (Mozilla/5.0 \\(X11\\) HeadlessChrome/156.0.0.0 Safari/537.36) /Producer (Skia/PDF m156)>>\nendobj\n"
                .utf8)
        #expect(PDFText(pdf).printer() == "HeadlessChrome/156.0.0.0")
        let producerOnly = Array("%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m120)>>\nendobj\n".utf8)
        #expect(PDFText(producerOnly).printer() == "Skia/PDF m120")
    }
}
