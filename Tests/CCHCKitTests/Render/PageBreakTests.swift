import CCHCTestSupport
import Foundation
import FoundationXML
import Testing

@testable import CCHCKit

/// Where pages break, read page by page from the printed PDFs (pdftotext), every document of every
/// sample, printed by Chromium and, from the .docx, by LibreOffice: no signature block alone at the
/// top of a page (the closing paragraph goes with it), no page that ends with a heading, a
/// table's caption or its header row (issue 28, items 6 and 9).
@Suite(
    .enabled(if: OfficeTools.available || Tools.required, "needs chromium, soffice and poppler (CI installs them)"),
    .serialized)
struct PageBreakTests {
    static let samples = ["an-giang-2022", "ha-nam-2018", "quang-binh-2021"]

    @Test(arguments: samples)
    func chromiumsPagesBreakWhereAReaderExpects(sample: String) throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(TestPaths.input(sample), .init(output: out, formats: [.pdf, .xml]))
        let problems = try Self.problems(in: out, pdfs: out)
        #expect(problems.isEmpty, "\(problems.count):\n\(problems.prefix(10).joined(separator: "\n"))")
    }

    @Test(arguments: samples)
    func wordsPagesBreakWhereAReaderExpects(sample: String) throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(TestPaths.input(sample), .init(output: out, formats: [.docx, .xml]))
        // LibreOffice prints every .docx into one folder, each by its own name.
        let printed = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: printed) }
        let docs = try Self.files(in: out, ending: ".docx")
        _ = try Tools.run(
            "soffice",
            [
                "-env:UserInstallation=file://\(printed.path)/profile", "--headless", "--convert-to", "pdf", "--outdir",
                printed.path,
            ]
                + docs.map { out.appendingPathComponent($0).path })
        let problems = try Self.problems(in: out, pdfs: printed)
        #expect(problems.isEmpty, "\(problems.count):\n\(problems.prefix(10).joined(separator: "\n"))")
    }

    @Test func theCheckFindsASignatureAloneAndAPageEndingInAHeading() {
        let pages = [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nI. TỔNG QUAN\nNăm 2022, 31 cơ quan.\nII. KẾT QUẢ XẾP HẠNG",
            "2\nNơi nhận:        KT. GIÁM ĐỐC\n- Lưu: VT.",
        ]
        #expect(
            Self.problems(pages: pages, columnWords: [], captions: [])
                == ["page 1 ends with a heading: II. KẾT QUẢ XẾP HẠNG", "page 2 starts with the signature block"])
        #expect(
            Self.problems(
                pages: ["Xếp hạng Sở\nĐơn vị   Điểm tối đa", "2\nSở Tư pháp  90"],
                columnWords: ["Đơn", "vị", "Điểm", "tối", "đa"], captions: [])
                == ["page 1 ends with a table header: Đơn vị   Điểm tối đa"])
    }

    // MARK: The reading

    /// Each written XML's PDF (by its file name, in `pdfs`) read page by page.
    static func problems(in out: URL, pdfs: URL) throws -> [String] {
        var problems: [String] = []
        for xml in try files(in: out, ending: ".xml") {
            let name = ((xml as NSString).lastPathComponent as NSString).deletingPathExtension
            let pdf =
                pdfs == out
                ? out.appendingPathComponent(String(xml.dropLast(4)) + ".pdf") : pdfs.appendingPathComponent(name + ".pdf")
            let document = try XMLDocument(contentsOf: out.appendingPathComponent(xml), options: [])
            let columns = try document.nodes(forXPath: "//*[local-name()='Columns']/*").compactMap(\.stringValue)
            let captions = try document.nodes(forXPath: "//*[local-name()='Table']").compactMap { node in
                (node as? XMLElement).flatMap { AuditedTable.attribute($0, "title") }
            }
            let info = try Tools.run("pdfinfo", [pdf.path])
            let count =
                info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
                ?? 0
            let pages = try (1...max(count, 1)).map { page in
                try Tools.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", pdf.path, "-"])
            }
            let words = Set(columns.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) })
            problems += Self.problems(pages: pages, columnWords: words, captions: Set(captions.filter { !$0.isEmpty }))
                .map { "\(xml): \($0)" }
        }
        return problems
    }

    /// What a reader would object to on `pages` (each page's text, its number first).
    static func problems(pages: [String], columnWords: Set<String>, captions: Set<String>) -> [String] {
        let heading = try! NSRegularExpression(pattern: #"^([IVX]+|\d+)\.\s+\S"#)
        var problems: [String] = []
        for (i, text) in pages.enumerated() {
            var lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let first = lines.first, Int(first) != nil { lines.removeFirst() }
            guard let first = lines.first, let last = lines.last else { continue }
            if i > 0 && first.hasPrefix("Nơi nhận") { problems.append("page \(i + 1) starts with the signature block") }
            guard i < pages.count - 1 else { continue }
            let words = last.split(whereSeparator: \.isWhitespace).map(String.init)
            let range = NSRange(last.startIndex..., in: last)
            if heading.firstMatch(in: last, range: range) != nil && last.count < 100 && !last.hasSuffix(".") {
                problems.append("page \(i + 1) ends with a heading: \(last)")
            } else if words.count >= 2 && !columnWords.isEmpty && words.allSatisfy(columnWords.contains) {
                problems.append("page \(i + 1) ends with a table header: \(last)")
            } else if captions.contains(last) {
                problems.append("page \(i + 1) ends with a table's caption: \(last)")
            }
        }
        return problems
    }

    static func files(in folder: URL, ending suffix: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(suffix) }.sorted()
    }
}
