import CCHCCore
import Foundation
import ZIPFoundation

/// A workbook written part by part, by hand: for the cells no spreadsheet program writes on
/// request (a formula without its result, the 29/02/1900 serial, escapes, cells without `r`).
package struct HandWrittenWorkbook {
    /// One sheet: its name, state and the XML inside `<sheetData>`.
    package struct Sheet {
        package var name: String
        package var hidden = false
        package var rows: String

        package init(name: String, hidden: Bool = false, rows: String) {
            (self.name, self.hidden, self.rows) = (name, hidden, rows)
        }
    }

    package var sheets: [Sheet]
    package var sharedStrings: [String] = []

    /// The `<numFmts>` and `<cellXfs>` of styles.xml.
    package var styles: String
    package var date1904: Bool

    package init(sheets: [Sheet], sharedStrings: [String] = [], styles: String = Self.plainStyles, date1904: Bool = false) {
        (self.sheets, self.sharedStrings, self.styles, self.date1904) = (sheets, sharedStrings, styles, date1904)
    }

    /// A general format and a date format.
    package static let plainStyles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>"

    package static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    package static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    package var parts: [(String, String)] {
        var parts: [(String, String)] = [
            (
                "_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(Self.rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            )
        ]
        var book = "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\">"
        if date1904 { book += "<workbookPr date1904=\"1\"/>" }
        book += "<sheets>"
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (i, sheet) in sheets.enumerated() {
            book +=
                "<sheet name=\"\(sheet.name)\" sheetId=\"\(i + 1)\" \(sheet.hidden ? "state=\"hidden\" " : "")r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(Self.rel)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
            parts.append(
                (
                    "xl/worksheets/sheet\(i + 1).xml",
                    "<worksheet xmlns=\"\(Self.main)\"><sheetData>\(sheet.rows)</sheetData></worksheet>"
                ))
        }
        rels += "<Relationship Id=\"rS\" Type=\"\(Self.rel)/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
        rels += "<Relationship Id=\"rT\" Type=\"\(Self.rel)/styles\" Target=\"styles.xml\"/></Relationships>"
        parts.append(("xl/workbook.xml", book + "</sheets></workbook>"))
        parts.append(("xl/_rels/workbook.xml.rels", rels))
        parts.append(
            ("xl/sharedStrings.xml", "<sst xmlns=\"\(Self.main)\">" + sharedStrings.map { "<si>\($0)</si>" }.joined() + "</sst>"))
        parts.append(("xl/styles.xml", "<styleSheet xmlns=\"\(Self.main)\">\(styles)</styleSheet>"))
        return parts
    }

    /// The XML of row `r`: each cell an inline string, a number when it starts with `=` (`=1.1`),
    /// or written as given when it starts with `<` (`<c r="A2"><f>1+1</f></c>`).
    package static func row(_ r: Int, _ cells: [String]) -> String {
        let xml = cells.enumerated().map { i, cell in
            let at = CellReference(column: i + 1, row: r)
            if cell.hasPrefix("<") { return cell }
            if cell.hasPrefix("=") { return "<c r=\"\(at)\"><v>\(cell.dropFirst())</v></c>" }
            return "<c r=\"\(at)\" t=\"inlineStr\"><is><t>\(cell)</t></is></c>"
        }
        return "<row r=\"\(r)\">" + xml.joined() + "</row>"
    }

    /// The .xlsx file, zipped by ZIPFoundation (under `GMTimeLock`: it dates entries with `gmtime`).
    package func data() throws -> Data { try GMTimeLock.withLock { try unlockedData() } }

    private func unlockedData() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) {
                position, size in bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    package func write(to url: URL) throws { try data().write(to: url) }
}
