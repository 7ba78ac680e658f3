import CCHCCore
import Foundation

/// Reads scores.csv: self-assessed and appraised scores of the `tham-dinh` leaves, and declared
/// totals on parent rows.
package enum ScoresLoader {
    /// - Parameter misspelt: for each unit, the codes its rows were most likely meant to have
    ///   where a row's code is unknown (`2.21` for 2.2.1): that row's error already says so, and
    ///   no other error says the code has no row.
    package static func load(
        _ table: CSVTable, _ context: LoadContext, misspelt: inout [String: Set<CriterionCode>],
        diagnostics: inout DiagnosticEngine
    ) -> [String: [CriterionCode: ScoreEntry]] {
        let file = table.file
        guard table.require(["unit", "code", "self", "appraised"], diagnostics: &diagnostics) else { return [:] }
        KnownColumns.warnUnknown(table, known: KnownColumns.scores, diagnostics: &diagnostics)
        let c = (
            unit: table.column("unit"), code: table.column("code"), selfScore: table.column("self"),
            appraised: table.column("appraised"), evidence: table.column("evidence"),
            explanation: table.column("explanation"), comment: table.column("comment"),
            round1: table.column("round1"), comment1: table.column("comment1"), response: table.column("response")
        )
        // Each row is read and checked on every core, in chunks. The rows are then judged one by
        // one, in file order, by their unit's number and their criterion's position (no hashing),
        // so duplicates and the order of problems are those of a one-core read. Each unit's
        // sheet is then built on every core.
        let rows = table.rows
        let ids = Array(context.units.keys)
        let ordinals = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let chunk = 512
        let read = Parallel.map((rows.count + chunk - 1) / chunk) { k -> [RowRead] in
            rows[(k * chunk)..<min(rows.count, (k + 1) * chunk)].map { r in
                var found = DiagnosticEngine()
                guard let (unit, criterion) = context.resolve(table, r, unit: c.unit, code: c.code, diagnostics: &found),
                    let ordinal = ordinals[unit.id], let framework = context.frameworks[unit.framework],
                    let position = framework.position[criterion.code]
                else { return RowRead(misspelt: misspeltCode(table, r, c.unit, c.code, context), problems: found.diagnostics) }
                // A typed score of a leaf may not have more decimals than the plan prints (SPEC §3).
                let places = criterion.isLeaf ? context.precision : nil
                let selfScore = cell(table.value(r, c.selfScore), column: "self", criterion, r.line, file, &found, places: places)
                let appraised = cell(
                    table.value(r, c.appraised), column: "appraised", criterion, r.line, file, &found, places: places)
                let round1 = cell(table.value(r, c.round1), column: "round1", criterion, r.line, file, &found, places: places)
                let entry = ScoreEntry(
                    unit: unit.id, code: criterion.code, selfScore: selfScore, appraised: appraised,
                    evidence: Self.evidence(table.value(r, c.evidence)), explanation: table.value(r, c.explanation),
                    comment: table.value(r, c.comment), round1: round1, comment1: table.value(r, c.comment1),
                    response: table.value(r, c.response), line: r.line)
                return RowRead(
                    entry: entry, unit: ordinal, position: position, criteria: framework.criteria.count,
                    surveyMethod: criterion.isLeaf && criterion.method.isSurvey ? criterion.method : nil,
                    problems: found.diagnostics)
            }
        }
        // The line each (unit, criterion) was first scored on, 0 for none; the rows kept per unit.
        var firstLine = [[Int]](repeating: [], count: ids.count)
        var kept = [[Int]](repeating: [], count: ids.count)
        for k in read.indices {
            for j in read[k].indices {
                let (unit, position) = (read[k][j].unit, read[k][j].position)
                guard let entry = read[k][j].entry else {
                    diagnostics.append(contentsOf: read[k][j].problems)  // an unknown unit or code
                    if let (unit, code) = read[k][j].misspelt { misspelt[unit, default: []].insert(code) }
                    continue
                }
                if firstLine[unit].isEmpty { firstLine[unit] = [Int](repeating: 0, count: read[k][j].criteria) }
                if firstLine[unit][position] != 0 {
                    diagnostics.error(
                        file, line: entry.line,
                        "unit \(entry.unit), code \(entry.code) is scored twice (first on line \(firstLine[unit][position]))")
                    continue
                }
                if let method = read[k][j].surveyMethod {
                    diagnostics.error(
                        file, line: entry.line,
                        field: "code", "\(entry.code) is scored by survey (\(method.rawValue)); expected its score in survey.csv")
                    continue
                }
                diagnostics.append(contentsOf: read[k][j].problems)
                firstLine[unit][position] = entry.line
                kept[unit].append(k * chunk + j)
            }
        }
        let rowsOfUnit = kept  // read-only from here: the workers share it
        let sheets = Parallel.map(ids.count) { u -> [CriterionCode: ScoreEntry] in
            var sheet: [CriterionCode: ScoreEntry] = Dictionary(minimumCapacity: rowsOfUnit[u].count)
            for i in rowsOfUnit[u] {
                if let entry = read[i / chunk][i % chunk].entry { sheet[entry.code] = entry }
            }
            return sheet
        }
        var result: [String: [CriterionCode: ScoreEntry]] = Dictionary(minimumCapacity: ids.count)
        for (id, sheet) in zip(ids, sheets) where !sheet.isEmpty { result[id] = sheet }
        return result
    }

    /// One row as read, before it is judged against the rows before it.
    private struct RowRead {
        /// `nil` when the unit or code is unknown (`problems` says which).
        var entry: ScoreEntry? = nil
        /// The unit's number in this load (in `ids`), and the criterion's position in its framework.
        var unit = 0
        var position = 0
        /// How many criteria the unit's framework has.
        var criteria = 0
        /// The criterion's method, when it is a survey leaf (scored in survey.csv, not here).
        var surveyMethod: ScoringMethod? = nil
        /// A known unit with an unknown code, and the code it was most likely meant to be.
        var misspelt: (unit: String, code: CriterionCode)? = nil
        /// The row's problems: an unknown unit or code, or its score cells.
        var problems: [Diagnostic]
    }

    /// The unit and the code a row whose code is unknown was most likely meant to have.
    private static func misspeltCode(
        _ table: CSVTable, _ r: CSVTable.Row, _ unitColumn: Int?, _ codeColumn: Int?, _ context: LoadContext
    )
        -> (String, CriterionCode)?
    {
        let (unitId, codeText) = (table.value(r, unitColumn), table.value(r, codeColumn))
        guard !context.isCovered(unitId), let unit = context.units[unitId], let framework = context.frameworks[unit.framework],
            CriterionCode(codeText).flatMap({ framework[$0] }) == nil, let code = context.suggestedCode(codeText, unit: unit)
        else { return nil }
        return (unitId, code)
    }

    /// A score cell: a number within 0…max, `N/A` or `-`, or empty (missing); with `places`, a
    /// number with more decimals than that is an error (the plan's precision).
    package static func cell(
        _ text: String, column: String, _ criterion: Criterion, _ line: Int, _ file: SourceName,
        _ diagnostics: inout DiagnosticEngine, places: Int? = nil
    ) -> ScoreValue {
        if text.isEmpty { return .missing }
        if isNotApplicable(text) { return .notApplicable }
        switch NumberParser.points(text) {
        case .success(let v):
            if criterion.isLeaf && v > criterion.max {
                diagnostics.error(
                    file, line: line,
                    field: "\(column)",
                    "\(v) for \(criterion.code) is above its max \(criterion.max); expected 0 to \(criterion.max)"
                )
            }
            if let places, v.roundedHalfUp(places) != v {
                diagnostics.error(
                    file, line: line, field: column,
                    "'\(text)' for \(criterion.code) has more decimals than the plan's precision (\(places)); expected it rounded, e.g. \(VietnameseNumber.format(v.roundedHalfUp(places), maxDecimals: places, minDecimals: places)), or a higher 'precision' in plan.yaml"
                )
            }
            return .points(v)
        case .failure(let p):
            diagnostics.error(
                file, line: line, field: "\(column)", "'\(text)' for \(criterion.code); expected \(p.expected), or N/A")
            return .invalid
        }
    }

    /// `N/A` (any case) or `-`: the criterion does not apply.
    package static func isNotApplicable(_ text: String) -> Bool {
        let b = text.utf8
        switch b.count {
        case 1: return b.first == UInt8(ascii: "-")
        case 3:
            let i = b.startIndex
            return b[i] | 0x20 == UInt8(ascii: "n") && b[b.index(after: i)] == UInt8(ascii: "/")
                && b[b.index(i, offsetBy: 2)] | 0x20 == UInt8(ascii: "a")
        default: return false
        }
    }

    /// Tài liệu kiểm chứng: the `;`-separated documents of a cell, trimmed, empty ones left out.
    /// Split on bytes: `;` and spaces are ASCII, so every cut is a character boundary.
    package static func evidence(_ cell: String) -> [String] {
        guard !cell.isEmpty else { return [] }
        return cell.utf8.split(separator: UInt8(ascii: ";")).compactMap { piece in
            let text = String(Substring(piece)).trimmedSpaces
            return text.isEmpty ? nil : text
        }
    }
}
