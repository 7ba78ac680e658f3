import CCHCCore

/// The dataset's scores table as `cchc collect` merges returned values into it: its header and
/// rows as text, each cell kept as it was written unless a workbook brings a new value. A cell
/// already holding another value is a conflict, replaced only when asked.
public struct ScoresMerge: Sendable {
    /// A cell that already holds a value other than the one a workbook brings.
    public struct Conflict: Sendable {
        public var value: ReturnedValue
        /// The workbook (`file[scores]`) and what the table holds.
        public var file: SourceName
        public var existing: String
    }

    public private(set) var header: [String]
    public private(set) var rows: [[String]]
    /// How many cells were written or replaced.
    public private(set) var changes = 0
    /// Scores are written with a decimal comma (`0,75`), as the table already writes them.
    public let decimalComma: Bool
    private var index: [String: Int] = [:]
    /// Where each unit and criterion goes when a row is added: units.csv's order, then the framework's.
    private let order: [String: (Int, Int)]
    private var added: Set<Int> = []

    /// The columns of a scores table collect creates: scores.csv's, in their documented order.
    public static let newHeader = KnownColumns.scores

    public init(_ table: CSVTable?, _ setup: ScoringSetup) {
        header = table?.header ?? Self.newHeader
        rows =
            table?.rows.map { row in
                row.fields + Array(repeating: "", count: max(0, (table?.header.count ?? 0) - row.fields.count))
            } ?? []
        decimalComma = table.map(Self.writesDecimalComma) ?? true
        var order: [String: (Int, Int)] = [:]
        for (u, unit) in setup.units.enumerated() {
            for (c, criterion) in (setup.framework(of: unit)?.criteria ?? []).enumerated() {
                order["\(unit.id)\t\(criterion.code)"] = (u, c)
            }
        }
        self.order = order
        if let table, let u = table.column("unit"), let c = table.column("code") {
            for (i, row) in table.rows.enumerated() { index["\(table.value(row, u))\t\(table.value(row, c))"] = i }
        }
    }

    /// Whether the table's scores have a decimal comma: the first decimal of a score column
    /// decides; with none, a `;`-separated file is taken to (Excel's habit where the comma is the decimal sign).
    private static func writesDecimalComma(_ table: CSVTable) -> Bool {
        let columns = ScoringForm.scoreColumns.compactMap(table.column)
        for row in table.rows {
            for c in columns {
                let text = table.value(row, c)
                if text.contains(",") { return true }
                if text.contains(".") { return false }
            }
        }
        return table.separator == ";"
    }

    /// Merges `values`; returns the cells that hold another value (replaced when `replace`).
    public mutating func merge(_ values: [ReturnedValue], from file: SourceName, replace: Bool) -> [Conflict] {
        var conflicts: [Conflict] = []
        for value in values {
            let column = columnIndex(value.column)
            let row = rowIndex(value.unit, value.code)
            let existing = rows[row][column].trimmedSpaces
            if existing.isEmpty || !same(existing, value) {
                if !existing.isEmpty {
                    conflicts.append(Conflict(value: value, file: file, existing: existing))
                    guard replace else { continue }
                }
                rows[row][column] = stored(value)
                changes += 1
            }
        }
        return conflicts
    }

    /// The rows in the order they are written: those the table had, then those added, in
    /// units.csv's order and each unit's framework's.
    public var orderedRows: [[String]] {
        let kept = rows.indices.filter { !added.contains($0) }.map { rows[$0] }
        let (u, c) = (header.firstIndex(of: "unit") ?? 0, header.firstIndex(of: "code") ?? 1)
        let new = added.sorted().map { rows[$0] }.sorted { a, b in
            let (x, y) = (order["\(a[u])\t\(a[c])"] ?? (.max, .max), order["\(b[u])\t\(b[c])"] ?? (.max, .max))
            return x < y
        }
        return kept + new
    }

    /// The text of a cell in a score column or another.
    public func cell(_ unit: String, _ code: CriterionCode, _ column: String) -> String {
        guard let row = index["\(unit)\t\(code)"], let c = header.firstIndex(where: { $0.lowercased() == column }) else {
            return ""
        }
        return rows[row][c].trimmedSpaces
    }

    private func same(_ existing: String, _ value: ReturnedValue) -> Bool {
        guard ScoringForm.scoreColumns.contains(value.column) else { return existing == value.text }
        if let points = value.points { return NumberParser.points(existing).map { $0 == points } == .success(true) }
        return ScoresLoader.isNotApplicable(existing) && ScoresLoader.isNotApplicable(value.text)
    }

    /// A value as the table writes it: a score with the table's decimal sign, N/A and text as typed.
    private func stored(_ value: ReturnedValue) -> String {
        guard value.points != nil else { return value.text }
        return decimalComma
            ? value.text.replacingOccurrences(of: ".", with: ",") : value.text.replacingOccurrences(of: ",", with: ".")
    }

    private mutating func columnIndex(_ name: String) -> Int {
        if let c = header.firstIndex(where: { $0.lowercased() == name }) { return c }
        header.append(name)
        for i in rows.indices { rows[i].append("") }
        return header.count - 1
    }

    private mutating func rowIndex(_ unit: String, _ code: CriterionCode) -> Int {
        let key = "\(unit)\t\(code)"
        if let row = index[key] { return row }
        var fields = Array(repeating: "", count: header.count)
        fields[columnIndex("unit")] = unit
        fields[columnIndex("code")] = code.description
        rows.append(fields)
        index[key] = rows.count - 1
        added.insert(rows.count - 1)
        return rows.count - 1
    }
}
