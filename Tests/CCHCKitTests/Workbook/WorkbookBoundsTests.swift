import CCHCTestSupport
import Foundation
import Testing
import ZIPFoundation

@testable import CCHCCompute
@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit
@testable import CCHCWriters

/// A workbook cannot crash the reader or make it take memory out of proportion to its content:
/// rows, columns and date serials within Excel's own limits, empty cells costing nothing, one
/// message for a repeated mistake, no ZIP entry read twice (issue 26, finding 9).
@Suite struct WorkbookBoundsTests {
    private func read(_ rows: String) throws -> (CSVTable?, [String]) {
        let (table, problems) = try WorkbookReaderTests.read(HandWrittenWorkbook(sheets: [.init(name: "scores", rows: rows)]))
        return (table, problems.map(\.description))
    }

    @Test func aRowNumberOutsideExcelsRangeIsAnErrorNotACrash() throws {
        for (rows, shown) in [
            (
                "<row r=\"9223372036854775807\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row><row><c t=\"inlineStr\"><is><t>y</t></is></c></row>",
                "9223372036854775807"
            ),
            ("<row r=\"-5\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>", "-5"),
            ("<row r=\"1048577\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>", "1048577"),
            ("<row r=\"0\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>", "0"),
        ] {
            let (table, problems) = try read(rows)
            #expect(table == nil)
            #expect(
                problems == [
                    "t.xlsx[scores]: error: has a row numbered '\(shown)'; expected rows 1 to 1048576, as Excel numbers them; open it in Excel or LibreOffice Calc and save it as an Excel workbook (.xlsx)"
                ], "\(problems)")
        }
        // The row after row 1048576 would be beyond Excel's last.
        let (_, after) = try read(
            "<row r=\"1048576\"><c t=\"inlineStr\"><is><t>x</t></is></c></row><row><c t=\"inlineStr\"><is><t>y</t></is></c></row>"
        )
        #expect(after.first?.contains("has a row after row 1048576") == true, "\(after)")
    }

    @Test func aCellBeyondColumnXFDIsAnError() throws {
        let (table, problems) = try read(
            "<row r=\"1\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c><c t=\"inlineStr\"><is><t>y</t></is></c></row>")
        #expect(table == nil)
        #expect(problems.first?.contains("row 1 has a cell beyond column XFD") == true, "\(problems)")
        let (_, bad) = try read("<row r=\"1\"><c r=\"1A\" t=\"inlineStr\"><is><t>x</t></is></c></row>")
        #expect(bad.first?.contains("has a cell at '1A'") == true, "\(bad)")
    }

    /// 400.000 empty `<c/>` without an address in one row: refused at the 16.385th, not kept.
    @Test func emptyCellsWithoutAnAddressAreBounded() throws {
        let cells = String(repeating: "<c/>", count: 400_000)
        let (table, problems) = try read("<row r=\"1\"><c t=\"inlineStr\"><is><t>unit</t></is></c>\(cells)</row>")
        #expect(table == nil)
        #expect(problems.first?.contains("row 1 has a cell beyond column XFD") == true, "\(problems)")
        // Empty cells that stay within the row keep nothing: the header is the one titled cell.
        let within = String(repeating: "<c/>", count: 16_000)
        let (kept, _) = try read(
            "<row r=\"1\"><c t=\"inlineStr\"><is><t>unit</t></is></c>\(within)</row><row r=\"2\"><c t=\"inlineStr\"><is><t>a</t></is></c>\(within)</row>"
        )
        #expect(kept?.header == ["unit"])
        #expect(kept?.rows.map(\.fields) == [["a"]])
    }

    /// A header titled at XFD1 and many rows: refused before 16.384 fields are made for each row.
    @Test func aHeaderAtXFDOverManyRowsIsRefusedNotPadded() throws {
        var rows =
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>unit</t></is></c><c r=\"XFD1\" t=\"inlineStr\"><is><t>far</t></is></c></row>"
        for r in 2...5000 { rows += "<row r=\"\(r)\"><c r=\"A\(r)\"><v>\(r)</v></c></row>" }
        let (table, problems) = try read(rows)
        #expect(table == nil)
        #expect(
            problems.first?.contains("holds 4999 rows under a header reaching column XFD (16384 columns)") == true, "\(problems)")
    }

    @Test(arguments: ["9223372036854775807", "1e30", "2958466", "-1"])
    func aDateSerialOutsideExcelsDatesIsReadAsTheNumberItIs(stored: String) {
        if case .success(let text) = ExcelValue.date(stored, date1904: false) {
            Issue.record("\(stored) read as the date \(text)")
        }
        if case .success(let text) = ExcelValue.date(stored, date1904: true) {
            Issue.record("\(stored) read as the date \(text) (1904)")
        }
        #expect(try! ExcelValue.date("2958465", date1904: false).get() == "31/12/9999")
    }

    @Test func aWorkbookWithTwoEntriesOfOneNameIsRefused() throws {
        let book = HandWrittenWorkbook(sheets: [.init(name: "scores", rows: HandWrittenWorkbook.row(1, ["unit"]))])
        let archive = try Archive(data: try book.data(), accessMode: .update)
        let second = Data("<worksheet xmlns=\"\(HandWrittenWorkbook.main)\"><sheetData/></worksheet>".utf8)
        try GMTimeLock.withLock {
            try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(second.count)) {
                position, size in second.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let error = #expect(throws: WorkbookError.self) { try Workbook(archive.data!) }
        #expect(error == .duplicateEntry("xl/worksheets/sheet1.xml"))
        #expect(error?.message.contains("holds the part xl/worksheets/sheet1.xml twice") == true)
    }
}

