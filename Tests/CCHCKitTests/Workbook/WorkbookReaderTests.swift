import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCWriters

/// The workbook reader on hand-written parts: every kind of cell Excel, LibreOffice and
/// libraries write, read as the officer typed or saw it.
@Suite struct WorkbookReaderTests {
    /// Reads the sheet of `book` named `sheet` as cchc reads a table.
    static func read(_ book: HandWrittenWorkbook, sheet: String? = nil) throws -> (CSVTable?, [Diagnostic]) {
        let workbook = try Workbook(try book.data())
        let chosen = try #require(workbook.sheets.first { $0.name == (sheet ?? book.sheets[0].name) })
        var found = DiagnosticEngine()
        let table = SheetReader.table(
            workbook, chosen, file: SourceName("t.xlsx", sheet: chosen.name), required: true, diagnostics: &found)
        return (table, found.diagnostics)
    }

    @Test(arguments: [
        ("95.319999999999993", "95.32"), ("8.3000000000000007", "8.3"), ("3", "3"), ("1E-05", "0.00001"),
        ("1.5E+2", "150"), ("0.1", "0.1"), ("-0", "0"), ("0.29999999999999999", "0.3"),
        ("0.30000000000000004", "0.30000000000000004"), ("2.675", "2.675"),
    ])
    func numbersAreTheShortestDecimalOfTheirDouble(stored: String, shown: String) {
        #expect(ExcelValue.number(stored) == shown)
    }

    @Test func cellReferences() {
        #expect(CellReference("E12") == CellReference(column: 5, row: 12))
        #expect(CellReference("$AA$3") == CellReference(column: 27, row: 3))
        #expect(CellReference(column: 703, row: 1).description == "AAA1")
        #expect(CellReference("12") == nil)
    }

    @Test func everyKindOfCell() throws {
        var book = HandWrittenWorkbook(
            sheets: [
                .init(
                    name: "t",
                    rows: """
                        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="str"><v>d</v></c><c r="E1" t="s"><v>2</v></c><c r="F1" t="s"><v>3</v></c></row>
                        <row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3"><v>95.319999999999993</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#DIV/0!</v></c><c r="E3"><f>SUM(B3:B3)</f><v>95.319999999999993</v></c><c r="F3" s="1"><v>43621</v></c></row>
                        <row r="4"><c t="inlineStr"><is><r><t>Sở </t></r><r><rPr><b/></rPr><t>Tư pháp</t></r><rPh><t>x</t></rPh></is></c><c><v>1</v></c><c r="F4" s="1"><v>43621.5</v></c><c r="G4"/></row>
                        <row r="5"><c r="A5" t="s"><v>5</v></c></row>
                        """)
            ])
        book.sharedStrings = [
            "<t>a</t>", "<r><t>c</t></r><rPh><t>phonetic</t></rPh>", "<t>e</t>", "<t>f</t>", "<t>dòng_x000D_\nhai</t>",
            "<t xml:space=\"preserve\"> </t>",
        ]
        let (read, problems) = try Self.read(book)
        let table = try #require(read)
        #expect(problems.isEmpty, "\(problems)")
        #expect(table.header == ["a", "b", "c", "d", "e", "f"])
        // Row 5 holds only a space: blank, skipped like Excel's blank rows in a CSV.
        #expect(table.rows.map(\.line) == [3, 4])
        #expect(table.rows[0].fields == ["dòng\r\nhai", "95.32", "TRUE", "#DIV/0!", "95.32", "05/06/2019"])
        // Cells without `r` follow the one before; a run of formatting is one text.
        #expect(table.rows[1].fields == ["Sở Tư pháp", "1", "", "", "", "05/06/2019 12:00"])
    }

