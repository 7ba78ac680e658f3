import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit
@testable import CCHCWriters

/// `cchc collect` on workbooks made in process (`ScoringWorkbook` with its cells to fill filled):
/// what it writes, and each refusal with its exact message, every problem of a run reported and
/// nothing written while one stands.
@Suite struct CollectTests {
    /// An Giang's dataset in a temporary folder, with or without its scores.csv.
    struct Year {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-collect-\(UUID().uuidString)")
        var dataset: URL { root.appendingPathComponent("an-giang-2022") }

        init(scores: Bool) throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestPaths.input("an-giang-2022"), to: dataset)
            if !scores { try FileManager.default.removeItem(at: dataset.appendingPathComponent("scores.csv")) }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        var setup: ScoringSetup {
            get throws {
                var d = DiagnosticEngine()
                return try #require(ScoringSetup.load(dataset, diagnostics: &d), "\(d.diagnostics)")
            }
        }

        /// The workbook of `form` for `id`, each cell to fill on a scored row given by `fill`
        /// (column name, criterion → value), then `edit`ed; written as `name`.
        @discardableResult
        func workbook(
            _ form: ScoringForm, _ id: String, as name: String, fill: (String, Criterion) -> WorkbookWriter.Value?,
            edit: (inout WorkbookWriter) -> Void = { _ in }
        ) throws -> URL {
            let setup = try setup
            var writer = try #require(ScoringWorkbook(setup, form, id: id).writer())
            let rows = setup.rows(form, id: id)
            let header = writer.sheets[0].header
            for (i, row) in rows.enumerated() where row.takesScore {
                for (c, column) in header.enumerated() where form.fill.contains(column) {
                    if let value = fill(column, row.criterion) { writer.sheets[0].rows[i][c] = value }
                }
            }
            edit(&writer)
            let url = root.appendingPathComponent(name)
            try writer.data().write(to: url)
            return url
        }

        func collect(_ books: [URL], replace: Bool = false) throws -> ScoresCollector.Outcome {
            try ScoresCollector.collect(dataset: dataset, paths: books.map { ($0, $0.lastPathComponent) }, replace: replace)
        }

