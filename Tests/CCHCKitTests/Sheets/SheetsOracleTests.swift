import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit

/// A year's scores sent out and brought back through the built binary, the workbooks filled by
/// openpyxl as units and agencies would (scores that read as a program writes them as numbers,
/// the rest, `1,50` and `N/A`, typed as text), some re-saved by LibreOffice Calc: the scores
/// table collect builds is An Giang's scores.csv byte for byte.
@Suite(.enabled(if: Oracles.available || Tools.required, "needs python3 with openpyxl and soffice (CI installs them)"))
struct SheetsOracleTests {
    /// The four rounds of An Giang's year: self-assessment, appraisal lần 1, the units' answers, appraisal lần 2.
    static let year: [(arguments: [String], folder: String)] = [
        (["--for", "units"], "units"), (["--for", "leads", "--round", "1"], "leads-1"),
        (["--for", "units", "--round", "2"], "units-2"), (["--for", "leads", "--round", "2"], "leads-2"),
    ]

    @Test func aYearOfWorkbooksCollectedIsTheSampleScoresTableByteForByte() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-sheets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let sample = TestPaths.input("an-giang-2022")
        let dataset = root.appendingPathComponent("an-giang-2022")
        try FileManager.default.copyItem(at: sample, to: dataset)
        try FileManager.default.removeItem(at: dataset.appendingPathComponent("scores.csv"))
        for (arguments, name) in Self.year {
            let sheets = try CLI.run(["sheets", dataset.path, "--out", root.appendingPathComponent(name).path] + arguments)
            #expect(sheets.status == 0, "\(sheets.stderr)")
            let folder = root.appendingPathComponent(name)
            let books = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xlsx") }.sorted()
            try Oracles.python(
                ["fill_sheets.py", sample.appendingPathComponent("scores.csv").path]
                    + books.map { folder.appendingPathComponent($0).path })
            // Three units' and one agency's workbooks come back re-saved by LibreOffice Calc.
            let resaved = root.appendingPathComponent("\(name)-lo")
            try Oracles.soffice(
                ["--convert-to", "xlsx", "--outdir", resaved.path]
                    + books.prefix(name.hasPrefix("units") ? 3 : 1).map { folder.appendingPathComponent($0).path })
            for book in try FileManager.default.contentsOfDirectory(atPath: resaved.path) {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(book))
                try FileManager.default.moveItem(
                    at: resaved.appendingPathComponent(book), to: folder.appendingPathComponent(book))
            }
            let collect = try CLI.run(["collect", dataset.path, folder.path])
            #expect(collect.status == 0, "\(name): \(collect.stderr)")
            #expect(collect.stdout.contains("cells written"), "\(name): \(collect.stdout)")
        }
        let collected = try Data(contentsOf: dataset.appendingPathComponent("scores.csv"))
        #expect(collected == (try Data(contentsOf: sample.appendingPathComponent("scores.csv"))))
        // The same workbooks again change nothing.
        let again = try CLI.run(["collect", dataset.path] + Self.year.map { root.appendingPathComponent($0.folder).path })
        #expect(again.status == 0 && again.stdout.contains("unchanged"), "\(again.stdout)\(again.stderr)")
        #expect(try Data(contentsOf: dataset.appendingPathComponent("scores.csv")) == collected)
        #expect(again.stdout.contains("Workbooks for leads (lần 2): 6 of 6 complete"), "\(again.stdout)")
    }

    /// A dataset that keeps its scores in a workbook (scores.xlsx, or the sheet scores of
    /// dataset.xlsx) keeps them there: the changed cells are written into it, every other sheet
    /// stays, and the dataset computes as its CSV twin with the same change.
    @Test(arguments: [false, true])
    func aWorkbookOfScoresStaysAWorkbook(one: Bool) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-sheets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let csv = root.appendingPathComponent("csv")
        try FileManager.default.copyItem(at: TestPaths.input("an-giang-2022"), to: csv)
        let xlsx = root.appendingPathComponent("xlsx")
        try Oracles.python(["csv_to_xlsx.py", csv.path, xlsx.path] + (one ? ["--one"] : []))
        let out = root.appendingPathComponent("leads")
        #expect(try CLI.run(["sheets", csv.path, "--out", out.path, "--for", "leads", "--round", "2"]).status == 0)
        let book = out.appendingPathComponent("so-tu-phap-lan-2.xlsx").path
        try Oracles.python(["fill_sheets.py", csv.appendingPathComponent("scores.csv").path, book])
        // Sở Tư pháp changes its mind on one score of snv.
        var scores = try String(contentsOf: csv.appendingPathComponent("scores.csv"), encoding: .utf8)
        let line = try #require(scores.components(separatedBy: "\r\n").first { $0.hasPrefix("snv;2.1;") })
        var fields = line.components(separatedBy: ";")
        fields[3] = "1,5"
        scores = scores.replacingOccurrences(of: line, with: fields.joined(separator: ";"))
        let changed = root.appendingPathComponent("changed.csv")
        try Data(scores.utf8).write(to: changed)
        try Oracles.python(["fill_sheets.py", changed.path, book])
        for dataset in [csv, xlsx] {
            let refused = try CLI.run(["collect", dataset.path, book])
            #expect(
                refused.status == 1 && refused.stderr.contains("conflict: unit snv, code 2.1, column appraised"),
                "\(refused.stderr)")
            let replaced = try CLI.run(["collect", dataset.path, book, "--replace"])
            #expect(replaced.status == 0 && replaced.stdout.contains("1 cell written"), "\(replaced.stdout)\(replaced.stderr)")
        }
        #expect(try WorkbookOracleTests.results(xlsx) == (try WorkbookOracleTests.results(csv)))
        let names = try FileManager.default.contentsOfDirectory(atPath: xlsx.path).sorted()
        #expect(!names.contains("scores.csv") && names.contains(one ? "dataset.xlsx" : "scores.xlsx"), "\(names)")
        // LibreOffice Calc opens the written workbook and reads the new score.
        let resaved = root.appendingPathComponent("lo")
        try Oracles.resave(xlsx, into: resaved)
        #expect(try WorkbookOracleTests.results(resaved) == (try WorkbookOracleTests.results(csv)))
    }

    /// What openpyxl reads of a unit's and an agency's workbook: the hidden sheet, protection,
    /// the cells left unlocked, the data validation of the score column, A4 landscape.
    @Test func openpyxlReadsTheFormAsSent() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-sheets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLI.run(["sheets", TestPaths.input("an-giang-2022").path, "--out", root.path, "--for", "units"]).status == 0)
        let report = try Oracles.python(["check_sheet.py", root.appendingPathComponent("snv.xlsx").path])
        #expect(
            report == """
                sheets: scores visible, cchc hidden
                protected: True
                header row 6: unit, code, name, max, method, self, evidence, explanation
                unlocked: self, evidence, explanation
                survey rows: 7, self 'chấm qua điều tra' locked
                validation: F7:F56 OR(F7="N/A",F7="-",AND(ISNUMBER(F7),F7>=0,F7<=D7))
                page: paper 9, landscape
                stamp: for units, id snv, round 0, year 2022

                """, "\(report)")
        // openxml-audit: nothing Excel would repair, in a unit's workbook and an agency's.
        #expect(
            try CLI.run([
                "sheets", TestPaths.input("an-giang-2022").path, "--out", root.appendingPathComponent("leads").path, "--for",
                "leads", "--round", "2",
            ]).status == 0)
        for book in [root.appendingPathComponent("snv.xlsx"), root.appendingPathComponent("leads/so-tu-phap-lan-2.xlsx")] {
            let audit = try Tools.run(
                executable: "/usr/bin/env", ["python3", "-m", "openxml_audit", book.path], allowFailure: true)
            #expect(audit.contains("Errors: 0") && audit.contains("no findings"), "\(audit)")
        }
    }
}
