import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit
@testable import CCHCWriters

/// A dataset whose tables are workbooks: the same rules, checks and messages as CSV, each
/// message at its workbook, sheet and cell.
@Suite struct DatasetWorkbookTests {
    /// The CSV text `csv` as a workbook of one sheet named `sheet`, as `cchc init --xlsx` writes it.
    static func workbook(_ csv: String, sheet: String) throws -> Data {
        var found = DiagnosticEngine()
        let table = try #require(CSVReader.parse(csv, file: "x.csv", diagnostics: &found))
        return try WorkbookWriter(sheets: [DatasetSkeleton.sheet(table, name: sheet)]).data()
    }

    /// The spec example with `name` (e.g. `scores.csv`) as a workbook (`scores.xlsx`), its CSV removed.
    static func example(asWorkbook names: [String], overrides: [String: String] = [:]) throws -> ScratchDataset {
        let scratch = try ScratchDataset(Dictionary(uniqueKeysWithValues: names.map { ($0, nil) }))
        for name in names {
            let csv = overrides[name] ?? ScratchDataset.example[name] ?? ""
            let stem = DatasetSources.stem(name)
            try workbook(csv, sheet: stem).write(to: scratch.folder.appendingPathComponent(stem + ".xlsx"))
        }
        return scratch
    }