/// A mistake repeated on many rows is one message with its count, and no message quotes a whole
/// header (issue 26, finding 9).
@Suite struct RepeatedMistakeTests {
    @Test func aThousandRowsNamingOneUnknownUnitGiveOneMessage() throws {
        var scores = "unit;code;self;appraised;evidence;explanation\n"
        for _ in 0..<1000 { scores += "xx;1.1;1;1;;\n" }
        let dataset = try ScratchDataset(["scores.csv": ScratchDataset.example["scores.csv"]! + scores.dropFirst(46)])
        defer { dataset.remove() }
        let unknown = dataset.check().errors.map(\.description).filter { $0.contains("'xx' is not in units.csv") }
        #expect(unknown.count == 1, "\(unknown.prefix(3))")
        #expect(
            unknown.first?.hasSuffix("expected a unit id (the same on 999 more lines: 7, 8, 9, 10, 11, …)") == true,
            "\(unknown.first ?? "")")
    }

    @Test func aHeaderOfSixteenThousandColumnsIsNotQuotedWhole() throws {
        let header = (1...16_000).map { "c\($0)" }.joined(separator: ",")
        let dataset = try ScratchDataset(["units.csv": header + "\n" + "a,b\n"])
        defer { dataset.remove() }
        let text = dataset.check().diagnostics.map(\.description).joined(separator: "\n")
        #expect(text.utf8.count < 4000, "\(text.prefix(300))")
        #expect(text.contains("c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12, … (16000 columns)"), "\(text.prefix(600))")
    }
}

/// A group named like the sheet next year reads (`results`, `previous`) does not take its name:
/// results.xlsx still serves as previous.xlsx (issue 26, finding 13).
@Suite struct ReservedSheetNameTests {
    @Test(arguments: ["results", "Results", "previous"])
    func aGroupNamedLikeAReservedSheetLeavesItsNameToIt(group: String) throws {
        let units = "id,name,group\ntp,Sở Tư pháp,\(group)\ntc,Sở Tài chính,\(group)\n"
        let scratch = try ScratchDataset(["units.csv": units, "previous.csv": nil])
        defer { scratch.remove() }
        let results = try #require(scratch.check().results)
        let book = ResultsWorkbook.make(results)
        #expect(book.sheets.last?.name == "results")
        #expect(book.sheets.filter { $0.name.lowercased() == "results" }.count == 1)
        #expect(!book.sheets.contains { $0.name.lowercased() == "previous" })
        let next = try ScratchDataset(["units.csv": units, "previous.csv": nil])
        defer { next.remove() }
        try book.data().write(to: next.folder.appendingPathComponent("previous.xlsx"))
        let read = try #require(next.check().results)
        #expect(read.groups.flatMap(\.units).map { $0.previousRank } == [1, 2])
    }
}
