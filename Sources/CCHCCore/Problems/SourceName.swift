/// Where a table or a problem is: a file of the dataset (`scores.csv`, `plan.yaml`), or a sheet
/// of a workbook (`scores.xlsx[scores]`), whose places are cells (`scores.xlsx[scores]!E12`).
public struct SourceName: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The file, relative to the dataset folder unless it is an absolute path or an option name.
    public var file: String
    /// The sheet of the workbook `file`, for a table read from one.
    public var sheet: String?

    public init(_ file: String, sheet: String? = nil) { (self.file, self.sheet) = (file, sheet) }

    public init(stringLiteral file: String) { self.init(file) }

    /// `scores.csv`, or `scores.xlsx[scores]` for a sheet.
    public var description: String { sheet.map { "\(file)[\($0)]" } ?? file }

    /// Whether it is a sheet of a workbook: its places are cells.
    public var isSheet: Bool { sheet != nil }

    /// In the order of their names as printed.
    public static func < (a: SourceName, b: SourceName) -> Bool { a.description < b.description }
}