    @Test func messagesNameWorkbookSheetAndCell() throws {
        let scores = "unit;code;self;appraised\ntp;1.1;1,5;1,5\ntp;1.2;1,5;9\ntc;1.1;1,5;1,5\ntc;1.2;N/A;N/A\n"
        let scratch = try Self.example(asWorkbook: ["scores.csv"], overrides: ["scores.csv": scores])
        defer { scratch.remove() }
        #expect(
            scratch.check().errors.map(\.description) == [
                "scores.xlsx[scores]!D3: error: column 'appraised': 9 for 1.2 is above its max 1.5; expected 0 to 1.5"
            ])
    }

    @Test func aTitleAboveTheHeaderIsLeftOut() throws {
        let scratch = try ScratchDataset(["scores.csv": nil])
        defer { scratch.remove() }
        let rows = [
            (1, ["BẢNG ĐIỂM TỰ ĐÁNH GIÁ VÀ THẨM ĐỊNH"]), (3, ["unit", "code", "self", "appraised"]),
            (4, ["tp", "1.1", "=1.5", "=1.5"]),
            (5, ["tp", "1.2", "=1.5", "=9"]), (6, ["tc", "1.1", "=1.5", "=1.5"]), (7, ["tc", "1.2", "N/A", "N/A"]),
        ]
        let book = HandWrittenWorkbook(sheets: [
            .init(name: "scores", rows: rows.map { HandWrittenWorkbook.row($0, $1) }.joined())
        ])
        try book.write(to: scratch.folder.appendingPathComponent("scores.xlsx"))
        #expect(
            scratch.check().errors.map(\.description) == [
                "scores.xlsx[scores]!D5: error: column 'appraised': 9 for 1.2 is above its max 1.5; expected 0 to 1.5"
            ])
    }

    @Test func aWorkbookDatasetComputesAsItsCSVTwin() throws {
        let names = ["framework.csv", "units.csv", "scores.csv", "survey.csv", "previous.csv"]
        let scratch = try Self.example(asWorkbook: names)
        defer { scratch.remove() }
        let twin = try ScratchDataset()
        defer { twin.remove() }
        let (a, b) = (scratch.check(), twin.check())
        #expect(a.otherDiagnostics.isEmpty, "\(a.diagnostics)")
        let json = try [a, b].map { ResultsJSON.render(try #require($0.results)) }
        #expect(
            json[0].replacingOccurrences(of: scratch.folder.lastPathComponent, with: "")
                == json[1].replacingOccurrences(of: twin.folder.lastPathComponent, with: ""))
    }

    @Test func aTableInTwoFormsIsAnErrorNamingBoth() throws {
        let scratch = try ScratchDataset()
        defer { scratch.remove() }
        try Self.workbook(ScratchDataset.example["scores.csv"]!, sheet: "scores").write(
            to: scratch.folder.appendingPathComponent("scores.xlsx"))
        #expect(
            scratch.check().errors.map(\.description) == [
                "scores.csv: error: the same table is also in scores.xlsx; expected it in one file only: remove or rename all but one"
            ])
    }

    @Test(arguments: ["framework.xlsx", "framework.csv", "framework", ""])
    func unitsNameTheirFrameworkInAnyForm(named: String) throws {
        let units =
            "id,name,group,framework\ntp,Sở Tư pháp,\"Sở, ban, ngành\",\(named)\ntc,Sở Tài chính,\"Sở, ban, ngành\",\(named)\n"
        let scratch = try Self.example(asWorkbook: ["framework.csv"], overrides: [:])
        defer { scratch.remove() }
        try Data(units.utf8).write(to: scratch.folder.appendingPathComponent("units.csv"))
        let checked = scratch.check()
        #expect(checked.errors.isEmpty, "\(checked.errors)")
        #expect(checked.results?.groups.first?.units.count == 2)
    }

    @Test func oneDatasetWorkbookWithASheetPerTable() throws {
        let scratch = try ScratchDataset(["units.csv": nil, "scores.csv": nil])
        defer { scratch.remove() }
        var sheets: [WorkbookWriter.Sheet] = []
        for name in ["units", "scores"] {
            var found = DiagnosticEngine()
            let table = try #require(
                CSVReader.parse(ScratchDataset.example[name + ".csv"]!, file: SourceName(name), diagnostics: &found))
            sheets.append(DatasetSkeleton.sheet(table, name: name))
        }
        var notes = sheets[0]
        notes.name = "ghi chú"
        try WorkbookWriter(sheets: sheets + [notes]).data().write(to: scratch.folder.appendingPathComponent("dataset.xlsx"))
        let checked = scratch.check()
        #expect(checked.otherDiagnostics.isEmpty, "\(checked.diagnostics)")
        #expect(checked.results?.groups.first?.units.map(\.id) == ["tp", "tc"])
    }

    @Test func aWorkbookOfSeveralSheetsNeedsOneNamedLikeTheTable() throws {
        let scratch = try ScratchDataset(["scores.csv": nil])
        defer { scratch.remove() }
        var found = DiagnosticEngine()
        let table = try #require(CSVReader.parse(ScratchDataset.example["scores.csv"]!, file: "s", diagnostics: &found))
        let sheets = ["Sheet1", "Sheet2"].map { DatasetSkeleton.sheet(table, name: $0) }
        try WorkbookWriter(sheets: sheets).data().write(to: scratch.folder.appendingPathComponent("scores.xlsx"))
        #expect(
            scratch.check().errors.map(\.description) == [
                "scores.xlsx: error: has 2 sheets (Sheet1, Sheet2) and none is named 'scores'; expected the table on a sheet named 'scores' (or a workbook of one sheet)"
            ])
    }

    @Test func aHiddenSheetIsReadOnlyWhenNamedLikeTheTable() throws {
        var book = HandWrittenWorkbook(sheets: [
            .init(name: "nháp", rows: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>draft</t></is></c></row>"),
            .init(
                name: "previous", hidden: true,
                rows:
                    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>unit</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>index</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>rank</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>tp</t></is></c><c r=\"B2\"><v>70.5</v></c><c r=\"C2\"><v>2</v></c></row>"
            ),
        ])
        let scratch = try ScratchDataset(["previous.csv": nil])
        defer { scratch.remove() }
        try book.write(to: scratch.folder.appendingPathComponent("previous.xlsx"))
        let tp = scratch.check().results?.groups.first?.units.first { $0.id == "tp" }
        #expect(tp?.previousRank == 2)
        // Unnamed, the hidden sheet is not read: the one visible sheet is, and it is no previous table.
        book.sheets[1].name = "cũ"
        try book.write(to: scratch.folder.appendingPathComponent("previous.xlsx"))
        #expect(Set(scratch.check().errors.map(\.file)) == [SourceName("previous.xlsx", sheet: "nháp")])
    }

    @Test func lastYearsResultsWorkbookServesAsPrevious() throws {
        let scratch = try ScratchDataset()
        defer { scratch.remove() }
        let results = try #require(scratch.check().results)
        let csvTwin = try ScratchDataset(["previous.csv": ResultsCSV.render(results)])
        defer { csvTwin.remove() }
        let xlsxTwin = try ScratchDataset(["previous.csv": nil])
        defer { xlsxTwin.remove() }
        try ResultsWorkbook.render(results).write(to: xlsxTwin.folder.appendingPathComponent("previous.xlsx"))
        let fromCSV = try #require(csvTwin.check().results)
        let fromXLSX = try #require(xlsxTwin.check().results)
        let units = [fromCSV, fromXLSX].map {
            $0.groups.flatMap(\.units).map {
                "\($0.id) \($0.previousRank.map(String.init) ?? "-") \($0.previousIndex?.description ?? "-")"
            }
        }
        #expect(units[0] == units[1])
        #expect(units[0] == ["tp 1 82", "tc 2 77.14"])
    }

    @Test func theResultsWorkbookIsWrittenFromSeveralThreadsAtOnce() throws {
        let scratch = try ScratchDataset()
        defer { scratch.remove() }
        let results = try #require(scratch.check().results)
        let expected = try ResultsWorkbook.render(results)
        let written = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            let outcome: String
            do { outcome = try ResultsWorkbook.render(results) == expected ? "same" : "different" } catch { outcome = "\(error)" }
            written.withLock { $0.append(outcome) }
        }
        #expect(written.withLock { $0 } == Array(repeating: "same", count: 64))
    }

    /// The results workbook this process makes is the one a `cchc render` process wrote.
    @Test func theResultsWorkbookIsTheSameBytesInAnotherProcess() throws {
        let scratch = try ScratchDataset()
        defer { scratch.remove() }
        let results = try #require(scratch.check().results)
        let out = scratch.folder.appendingPathComponent("out")
        let run = try CLI.run(["render", scratch.folder.path, "--out", out.path, "--kinds", "plan", "--formats", "txt"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try ResultsWorkbook.render(results) == Data(contentsOf: out.appendingPathComponent("results.xlsx")))
    }
}
