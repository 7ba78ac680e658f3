import CCHCCore
import Foundation

/// A CSV file read into memory: its header and its records, each with the line it starts on.
public struct CSVTable: Sendable {
    /// One record of the file.
    public struct Row: Sendable {
        /// The 1-based line the record starts on (a quoted field may span several lines).
        public var line: Int
        public var fields: [String]
    }

    /// The file (relative to the dataset) or the workbook's sheet it was read from, for messages.
    public var file: SourceName
    /// Column names, trimmed, as written in the header.
    public var header: [String]
    public var rows: [Row]
    /// Records with the wrong number of fields: already reported, kept so that loaders know
    /// which ids they would have defined.
    public var malformed: [Row] = []
    /// The separator detected from the header: `,` or `;`.
    public var separator: Character
    /// The line (a sheet's row) the header stands on: 1 in a CSV file; a sheet may have blank
    /// rows above it.
    public var headerLine = 1

    /// The index of a column, matched without regard to case or surrounding spaces.
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// The trimmed value of a column in a row, or `""` when the column is absent.
    public func value(_ row: Row, _ column: Int?) -> String {
        guard let column, column < row.fields.count else { return "" }
        return row.fields[column].trimmedSpaces
    }

    /// The header as messages quote it: its first twelve titles, then how many more.
    public var shownHeader: String { Self.shown(header, separator: separator) }

    /// `header` as messages quote it: its first twelve titles, then how many columns in all.
    package static func shown(_ header: [String], separator: Character) -> String {
        let shown = header.prefix(12).map { String($0.prefix(40)) }.joined(separator: String(separator))
        return header.count > 12 ? shown + "\(separator) … (\(header.count) columns)" : shown
    }

    /// Reports every required column that the header lacks; returns whether all are present.
    public func require(_ columns: [String], diagnostics: inout DiagnosticEngine) -> Bool {
        let missing = columns.filter { column($0) == nil }
        for name in missing {
            diagnostics.error(
                file, line: headerLine,
                "missing required column '\(name)'; the header has: \(shownHeader)"
            )
        }
        return missing.isEmpty
    }
}