        var scores: String { (try? String(contentsOf: dataset.appendingPathComponent("scores.csv"), encoding: .utf8)) ?? "" }
    }

    /// Each unit's self score: its max, as a number; evidence as text.
    static func full(_ column: String, _ c: Criterion) -> WorkbookWriter.Value? {
        switch column {
        case "self": return .number(c.max.description, .general)
        case "evidence": return .text("Báo cáo \(c.code)")
        default: return nil
        }
    }

    @Test func aUnitsWorkbookStartsTheScoresTable() throws {
        let year = try Year(scores: false)
        defer { year.remove() }
        let book = try year.workbook(ScoringForm(.units), "snv", as: "Gửi lại SNV.xlsx", fill: Self.full)
        let outcome = try year.collect([book])
        #expect(!outcome.held && outcome.written == 2 * 32, "\(outcome.diagnostics.diagnostics)")
        let lines = year.scores.components(separatedBy: "\r\n")
        #expect(lines[0] == "unit;code;self;appraised;evidence;explanation;comment;round1;comment1;response")
        #expect(lines[1] == "snv;1.1.1;1;;Báo cáo 1.1.1;;;;;")
        #expect(lines.count == 32 + 2 && lines.last == "")
        let snv = try #require(outcome.status.first { $0.id == "snv" })
        #expect(snv.isComplete && snv.files == ["Gửi lại SNV.xlsx"])
        #expect(outcome.status.filter { $0.files.isEmpty }.count == 30)
        // Twice: nothing changes.
        #expect(try year.collect([book]).written == 0)
    }

    @Test func aCellHoldingAnotherValueIsAConflictWrittenOnlyWithReplace() throws {
        let year = try Year(scores: true)
        defer { year.remove() }
        let before = year.scores
        let book = try year.workbook(ScoringForm(.units), "snv", as: "snv.xlsx", fill: Self.full)
        let held = try year.collect([book])
        #expect(held.held && !held.conflicts.isEmpty && held.diagnostics.errors.isEmpty)
        let first = try #require(held.conflicts.first)
        #expect(first.value.code.description == "1.1.1" && first.value.column == "self" && first.existing == "0,75")
        #expect(year.scores == before)
        let replaced = try year.collect([book], replace: true)
        #expect(!replaced.held && replaced.conflicts.count == held.conflicts.count && replaced.written >= held.conflicts.count)
        #expect(year.scores.contains("\r\nsnv;1.1.1;1;0,75;Báo cáo 1.1.1;"))
    }

    /// Every refusal of the issue, one workbook each, all in one run: each named at its file or
    /// cell with what was found and what was expected; nothing is written.
    @Test func everyRefusalIsReportedAndNothingIsWritten() throws {
        let year = try Year(scores: false)
        defer { year.remove() }
        let units = ScoringForm(.units)
        var books: [URL] = []
        books.append(try year.workbook(units, "snv", as: "year.xlsx", fill: Self.full) { Self.stamp(&$0, "year", "2021") })
        books.append(try year.workbook(units, "stp", as: "who.xlsx", fill: Self.full) { Self.stamp(&$0, "id", "sxyz") })
        books.append(
            try year.workbook(units, "stc", as: "other-row.xlsx", fill: Self.full) { $0.sheets[0].rows[2][0] = .text("sct") })
        books.append(
            try year.workbook(units, "sct", as: "above.xlsx") { column, c in
                column == "self" ? .number(c.code.description == "1.1.1" ? "5" : "1", .general) : nil
            })
        books.append(
            try year.workbook(units, "sxd", as: "decimals.xlsx") { column, c in
                column == "self" && c.code.description == "1.1.1" ? .text("0,125") : nil
            })
        books.append(
            try year.workbook(units, "syt", as: "field.xlsx", fill: Self.full) {
                $0.sheets[0].rows[0][5] = .number("9", .general)
            })
        books.append(
            try year.workbook(units, "sgtvt", as: "max.xlsx", fill: Self.full) {
                $0.sheets[0].rows[2][3] = .number("3", .general)
            })
        books.append(try year.workbook(units, "skhdt", as: "a.xlsx", fill: Self.full))
        books.append(
            try year.workbook(units, "skhdt", as: "b.xlsx") { column, c in
                column == "self" ? .number("0", .general) : Self.full(column, c)
            })
        let results = year.root.appendingPathComponent("results.xlsx")
        try WorkbookWriter(sheets: [.init(name: "scores", header: ["unit"], rows: [], widths: [10])]).data().write(to: results)
        books.append(results)
        let outcome = try year.collect(books)
        let messages = outcome.diagnostics.diagnostics.map(\.description)
        let expected = [
            "year.xlsx: error: was made for Ủy ban nhân dân tỉnh An Giang, year 2021 (dataset an-giang-2022); this dataset is Ủy ban nhân dân tỉnh An Giang, year 2022: expected a workbook of this year's dataset",
            "who.xlsx: error: was made for unit 'sxyz', which units.csv does not list; expected a workbook of a unit or agency of this dataset",
            "other-row.xlsx[scores]!B9: error: column 'code': unit sct, code 1.1.1 is not a row of this workbook (stc); expected only the rows it was sent with: a row of another unit or field goes in that one's workbook",
            "above.xlsx[scores]!F9: error: column 'self': 5 for 1.1.1 is above its max 1; expected 0 to 1",
            "decimals.xlsx[scores]!F9: error: column 'self': '0,125' for 1.1.1 has more decimals than the plan's precision (2); expected it rounded, e.g. 0,13, or a higher 'precision' in plan.yaml",
            "field.xlsx[scores]!F7: error: column 'self': '9' for 1, which is the sum of the criteria under it; expected this cell left as it was sent",
            "max.xlsx[scores]!D9: error: column 'max': '3' for 1.1.1; the framework gives 1: expected the max as it was sent, unchanged",
            "b.xlsx[scores]!F9: error: unit skhdt, code 1.1.1, column self: '0' here but '1' in a.xlsx, another workbook of skhdt; expected one answer: remove the workbook that is out of date",
            "results.xlsx: error: has no hidden sheet 'cchc', so it is not a workbook `cchc sheets` wrote; expected a scoring workbook sent out by the secretariat, returned with its sheets as they were",
        ]
        for message in expected { #expect(messages.contains(message), "\(messages)") }
        #expect(messages.count == expected.count, "\(messages)")
        #expect(outcome.held && outcome.written == 0)
        #expect(!FileManager.default.fileExists(atPath: year.dataset.appendingPathComponent("scores.csv").path))
    }

    /// A workbook made before the framework changed (a criterion renamed, a max moved) is refused.
    @Test func aWorkbookOfAnEarlierFrameworkIsRefused() throws {
        let year = try Year(scores: false)
        defer { year.remove() }
        let book = try year.workbook(ScoringForm(.leads, round: .first), "Sở Tư pháp", as: "stp.xlsx") { column, _ in
            column == "round1" ? .number("1", .general) : nil
        }
        let framework = year.dataset.appendingPathComponent("framework-so.csv")
        let text = try String(contentsOf: framework, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Rà soát, hệ thống hóa văn bản QPPL", with: "Rà soát văn bản QPPL").utf8).write(
            to: framework)
        let outcome = try year.collect([book])
        #expect(
            outcome.diagnostics.diagnostics.map(\.description) == [
                "stp.xlsx: error: was made from another version of the framework (a criterion, its code or its max has changed since); expected a workbook made from the framework as it is now: run `cchc sheets` again and send Sở Tư pháp the new one"
            ])
    }

    /// Changes one value of the hidden sheet `cchc`.
    static func stamp(_ writer: inout WorkbookWriter, _ key: String, _ value: String) {
        let i = writer.sheets[1].rows.firstIndex { $0[0] == .text(key) }!
        writer.sheets[1].rows[i][1] = .text(value)
    }
}
