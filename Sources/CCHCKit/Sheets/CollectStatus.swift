import CCHCCore
import CCHCInput

/// Where one unit or agency stands for one kind of workbook: received or not, and the rows that
/// take a score still empty in the scores table, so the secretariat knows whom to chase.
public struct CollectStatus: Sendable {
    public var form: ScoringForm
    /// The unit's id or the agency's name.
    public var id: String
    /// The files received from it, as named.
    public var files: [String]
    /// Those of them refused (their values not taken).
    public var refused: [String]
    /// Rows that take a score, and those whose score (of the form's column) is still empty.
    public var rows: Int
    public var empty: [String]

    public var isComplete: Bool { !files.isEmpty && refused.isEmpty && empty.isEmpty }

    /// The status of every unit or agency of each kind of workbook among `books`.
    static func of(_ books: [ReturnedWorkbook], refused: Set<String>, _ merge: ScoresMerge, _ setup: ScoringSetup)
        -> [CollectStatus]
    {
        var forms: [ScoringForm] = []
        for book in books where !forms.contains(book.stamp.form) { forms.append(book.stamp.form) }
        return forms.flatMap { form in
            setup.ids(form).map { id in
                let rows = setup.rows(form, id: id).filter(\.takesScore)
                let empty =
                    form.scoreColumn.map { column in
                        rows.filter { merge.cell($0.unit.id, $0.criterion.code, column).isEmpty }.map {
                            form.audience == .units ? $0.criterion.code.description : "\($0.unit.id) \($0.criterion.code)"
                        }
                    } ?? []
                let files = books.filter { $0.stamp.form == form && $0.stamp.id == id }.map(\.file)
                return CollectStatus(
                    form: form, id: id, files: files, refused: files.filter(refused.contains), rows: rows.count, empty: empty)
            }
        }
    }
}
