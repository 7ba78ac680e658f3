import CCHCCore

/// The columns cchc reads in each table of a dataset. A column it does not read is reported,
/// with the column it was most likely meant to be: a units file that names its heads'
/// titles `head_title` would otherwise be signed "THỦ TRƯỞNG CƠ QUAN" without a word.
package enum KnownColumns {
    package static let units = [
        "id", "name", "group", "framework", "short", "head", "signer", "parent", "issuer", "place", "population",
    ]
    package static let framework = ["code", "name", "max", "method", "lead", "rule", "evidence"]
    package static let scores = [
        "unit", "code", "self", "appraised", "evidence", "explanation", "comment", "round1", "comment1", "response",
    ]
    package static let survey = ["unit", "code", "score", "ratio"]
    package static let previous = ["unit", "index", "rank", "total"]
    package static let targets = ["unit", "code", "year", "target", "action", "lead"]
    package static let council = ["name", "title", "agency", "role"]

    /// Names officers give a column that cchc knows by another name (lower case).
    package static let aliases: [String: String] = [
        "head_title": "head", "title": "head", "position": "head", "chuc_vu": "head", "chức vụ": "head",
        "head_name": "signer", "signer_name": "signer", "ho_ten": "signer", "họ tên": "signer", "nguoi_ky": "signer",
        "symbol": "short", "ky_hieu": "short", "ký hiệu": "short", "abbreviation": "short",
        "dia_danh": "place", "địa danh": "place",
        "tu_cham": "self", "tự chấm": "self", "tham_dinh": "appraised", "thẩm định": "appraised",
    ]

    /// Warns of every column of `table` that is not in `known`, at the header, with the known
    /// column it was most likely meant to be.
    package static func warnUnknown(_ table: CSVTable, known: [String], diagnostics: inout DiagnosticEngine) {
        for title in table.header where !title.isEmpty && !known.contains(where: { $0.lowercased() == title.lowercased() }) {
            let meant =
                aliases[title.lowercased()].flatMap { known.contains($0) ? $0 : nil } ?? Suggestion.closest(title, among: known)
            let hint = meant.map { "did you mean '\($0)'? " } ?? ""
            diagnostics.warning(
                table.file, line: table.headerLine, field: title,
                "cchc does not read this column, so nothing in it reaches a document; \(hint)expected one of: \(known.joined(separator: ", ")) (rename it, or remove it)"
            )
        }
    }
}
