import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit
@testable import CCHCStore
@testable import CCHCWriters

/// `cchc sheets`: which rows and columns each workbook holds, read back by cchc's own workbook
/// reader, and the output folder's rules.
@Suite struct ScoringSheetsTests {
    static let anGiang = TestPaths.input("an-giang-2022")

    static func setup(_ folder: URL = anGiang) throws -> ScoringSetup {
        var d = DiagnosticEngine()
        return try #require(ScoringSetup.load(folder, diagnostics: &d), "\(d.diagnostics)")
    }

    /// The sheet `scores` of a workbook as cchc reads a dataset table, and its stamp.
    static func read(_ writer: WorkbookWriter) throws -> ReturnedWorkbook {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-sheet-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try writer.data().write(to: url)
        var d = DiagnosticEngine()
        return try #require(ReturnedWorkbook.read(url, label: "x.xlsx", diagnostics: &d), "\(d.diagnostics)")
    }

    @Test func aLeadsWorkbookHoldsItsFieldsForEveryUnitWithTheUnitsScoresShown() throws {
        let setup = try Self.setup()
        let book = try Self.read(
            try #require(ScoringWorkbook(setup, ScoringForm(.leads, round: .second), id: "Sở Tư pháp").writer()))
        let t = book.table
        #expect(
            t.header == [
                "unit", "unit-name", "code", "name", "max", "self", "evidence", "explanation", "round1", "comment1", "response",
                "appraised", "comment",
            ])
        #expect(t.headerLine == 6 && book.stamp.headerRow == 6)
        // Field 2 of each of the 31 units: the field and its criteria, nothing else.
        #expect(Set(t.rows.map { t.value($0, 2).prefix(1) }) == ["2"])
        #expect(Set(t.rows.map { t.value($0, 0) }).count == 31 && t.rows.filter { t.value($0, 2) == "2" }.count == 31)
        // snv 2.1 shows the unit's self score and evidence from scores.csv; nothing is filled.
        let row = try #require(t.rows.first { t.value($0, 0) == "snv" && t.value($0, 2) == "2.1" })
        #expect(t.value(row, 5) == "2" && t.value(row, 6) == "Báo cáo kết quả thực hiện tiêu chí 2.1 năm 2022")
        #expect(t.value(row, 11).isEmpty && t.value(row, 12).isEmpty)
        #expect(book.stamp.form == ScoringForm(.leads, round: .second) && book.stamp.id == "Sở Tư pháp")
        #expect(ScoringWorkbook(setup, ScoringForm(.leads, round: .second), id: "Sở Tư pháp").fileName == "so-tu-phap-lan-2.xlsx")
    }

    /// A unit's workbook: its whole framework, the survey's criteria marked and not to fill; the
    /// framework's rule and evidence when it gives them; the deadline of plan.yaml in its title.
    @Test func aUnitsWorkbookHoldsItsFrameworkAndTheGuidanceTheFrameworkGives() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-sheets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.anGiang, to: root)
        let framework = root.appendingPathComponent("framework-so.csv")
        let lines = try String(contentsOf: framework, encoding: .utf8).split(separator: "\n").map { line in
            line.hasPrefix("code,")
                ? line + ",rule,evidence"
                : line.hasPrefix("1.1.1,") ? line + ",Trước 31/12: 1 điểm,Kế hoạch CCHC năm" : line + ",,"
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: framework)
        let plan = root.appendingPathComponent("plan.yaml")
        try Data((try String(contentsOf: plan, encoding: .utf8) + "deadlines:\n  self-assessment: 2023-03-20\n").utf8).write(
            to: plan)
        let setup = try Self.setup(root)
        let writer = try #require(ScoringWorkbook(setup, ScoringForm(.units), id: "snv").writer())
        #expect(writer.sheets[0].title[2] == "Hạn gửi lại: ngày 20 tháng 3 năm 2023")
        let book = try Self.read(writer)
        let t = book.table
        #expect(t.header == ["unit", "code", "name", "max", "method", "rule", "required", "self", "evidence", "explanation"])
        let first = try #require(t.rows.first { t.value($0, 1) == "1.1.1" })
        #expect(t.value(first, 5) == "Trước 31/12: 1 điểm" && t.value(first, 6) == "Kế hoạch CCHC năm")
        let survey = t.rows.filter { t.value($0, 7) == ScoringForm.surveyMarker }.map { t.value($0, 1) }
        #expect(survey == ["8.1.1", "8.1.2", "8.1.3", "8.2.1", "8.2.2", "8.2.3", "8.2.4"])
        #expect(t.rows.count == (setup.frameworks["framework-so.csv"]?.criteria.count ?? 0))
    }

    /// The folder rules of a render: a folder of someone else's files, or of a render, is
    /// refused; a previous `sheets` output is replaced whole; the same dataset gives the same bytes.
    @Test func theOutputFolderFollowsTheRulesOfARender() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-sheets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try ScoringSheets.write(dataset: Self.anGiang, form: ScoringForm(.units), output: out)
        let first = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(first.count == 32 && first.contains("snv.xlsx") && first.contains(RenderProvenance.fileName))
        let bytes = try Data(contentsOf: out.appendingPathComponent("snv.xlsx"))
        try ScoringSheets.write(dataset: Self.anGiang, form: ScoringForm(.leads), output: out)
        let second = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(second.count == 7 && !second.contains("snv.xlsx"), "\(second)")
        try ScoringSheets.write(dataset: Self.anGiang, form: ScoringForm(.units), output: out)
        #expect(try Data(contentsOf: out.appendingPathComponent("snv.xlsx")) == bytes)

        let foreign = root.appendingPathComponent("foreign")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        #expect(throws: RenderError.self) {
            try ScoringSheets.write(dataset: Self.anGiang, form: ScoringForm(.units), output: foreign)
        }
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("notes.txt").path))

        let rendered = root.appendingPathComponent("rendered")
        try RenderJob.run(Self.anGiang, .init(output: rendered, kinds: [.decision]))
        do {
            try ScoringSheets.write(dataset: Self.anGiang, form: ScoringForm(.units), output: rendered)
            Issue.record("a render's folder was taken")
        } catch let error as RenderError {
            #expect(
                (error.errorDescription ?? "").hasSuffix(
                    "holds documents of `cchc render`; expected a new folder, an empty one or one `cchc sheets` wrote before"))
        }
        // And a folder of workbooks is not archived as documents.
        #expect(throws: ArchiveError.self) {
            try Archiver.archive(out, .init(store: root.appendingPathComponent("store")))
        }
    }

    /// A dataset with no lead agency named has no agency to send a workbook to: said, nothing written.
    @Test func noLeadNamedIsSaid() throws {
        let scratch = try ScratchDataset([
            "framework.csv":
                "code,name,max,method\n1,CHỈ ĐẠO,,\n1.1,Kế hoạch,\"1,5\",\n1.2,Báo cáo,\"1,5\",\n2,HÀI LÒNG,2,sipas\n"
        ])
        defer { try? FileManager.default.removeItem(at: scratch.folder) }
        let out = scratch.folder.appendingPathComponent("out")
        let run = try CLI.run(["sheets", scratch.folder.path, "--out", out.path, "--for", "leads"])
        #expect(run.status == 1 && run.stderr.contains("no criterion names a lead agency"), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("Nothing was written.\n") && !FileManager.default.fileExists(atPath: out.path))
    }
}
