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
        /// Lines of title above the header (bold, unbordered): the year, the unit, the deadline.
        public var title: [String] = []
        /// A row of captions between the title and the header: the columns' names as an officer
        /// reads them, above the names a program reads.
        public var captions: [String]?
        /// Kept from view (a sheet a program reads).
        public var hidden = false
        /// The cells an officer fills in, when the sheet is a form (and protected).
        public var form: Form?

        /// The row of the header (1-based): below the title and the captions.
        public var headerRow: Int { title.count + (captions == nil ? 0 : 1) + 1 }

        public init(
            name: String, header: [String], rows: [[Value]], widths: [Int], landscape: Bool = true, headerLines: Int = 2
        ) {
            (self.name, self.header, self.rows, self.widths, self.landscape) = (name, header, rows, widths, landscape)
            self.headerLines = headerLines
        }
    }

    /// A sheet that is a form to fill in: every cell is locked (the sheet protected, with no
    /// password) but those of the columns to fill on the rows that take a value.
    public struct Form: Sendable {
        /// The columns (0 is A) to fill in: unlocked and shaded.
        public var fill: Set<Int>
        /// The rows (0 is the first under the header) whose cells to fill stay locked: a field's
        /// total, a criterion scored by the survey.
        public var fixed: Set<Int>
        /// The rows printed bold (fields and criteria above the scored ones).
        public var bold: Set<Int>
        /// Excel data validation of the columns to fill.
        public var validations: [Validation]

        public init(fill: Set<Int>, fixed: Set<Int> = [], bold: Set<Int> = [], validations: [Validation] = []) {
            (self.fill, self.fixed, self.bold, self.validations) = (fill, fixed, bold, validations)
        }
    }

    /// A rule a cell's value must meet, checked by the spreadsheet program as it is typed.
    public struct Validation: Sendable {
        /// The column (0 is A) it applies to, on every row under the header.
        public var column: Int
        /// A formula true for an accepted value, written for the first row under the header
        /// (Excel moves its relative references down the column), e.g.
        /// `OR(H6="N/A",AND(ISNUMBER(H6),H6>=0,H6<=D6))`.
        public var formula: String
        /// What the program says when a value is refused.
        public var message: String

        public init(column: Int, formula: String, message: String) {
            (self.column, self.formula, self.message) = (column, formula, message)
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
            ("xl/workbook.xml", WorkbookParts.workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", WorkbookParts.workbookRelationships(sheets: sheets.count)),
            ("xl/theme/theme1.xml", OfficeTheme.part),
            ("xl/styles.xml", WorkbookParts.styles(formats.order, forms: formats.forms)),
        ]
        parts += sheetParts
        parts.append(("xl/sharedStrings.xml", WorkbookParts.sharedStrings(strings)))
        return parts
    }

    /// The number formats the sheets use, each with its cell style: styles 0–2 are fixed
    /// (default, header, text), then one per format in order of first use.
    package var numberFormats: CellStyles {
        var styles = CellStyles()
        styles.forms = sheets.contains { $0.form != nil || !$0.title.isEmpty }
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
        /// Whether the styles of forms and titles are written (after the number formats, so that
        /// a workbook without them keeps its bytes).
        package var forms = false

        package mutating func add(_ format: NumberFormat) { if !order.contains(format) { order.append(format) } }

        /// The style (`s`) of a number shown with `format`.
        package func style(_ format: NumberFormat) -> Int { 3 + (order.firstIndex(of: format) ?? 0) }

        /// A style of forms and titles.
        package func style(_ extra: FormStyle) -> Int { 3 + order.count + extra.rawValue }
    }

    /// The styles written when a sheet is a form or has a title, in order.
    package enum FormStyle: Int, CaseIterable {
        /// A title line: bold, unbordered.
        case title
        /// A field or criterion above the scored rows: bold, bordered.
        case bold
        /// A cell to fill: unlocked, shaded, bordered.
        case fill
        /// A cell that is not filled here (a survey criterion): shaded grey, italic.
        case fixed
    }
}
