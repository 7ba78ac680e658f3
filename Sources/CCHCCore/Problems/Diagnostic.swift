/// One problem found in a dataset: where it is and what is wrong.
///
/// Printed as `file:line: error: message`, the form compilers and editors understand.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    /// The file, relative to the dataset folder (`scores.csv`), or the sheet of a workbook
    /// (`scores.xlsx[scores]`).
    public var file: SourceName
    /// The 1-based line where the problem starts; `nil` for a whole-file problem.
    public var line: Int?
    /// The 1-based column, when known (YAML and templates).
    public var column: Int?
    /// The table column the problem is in (`appraised`), by its title, when it is one cell's: a
    /// sheet's message then names the cell (`scores.xlsx[scores]!E12`). The message starts with
    /// "column 'appraised':" for it.
    public var field: String?
    public var message: String

    public init(
        _ severity: Severity, file: SourceName, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = field.map { "column '\($0)': " + message } ?? message
    }

    /// This diagnostic with its dataset file named from `folder` (`Inputs/x/scores.csv`), as the
    /// user typed the folder; absolute paths and option names (`--previous-from …`) stay as they are.
    public func located(in folder: String) -> Diagnostic {
        guard !file.file.hasPrefix("/"), !file.file.hasPrefix("-") else { return self }
        var shown = self
        shown.file.file = (folder.hasSuffix("/") ? folder : folder + "/") + file.file
        return shown
    }

    /// Whether the place is a sheet of a workbook (`scores.xlsx[scores]`): its places are cells.
    public var isSheet: Bool { file.isSheet }

    public var description: String {
        var location = file.description
        if isSheet {
            // A sheet's place is a cell, as Excel names it: `scores.xlsx[scores]!E12`.
            if let line, let column, line > 0 {
                location += "!" + CellReference(column: column, row: line).description
            } else if let line, line > 0 {
                location += " row \(line)"
            }
        } else {
            if let line { location += ":\(line)" }
            if let line, let column, line > 0 { location += ":\(column)" }
        }
        return CellText.printable("\(location): \(severity.rawValue): \(message)")
    }
}