    @Test func aFormulaWithoutItsResultIsNamedAtItsCell() throws {
        let book = HandWrittenWorkbook(sheets: [
            .init(
                name: "scores",
                rows: HandWrittenWorkbook.row(1, ["self"]) + HandWrittenWorkbook.row(2, ["<c r=\"A2\"><f>1+1</f></c>"]))
        ])
        let (_, problems) = try Self.read(book)
        #expect(
            problems.map(\.description) == [
                "t.xlsx[scores]!A2: error: the formula =1+1 has no saved result (the file was written by a program that does not compute formulas); expected a value: open the file in Excel or LibreOffice Calc, save it, and run again"
            ])
    }

    @Test func datesOf1900And1904() throws {
        #expect(try ExcelValue.date("1", date1904: false).get() == "01/01/1900")
        #expect(try ExcelValue.date("59", date1904: false).get() == "28/02/1900")
        #expect(try ExcelValue.date("61", date1904: false).get() == "01/03/1900")
        #expect(ExcelValue.date("60", date1904: false) == .failure(.nonExistent1900))
        #expect(try ExcelValue.date("0", date1904: true).get() == "01/01/1904")
        #expect(try ExcelValue.date("42159", date1904: true).get() == "05/06/2019")
        var book = HandWrittenWorkbook(sheets: [
            .init(
                name: "t",
                rows: HandWrittenWorkbook.row(1, ["d"]) + HandWrittenWorkbook.row(2, ["<c r=\"A2\" s=\"1\"><v>60</v></c>"]))
        ])
        let (_, problems) = try Self.read(book)
        #expect(
            problems.map(\.description).first?.hasPrefix("t.xlsx[t]!A2: error: holds the date 29/02/1900, which does not exist")
                == true)
        book.date1904 = true
        book.sheets[0].rows = book.sheets[0].rows.replacingOccurrences(of: "<v>60</v>", with: "<v>42159</v>")
        #expect(try Self.read(book).0?.rows.first?.fields == ["05/06/2019"])
    }

    @Test func dateFormatsAreToldFromGeneral() {
        #expect(ExcelValue.isDateFormat(id: 14, code: nil))
        #expect(ExcelValue.isDateFormat(id: 164, code: "dd/mm/yyyy"))
        #expect(!ExcelValue.isDateFormat(id: 164, code: "General"))  // LibreOffice's General
        #expect(!ExcelValue.isDateFormat(id: 165, code: "0.00\" ngày\""))
        #expect(!ExcelValue.isDateFormat(id: 166, code: "[Red]0.00"))
        #expect(!ExcelValue.isDateFormat(id: 2, code: nil))
    }

    @Test func aCodeTypedIntoAGeneralCellIsNamed() throws {
        let book = HandWrittenWorkbook(sheets: [
            .init(
                name: "scores",
                rows: [["unit", "code"], ["tp", "=1.1"], ["tp", "=2"]].enumerated().map { HandWrittenWorkbook.row($0 + 1, $1) }
                    .joined())
        ])
        let (_, problems) = try Self.read(book)
        #expect(
            problems.map(\.description) == [
                "t.xlsx[scores]!B2: error: column 'code': the cell holds the number 1.1, not a code: Excel turns a code typed as 1.10 into the number 1.1; expected the codes as text: format the column as Text and type them again, or type a ' before each code (e.g. '1.10)"
            ])
    }

    @Test func aValueBeyondTheHeaderIsWarnedAndLeftOut() throws {
        let book = HandWrittenWorkbook(sheets: [
            .init(
                name: "t",
                rows:
                    "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>x</t></is></c></row><row r=\"3\"><c r=\"B3\"><v>1</v></c><c r=\"D3\" t=\"inlineStr\"><is><t>ghi chú</t></is></c></row>"
            )
        ])
        let (table, problems) = try Self.read(book)
        #expect(table?.header == ["", "x"])
        #expect(table?.headerLine == 2)
        #expect(table?.rows.first?.fields == ["", "1"])
        #expect(
            problems.map(\.description).first?.hasPrefix("t.xlsx[t]!D3: warning: holds 'ghi chú' in a column with no title")
                == true)
    }

    @Test func whatIsNotAWorkbookIsSaidPlainly() {
        #expect(throws: WorkbookError.legacyExcel) { try Workbook(Data([0xD0, 0xCF, 0x11, 0xE0, 0, 0])) }
        #expect(throws: WorkbookError.notAZip) { try Workbook(Data("unit,code\n".utf8)) }
    }

    @Test func aPartLargerThanATableMayBeIsRefusedWhateverItsSizeClaims() throws {
        let rows = (1...200).map { HandWrittenWorkbook.row($0, ["đơn vị \($0)", "=\($0)"]) }.joined()
        let data = try HandWrittenWorkbook(sheets: [.init(name: "t", rows: rows)]).data()
        let workbook = try Workbook(data, partLimit: 4000)
        #expect(throws: WorkbookError.partTooLarge("xl/worksheets/sheet1.xml")) { try workbook.part(workbook.sheets[0].part) }
        // The central directory lies: the sheet claims 100 bytes; inflating stops at the limit all the same.
        var lying = [UInt8](data)
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        for k in 0..<(lying.count - 46 - name.count) where lying[k..<(k + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
            guard lying[(k + 46)..<(k + 46 + name.count)].elementsEqual(name) else { continue }
            lying.replaceSubrange((k + 24)..<(k + 28), with: [100, 0, 0, 0])
        }
        let liar = try Workbook(Data(lying), partLimit: 4000)
        #expect(throws: WorkbookError.partTooLarge("xl/worksheets/sheet1.xml")) { try liar.part(liar.sheets[0].part) }
    }

    @Test func textWrittenComesBackAsItWas() throws {
        let texts = ["dòng\r\nhai", "_x0041_", "a_xb", "<&>\"", "\u{1}", " lề "]
        let sheet = WorkbookWriter.Sheet(name: "t", header: ["x"], rows: texts.map { [.text($0)] }, widths: [10])
        let workbook = try Workbook(try WorkbookWriter(sheets: [sheet]).data())
        var found = DiagnosticEngine()
        let table = try #require(SheetReader.table(workbook, workbook.sheets[0], file: "t", required: true, diagnostics: &found))
        #expect(table.rows.map { $0.fields[0] } == texts)
    }
}

