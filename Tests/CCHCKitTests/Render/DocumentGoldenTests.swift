import CCHCKit
import CCHCTemplate
import CCHCTestSupport
import Foundation
import Testing

/// Every kind in every format for the three samples, compared with golden files reviewed by eye
/// (rewrite them with RECORD_SNAPSHOTS=1 and read the diff before committing).
@Suite struct DocumentGoldenTests {
    @Test(arguments: Rendered.datasets)
    func documentsMatchTheirGoldenFiles(dataset: String) throws {
        let files = try Rendered.files(dataset)
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.content) })
        for path in Rendered.goldenPaths[dataset] ?? [] {
            for format in OutputFormat.allCases where format.hasTemplates {
                let name = "\(path).\(format.rawValue)"
                let content = try #require(byPath[name], "\(dataset) did not render \(name)")
                try Golden.assert(content, matches: "documents/\(dataset)/\(name)")
            }
        }
    }

    /// Every golden file is one a test compares: none is left behind by a document cchc no
    /// longer writes.
    @Test(arguments: Rendered.datasets)
    func everyGoldenFileIsCompared(dataset: String) throws {
        let folder = TestPaths.golden.appendingPathComponent("documents/\(dataset)")
        let stored = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.contains(".") }
        let compared = (Rendered.goldenPaths[dataset] ?? []).flatMap { path in
            OutputFormat.allCases.filter(\.hasTemplates).map { "\(path).\($0.rawValue)" } + ["\(path).docx.xml"]
        }
        #expect(Set(stored) == Set(compared))
    }

    /// The body of each kind's .docx (`word/document.xml`), a paragraph, table, row or section a
    /// line so that a change reads as a diff, compared with golden files reviewed by eye.
    @Test(arguments: Rendered.datasets)
    func wordBodiesMatchTheirGoldenFiles(dataset: String) throws {
        let files = try Rendered.files(dataset)
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
        for path in Rendered.goldenPaths[dataset] ?? [] {
            let docx = try #require(byPath["\(path).docx"], "\(dataset) did not render \(path).docx")
            let body = try DocxPackage(docx).text("word/document.xml")
            try Golden.assert(Self.linePerElement(body), matches: "documents/\(dataset)/\(path).docx.xml")
        }
    }

    /// `xml` with a line break before each paragraph, table, row and section, as it is otherwise
    /// one line.
    static func linePerElement(_ xml: String) -> String {
        var out = xml
        for tag in ["<w:p>", "<w:p ", "<w:tbl>", "</w:tbl>", "<w:tr>", "<w:tr ", "<w:sectPr", "</w:body>"] {
            out = out.replacingOccurrences(of: tag, with: "\n" + tag)
        }
        return out + "\n"
    }

    @Test func everyKindIsWrittenInEveryFormat() throws {
        let files = try Rendered.files("an-giang-2022")
        // Plan, report, decision, commendation, submission, council, guidance, appraisal report;
        // 31 self-assessments; 31 appraisal results in each of two rounds.
        #expect(
            files.count == (8 + 31 + 2 * 31) * 4 + 4,
            "the documents (html, xml, txt, docx), results.json, .csv, .xlsx and cchc-render.json")
        let paths = Set(files.map(\.path))
        for kind in [
            "ke-hoach", "bao-cao-ket-qua", "quyet-dinh", "tu-danh-gia/snv", "tu-danh-gia/triton", "ket-qua-tham-dinh/snv-lan-1",
            "ket-qua-tham-dinh/snv-lan-2",
        ] {
            for format in ["html", "xml", "txt"] { #expect(paths.contains("\(kind).\(format)")) }
        }
    }

    @Test func theDecisionCarriesTheFiguresOfTheResults() throws {
        let text = try #require(
            try Rendered.files("an-giang-2022", kinds: [.decision]).first { $0.path == "quyet-dinh.txt" }?.content)
        #expect(text.contains("Số:      /QĐ-UBND"))
        #expect(text.contains("TM. ỦY BAN NHÂN DÂN"))
        #expect(text.contains("Nguyễn Thanh Bình"))
        #expect(text.contains("- Lưu: VT, TH."))
        #expect(text.contains("PHỤ LỤC I") && text.contains("PHỤ LỤC II"))
        let row = text.split(separator: "\n").map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
            .first { $0.count == 12 && $0[0] == "1" }
        // Điểm điều tra XHH holds the survey of officials only, SIPAS its own column (defect 3);
        // every score prints the plan's two decimals (defect 4); the max beside the unit's name
        // (issue 28, item 10). The survey's points are rounded before they are added (item 1).
        #expect(
            row == ["1", "Sở Công Thương", "100", "76,75", "74,00", "7,59", "13,74", "95,33", "95,33", "1", "Tốt", "tăng 19 bậc"])
        #expect(text.contains("Ghi chú: Xếp loại Tốt: từ 90% trở lên"))
        #expect(text.contains("./."))
    }

    @Test func theQuangBinhPlanPrintsTheComputedSurveyTotal() throws {
        let text = try #require(
            try Rendered.files("quang-binh-2021", kinds: [.plan]).first { $0.path == "ke-hoach.txt" }?.content)
        #expect(text.contains("Tổng số phiếu"))
        #expect(text.contains("| Tổng số phiếu                             |   199 |"))
        #expect(!text.contains("169"))
    }
}
