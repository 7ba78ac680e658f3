import CCHCCore
import Foundation

/// What the hidden sheet `cchc` of a scoring workbook says about it: the dataset and year it
/// was made for, for whom, which round, and the fingerprint of the framework rows it holds.
/// `cchc collect` recognises a returned workbook by it, whatever its file is now called.
public struct ScoringStamp: Sendable, Equatable {
    /// The hidden sheet's name.
    public static let sheetName = "cchc"
    /// The value of `kind`, which tells a scoring workbook from any other.
    public static let kind = "cchc scoring workbook"

    /// The dataset folder's name when the workbook was made (told, not checked: a folder may be moved).
    public var dataset: String
    /// Cơ quan ban hành of the plan ("Ủy ban nhân dân tỉnh An Giang") and the assessed year.
    public var issuer: String
    public var year: Int
    public var form: ScoringForm
    /// The unit's id, or the lead agency's name.
    public var id: String
    /// SHA-256 of the framework rows the workbook was made from (`CriteriaFingerprint`).
    public var fingerprint: String
    /// The row of the header (what a program reads the columns by).
    public var headerRow: Int

    public init(
        dataset: String, issuer: String, year: Int, form: ScoringForm, id: String, fingerprint: String, headerRow: Int
    ) {
        (self.dataset, self.issuer, self.year, self.form, self.id) = (dataset, issuer, year, form, id)
        (self.fingerprint, self.headerRow) = (fingerprint, headerRow)
    }

    /// The sheet's rows: one key and its value a row.
    public var rows: [(key: String, value: String)] {
        [
            ("kind", Self.kind), ("dataset", dataset), ("issuer", issuer), ("year", String(year)),
            ("for", form.audience.rawValue), ("round", String(form.round.rawValue)), ("id", id),
            ("fingerprint", fingerprint), ("header", String(headerRow)),
        ]
    }

    /// The stamp the rows of a hidden sheet hold, or why they are not one.
    public init(rows: [String: String]) throws(StampProblem) {
        guard rows["kind"] == Self.kind else { throw .notAScoringWorkbook }
        func text(_ key: String) throws(StampProblem) -> String {
            guard let value = rows[key], !value.isEmpty else { throw .missing(key) }
            return value
        }
        guard let year = Int(try text("year")) else { throw .missing("year") }
        guard let audience = ScoringForm.Audience(rawValue: try text("for")) else { throw .missing("for") }
        guard let round = Int(try text("round")).flatMap(ScoringForm.Round.init) else { throw .missing("round") }
        guard let header = Int(try text("header")), header > 0 else { throw .missing("header") }
        self.init(
            dataset: rows["dataset"] ?? "", issuer: try text("issuer"), year: year, form: ScoringForm(audience, round: round),
            id: try text("id"), fingerprint: try text("fingerprint"), headerRow: header)
    }

    /// Why a workbook's hidden sheet is not a stamp.
    public enum StampProblem: Error, Equatable {
        case notAScoringWorkbook
        case missing(String)
    }
}

/// The fingerprint of framework rows: SHA-256 of each row's framework file, code, name, max and
/// method, one row a line in the order given. A workbook made before a criterion, its code or
/// its max changed carries another fingerprint than the framework has now.
public enum CriteriaFingerprint {
    public static func of(_ rows: [(framework: String, criterion: Criterion)]) -> String {
        var text = ""
        for (framework, c) in rows {
            text += "\(framework)\t\(c.code)\t\(c.name)\t\(c.max)\t\(c.method.rawValue)\n"
        }
        return Hashing.sha256(Data(text.utf8))
    }
}