/// The fast paths of the workbook reader against their references.
@Suite struct WorkbookFastPathTests {
    @Test func plainNumbersAreTheirOwnShortestForm() {
        var generator = SystemRandomNumberGenerator()
        var samples = [
            "0", "-0", "0.000", "007", "3.", "3.0", "100", "1500000", "0.00001", "123456789012345", "1234567890123456",
            "0.1234567890123456", "-95.320", "10000000000000000", "99999999999999.9", "1.7976931348623157",
        ]
        for _ in 0..<20_000 {
            let whole = String(UInt64.random(in: 0...999_999_999, using: &generator))
            let fraction = String(UInt64.random(in: 0...99_999_999, using: &generator))
            let zeros = String(repeating: "0", count: Int.random(in: 0...6, using: &generator))
            samples.append(Bool.random(using: &generator) ? "\(whole).\(zeros)\(fraction)" : "0.\(zeros)\(fraction)")
        }
        for text in samples {
            if let fast = ExcelValue.plainNumber(text) {
                #expect(fast == ExcelValue.shortestOfDouble(text), "\(text)")
            }
        }
        #expect(ExcelValue.plainNumber("95.32") == "95.32")
        #expect(ExcelValue.plainNumber("95.319999999999993") == nil)  // 17 digits: the reference reads it
    }

    @Test func theScannerReadsWhatLibxml2Reads() throws {
        for piece in WorkbookScannerCases.sheets {
            let part = Data(
                ("<worksheet xmlns=\"\(HandWrittenWorkbook.main)\"><sheetData>" + piece + "</sheetData></worksheet>").utf8)
            let reference = try SheetReader.rows(part)
            let fast = try #require(SheetScanner.rows(part), "\(piece)")
            #expect(fast.map(\.line) == reference.map(\.line), "\(piece)")
            #expect(fast.map(\.cells) == reference.map(\.cells), "\(piece)")
        }
    }

    @Test func theScannerLeavesOtherFormsToLibxml2() {
        for piece in [
            "<x:row r=\"1\"/>", "<row r=\"1\"><!-- x --></row>", "<row r=\"1\"><c><v><![CDATA[1]]></v></c></row>",
            "<row r=\"1\"><c t=\"inlineStr\"><is><r><t>a</t></r></is></c></row>", "<row><c><v>&nbsp;</v></c></row>",
        ] {
            let part = Data(("<worksheet><sheetData>" + piece + "</sheetData></worksheet>").utf8)
            #expect(SheetScanner.rows(part) == nil, "\(piece)")
        }
    }

    @Test func aLargeSheetReadInTwoHalvesIsTheSameAsInOne() throws {
        let rows = (1...40_000).map { r in
            "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"inlineStr\"><is><t>u\(r % 97)</t></is></c><c r=\"B\(r)\"><v>\(r % 13).5</v></c></row>"
        }
        let part = Data(("<worksheet><sheetData>" + rows.joined() + "</sheetData></worksheet>").utf8)
        let pieces = try #require(SheetScanner.pieces(part, count: 2))
        #expect(pieces.count == 2)
        let halves = try pieces.flatMap { try #require(SheetScanner.rows(part, $0)) }
        let whole = try SheetReader.rows(part)
        #expect(halves.map(\.line) == whole.map(\.line))
        #expect(halves.map(\.cells) == whole.map(\.cells))
    }
}

/// Sheets in the forms spreadsheet programs write, for the scanner and its reference.
enum WorkbookScannerCases {
    static let sheets = [
        "",
        "<row r=\"1\"/>",
        "<row r=\"1\" spans=\"1:3\" x14ac:dyDescent=\"0.25\"><c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c><c r=\"C1\"><v>95.319999999999993</v></c></row>",
        "<row><c><v>1</v></c><c/><c t=\"b\"><v>0</v></c></row><row><c t=\"e\"><v>#N/A</v></c></row>",
        "<row r=\"2\">\n  <c r=\"B2\" t=\"inlineStr\">\n    <is><t xml:space=\"preserve\"> a &amp; b &lt;c&gt; &#7899;&#x1EDB; </t></is>\n  </c>\n</row>",
        "<row r=\"3\"><c r=\"A3\"><f>SUM(B3:C3)</f><v>3</v></c><c r=\"B3\"><f t=\"shared\" ref=\"B3:B9\" si=\"0\"/><v>1</v></c><c r=\"C3\"><f>1+1</f></c></row>",
        "<row r=\"4\"><c r=\"A4\" t=\"str\"><f>\"x\"</f><v>dòng\r\nhai</v></c><c r=\"AB4\" t=\"d\"><v>2019-06-05T00:00:00</v></c><c r='$C$4' s='2'><v/></c></row>",
    ]
}
