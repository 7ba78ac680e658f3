import Foundation

/// A workbook to write (.xlsx): sheets of typed cells, numbers as numbers with a display format.
/// The same content always gives the same bytes: parts in a fixed order, shared strings in order
/// of first use, every ZIP entry with one fixed date.
public struct WorkbookWriter: Sendable {
    /// One cell's value.
    public enum Value: Sendable, Equatable {
        case empty
        case text(String)
        /// An exact decimal (e.g. a `Points` description), shown with `format`.
        case number(String, NumberFormat)
    }

    /// How a number is shown.
    public enum NumberFormat: Sendable, Equatable, Hashable {
        /// As typed (`General`): `100`, `1,5`.
        case general
        /// A whole number: `12`.
        case integer
        /// A fixed number of decimals: `95,32` for 2 (the decimal sign is the reader's locale's).
        case decimals(Int)
        /// A signed whole number: `+3`, `-2`, `0` (a change of rank).
        case signed
    }

    /// One sheet: a header row, frozen and printed on every page, then the rows.
    public struct Sheet: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[Value]]
        /// Column widths in characters, one per header column.
        public var widths: [Int]
        /// Printed A4 landscape (else portrait), one page wide.
        public var landscape: Bool
        /// Lines of wrapped title the header row has room for (spreadsheet programs do not grow
        /// a row for wrapped text on their own when printing).
        public var headerLines: Int

        public init(
            name: String, header: [String], rows: [[Value]], widths: [Int], landscape: Bool = true, headerLines: Int = 2
        ) {
            (self.name, self.header, self.rows, self.widths, self.landscape) = (name, header, rows, widths, landscape)
            self.headerLines = headerLines
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The .xlsx file's bytes: its parts deflated at zlib's default level, the bytes
    /// ZIPFoundation writes for them (ZipWriterTests holds the two together; a workbook is
    /// written once a render, its speed does not matter).
    public func data() throws -> Data {
        var zip = ZipWriter()
        for (path, text) in parts() { try zip.add(path, ZipWriter.Entry(Array(text.utf8), method: .zlibDefault)) }
        return Data(zip.finish())
    }

    /// The package's parts in order, each with its text.
    package func parts() -> [(String, String)] {
        var strings = SharedStrings()
        let formats = numberFormats
        let sheetParts = sheets.enumerated().map { i, sheet in
            ("xl/worksheets/sheet\(i + 1).xml", WorkbookParts.sheet(sheet, strings: &strings, styles: formats))
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", WorkbookParts.contentTypes(sheets: sheets.count)),
            ("_rels/.rels", WorkbookParts.packageRelationships),
            ("xl/workbook.xml", WorkbookParts.workbook(sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", WorkbookParts.workbookRelationships(sheets: sheets.count)),
            ("xl/theme/theme1.xml", OfficeTheme.part),
            ("xl/styles.xml", WorkbookParts.styles(formats.order)),
        ]
        parts += sheetParts
        parts.append(("xl/sharedStrings.xml", WorkbookParts.sharedStrings(strings)))
        return parts
    }

    /// The number formats the sheets use, each with its cell style: styles 0–2 are fixed
    /// (default, header, text), then one per format in order of first use.
    package var numberFormats: CellStyles {
        var styles = CellStyles()
        for sheet in sheets {
            for row in sheet.rows {
                for case .number(_, let format) in row { styles.add(format) }
            }
        }
        return styles
    }

    /// The shared strings of the workbook, in order of first use.
    package struct SharedStrings {
        package private(set) var list: [String] = []
        private var index: [String: Int] = [:]

        /// The index of `text`, added on first use.
        package mutating func id(_ text: String) -> Int {
            if let i = index[text] { return i }
            index[text] = list.count
            list.append(text)
            return list.count - 1
        }
    }

    /// The cell style of each number format.
    package struct CellStyles {
        package private(set) var order: [NumberFormat] = []

        package mutating func add(_ format: NumberFormat) { if !order.contains(format) { order.append(format) } }

        /// The style (`s`) of a number shown with `format`.
        package func style(_ format: NumberFormat) -> Int { 3 + (order.firstIndex(of: format) ?? 0) }
    }
}
