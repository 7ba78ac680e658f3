import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCDocuments
@testable import CCHCKit
@testable import CCHCWriters

/// The smaller layout defects of issue 28 (items 9 and 12), each read from what was written: the
/// binding margin of a landscape page, the last row of a table kept with the one before, a
/// number column's title on two lines, a rise with its sign, the chart's average.
@Suite struct PageLayoutDetailTests {
    /// A landscape Phụ lục is bound along its top edge: 30 mm there (1701 twips), 15 mm below.
    @Test func aLandscapePagesBindingMarginIsOnItsTopEdge() throws {
        let decision = try #require(try WordDocumentTests.docx().first { $0.path == "quyet-dinh.docx" }?.package)
        let root = try #require(try decision.xml("word/document.xml").rootElement())
        let sections = DocxPackage.all("w:sectPr", in: root)
        for section in sections.dropFirst() {
            let margins = try #require(DocxPackage.children("w:pgMar", of: section).first)
            #expect(
                ["w:top", "w:bottom", "w:left", "w:right"].map { DocxPackage.attribute(margins, $0) }
                    == ["1701", "850", "1134", "1134"])
        }
        let html = try #require(try Rendered.files("an-giang-2022", kinds: [.decision]).first { $0.path == "quyet-dinh.html" })
        #expect(html.content.contains("size: A4 landscape; margin: 30mm 20mm 15mm 20mm;"))
    }

    /// In Word, every data table's row before its last is kept with the last (keepNext in each of
    /// its paragraphs), and its header row with its first row (the header style's keepNext).
    @Test func aTablesLastRowIsKeptWithTheOneBefore() throws {
        let decision = try #require(try WordDocumentTests.docx().first { $0.path == "quyet-dinh.docx" }?.package)
        let body = decision.text("word/document.xml")
        let tables = body.components(separatedBy: "<w:tblStyle w:val=\"TableGrid\"/>").dropFirst()
        #expect(!tables.isEmpty)
        for table in tables {
            let rows = (table.components(separatedBy: "</w:tbl>").first ?? "").components(separatedBy: "<w:tr>").dropFirst()
            guard rows.count > 2 else { continue }
            #expect(rows[rows.endIndex - 2].contains("<w:keepNext/>"), "the row before the last")
            #expect(!rows[rows.endIndex - 1].contains("<w:keepNext/>"), "the last row")
        }
        #expect(decision.text("word/styles.xml").contains("w:styleId=\"TableHeading\""))
    }

    @Test(arguments: [
        ("Điểm tự đánh giá", ["Điểm tự", "đánh giá"]), ("Chỉ số (%)", ["Chỉ số", "(%)"]), ("Xếp hạng", ["Xếp hạng"]),
        ("Điểm điều tra XHH", ["Điểm điều", "tra XHH"]), ("STT", ["STT"]),
    ])
    func aNumberColumnsTitleTakesTwoLines(title: String, lines: [String]) {
        #expect(DocumentContext.twoLines(title) == lines)
    }

    @Test func theHTMLBreaksANumberColumnsTitleWhereCchcSays() throws {
        let html = try #require(try Rendered.files("an-giang-2022", kinds: [.decision]).first { $0.path == "quyet-dinh.html" })
        #expect(html.content.contains("<th class=\"nowrap\">Điểm tự<br>đánh giá</th>"))
    }

    /// A rise is printed with its sign in a difference column, a fall with its minus.
    @Test func aRiseIsPrintedWithItsSign() throws {
        let xml = try #require(
            try Rendered.files("an-giang-2022", kinds: [.report]).first { $0.path == "bao-cao-ket-qua.xml" }?.content)
        #expect(xml.contains(">+18,63</Number>"))
        #expect(xml.contains(">-7,21</Number>"))
    }

    /// The report's chart draws the group's average across the bars, and Word's closes with it.
    @Test func theChartShowsTheGroupsAverage() throws {
        let files = try Rendered.files("an-giang-2022", kinds: [.report])
        let html = try #require(files.first { $0.path == "bao-cao-ket-qua.html" }?.content)
        #expect(html.contains("stroke-dasharray") && html.contains("Bình quân 85,99</text>"))
        let docx = try DocxPackage(try #require(files.first { $0.path == "bao-cao-ket-qua.docx" }?.bytes))
        #expect(docx.bodyText.contains("Bình quân"))
    }

    /// With documents.report.deadline, the lead agencies are asked to fix what was lost by then.
    @Test func theReportGivesTheDeadlineThePlanSets() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-deadline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dataset = root.appendingPathComponent("an-giang-2022")
        try FileManager.default.copyItem(at: TestPaths.input("an-giang-2022"), to: dataset)
        let plan = dataset.appendingPathComponent("plan.yaml")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "  report:\n", with: "  report:\n    deadline: 2023-06-30\n").utf8).write(to: plan)
        let out = root.appendingPathComponent("out")
        try RenderJob.run(dataset, .init(output: out, kinds: [.report], formats: [.txt]))
        let report = try String(contentsOf: out.appendingPathComponent("bao-cao-ket-qua.txt"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(report.contains("khắc phục các tiêu chí bị mất điểm nêu trên, hoàn thành trước ngày 30/6/2023."))
    }
}
