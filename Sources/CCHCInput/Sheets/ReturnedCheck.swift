import CCHCCore

/// One value a returned workbook gives: a unit's cell of scores.csv, and where it was typed.
public struct ReturnedValue: Sendable, Equatable {
    public var unit: String
    public var code: CriterionCode
    /// The scores.csv column (`self`, `round1`, `comment`…).
    public var column: String
    /// The value as typed, trimmed; a score with `.` or `,` as typed.
    public var text: String
    /// The score it is, for a score column (`nil` for N/A and text).
    public var points: Points?
    /// The row and column of the cell in the workbook.
    public var line: Int
    public var cell: Int
}

/// Checks a returned workbook against the dataset as it is now, at the file and at each cell:
/// made for this dataset and year, by someone the dataset knows, from the framework as it is;
/// each row one of the workbook's own (its unit, its fields), each max unchanged, each score a
/// number from 0 to the max (or N/A) with no more decimals than the plan's precision, and
/// nothing typed where no value is taken. Returns the values it gives, or `nil` when it is refused.
public enum ReturnedCheck {
    public static func values(_ book: ReturnedWorkbook, _ setup: ScoringSetup, diagnostics: inout DiagnosticEngine)
        -> [ReturnedValue]?
    {
        let errorsBefore = diagnostics.errors.count
        guard stampMatches(book, setup, diagnostics: &diagnostics) else { return nil }
        let table = book.table
        let form = book.stamp.form
        guard table.require(["unit", "code", "max"] + form.fill, diagnostics: &diagnostics) else { return nil }
        let expected = setup.rows(form, id: book.stamp.id)
        var rows: [String: ScoringRow] = [:]
        for row in expected { rows["\(row.unit.id)\t\(row.criterion.code)"] = row }
        var seen: [String: Int] = [:]
        var values: [ReturnedValue] = []
        let (u, c, m) = (table.column("unit"), table.column("code"), table.column("max"))
        for r in table.rows {
            let (unit, code) = (table.value(r, u), table.value(r, c))
            let key = "\(unit)\t\(code)"
            guard let row = rows[key] else {
                diagnostics.error(
                    table.file, line: r.line, field: "code",
                    "unit \(unit), code \(code) is not a row of this workbook (\(book.sender)); expected only the rows it was sent with: a row of another unit or field goes in that one's workbook"
                )
                continue
            }
            if let first = seen.updateValue(r.line, forKey: key) {
                diagnostics.error(
                    table.file, line: r.line, field: "code",
                    "unit \(unit), code \(code) is here twice (first on row \(first)); expected each row once")
                continue
            }
            let maxText = table.value(r, m)
            if NumberParser.points(maxText).map({ $0 == row.criterion.max }) != .success(true) {
                diagnostics.error(
                    table.file, line: r.line, field: "max",
                    "'\(maxText)' for \(code); the framework gives \(row.criterion.max): expected the max as it was sent, unchanged"
                )
            }
            values += rowValues(r, row, table, form, setup, &diagnostics)
        }
        return diagnostics.errors.count == errorsBefore ? values : nil
    }

    /// The values a row gives in the columns to fill; on a row that takes none, anything typed is an error.
    private static func rowValues(
        _ r: CSVTable.Row, _ row: ScoringRow, _ table: CSVTable, _ form: ScoringForm, _ setup: ScoringSetup,
        _ diagnostics: inout DiagnosticEngine
    ) -> [ReturnedValue] {
        var values: [ReturnedValue] = []
        let criterion = row.criterion
        for column in form.fill {
            let index = table.column(column)
            let text = table.value(r, index)
            guard !text.isEmpty else { continue }
            guard row.takesScore else {
                if column == "self" && text == ScoringForm.surveyMarker { continue }
                let why = criterion.isLeaf ? "is scored by the survey" : "is the sum of the criteria under it"
                diagnostics.error(
                    table.file, line: r.line, field: column,
                    "'\(text)' for \(criterion.code), which \(why); expected this cell left as it was sent")
                continue
            }
            var points: Points?
            if ScoringForm.scoreColumns.contains(column) {
                let value = ScoresLoader.cell(
                    text, column: column, criterion, r.line, table.file, &diagnostics, places: setup.plan.precision ?? 2)
                if value == .invalid { continue }
                points = value.points
            }
            values.append(
                ReturnedValue(
                    unit: row.unit.id, code: criterion.code, column: column, text: text, points: points, line: r.line,
                    cell: (index ?? 0) + 1))
        }
        return values
    }

    /// Whether the workbook was made for this dataset, year, someone it knows and its framework as it is now.
    private static func stampMatches(_ book: ReturnedWorkbook, _ setup: ScoringSetup, diagnostics: inout DiagnosticEngine) -> Bool
    {
        let stamp = book.stamp
        let file = SourceName(book.file)
        let plan = setup.plan
        guard stamp.issuer == plan.issuer.name && stamp.year == plan.year else {
            diagnostics.error(
                file,
                "was made for \(stamp.issuer), year \(stamp.year) (dataset \(stamp.dataset)); this dataset is \(plan.issuer.name), year \(plan.year): expected a workbook of this year's dataset"
            )
            return false
        }
        guard setup.ids(stamp.form).contains(stamp.id) else {
            let who =
                stamp.form.audience == .units
                ? "unit '\(stamp.id)', which units.csv does not list"
                : "lead agency '\(stamp.id)', which no criterion of the framework names (column lead)"
            diagnostics.error(file, "was made for \(who); expected a workbook of a unit or agency of this dataset")
            return false
        }
        guard stamp.fingerprint == setup.fingerprint(setup.rows(stamp.form, id: stamp.id)) else {
            diagnostics.error(
                file,
                "was made from another version of the framework (a criterion, its code or its max has changed since); expected a workbook made from the framework as it is now: run `cchc sheets` again and send \(stamp.id) the new one"
            )
            return false
        }
        return true
    }
}
