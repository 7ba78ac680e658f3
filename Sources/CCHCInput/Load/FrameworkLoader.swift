import CCHCCore
import Foundation

/// Builds a `Framework` from framework*.csv: the tree from the codes, inherited method and lead,
/// parent maxima summed and checked.
package enum FrameworkLoader {
    private struct Row {
        var code: CriterionCode
        var name: String
        var max: Points?
        /// The max cell held text that is not a number (already reported).
        var maxInvalid = false
        var method: ScoringMethod?
        var lead: String
        var rule = ""
        var evidence = ""
        var line: Int
    }

    package static func load(_ table: CSVTable, diagnostics: inout DiagnosticEngine) -> Framework? {
        let file = table.file
        guard table.require(["code", "name", "max"], diagnostics: &diagnostics) else { return nil }
        KnownColumns.warnUnknown(table, known: KnownColumns.framework, diagnostics: &diagnostics)
        let (cCode, cName, cMax) = (table.column("code"), table.column("name"), table.column("max"))
        let (cMethod, cLead) = (table.column("method"), table.column("lead"))
        let (cRule, cEvidence) = (table.column("rule"), table.column("evidence"))
        var rows: [CriterionCode: Row] = [:]
        let errorsBefore = diagnostics.errors.count
        for r in table.rows {
            let codeText = table.value(r, cCode)
            guard let code = CriterionCode(codeText) else {
                diagnostics.error(
                    file, line: r.line,
                    field: "code", "'\(codeText)' is not a criterion code; expected dotted numbers such as 1, 1.2 or 1.2.3")
                continue
            }
            if let first = rows[code] {
                diagnostics.error(file, line: r.line, field: "code", "\(code) is defined twice (first on line \(first.line))")
                continue
            }
            let name = table.value(r, cName)
            if name.isEmpty {
                diagnostics.error(file, line: r.line, field: "name", "empty for \(code); expected the criterion's name")
            }
            var max: Points?
            var maxInvalid = false
            let maxText = table.value(r, cMax)
            if !maxText.isEmpty {
                switch NumberParser.points(maxText) {
                case .success(let v): max = v
                case .failure(let p):
                    diagnostics.error(file, line: r.line, field: "max", "'\(maxText)' for \(code); expected \(p.expected)")
                    maxInvalid = true
                }
            }
            var method: ScoringMethod?
            let methodText = table.value(r, cMethod)
            if !methodText.isEmpty {
                method = ScoringMethod(rawValue: methodText.lowercased())
                if method == nil {
                    diagnostics.error(
                        file, line: r.line,
                        field: "method", "'\(methodText)' for \(code); expected one of tham-dinh, dieu-tra, sipas")
                }
            }
            rows[code] = Row(
                code: code, name: name, max: max, maxInvalid: maxInvalid, method: method, lead: table.value(r, cLead),
                rule: table.value(r, cRule), evidence: table.value(r, cEvidence), line: r.line)
        }
        if rows.isEmpty && diagnostics.errors.count == errorsBefore {
            diagnostics.error(file, line: 1, "no criteria; expected one row per field, criterion and sub-criterion")
            return nil
        }
        return build(rows, file: file, diagnostics: &diagnostics)
    }

    private static func build(_ rows: [CriterionCode: Row], file: SourceName, diagnostics: inout DiagnosticEngine) -> Framework? {
        var children: [CriterionCode: [CriterionCode]] = [:]
        for (code, row) in rows.sorted(by: { $0.key < $1.key }) {
            guard let parent = code.parent else { continue }
            if rows[parent] == nil {
                diagnostics.error(file, line: row.line, field: "code", "\(code) has no parent \(parent); add a row for \(parent)")
            } else {
                children[parent, default: []].append(code)
            }
        }
        var criteria: [Criterion] = []
        var ok = true
        func visit(_ code: CriterionCode, method: ScoringMethod, lead: String) -> Points {
            guard let row = rows[code] else { return 0 }
            let method = row.method ?? method
            let lead = row.lead.isEmpty ? lead : row.lead
            let kids = children[code] ?? []
            let index = criteria.count
            var criterion = Criterion(
                code: code, name: row.name, max: 0, method: method, lead: lead, children: kids, line: row.line)
            (criterion.rule, criterion.evidence) = (row.rule, row.evidence)
            criteria.append(criterion)
            var max: Points
            if kids.isEmpty {
                max = row.max ?? 0
                if row.max == nil {
                    if !row.maxInvalid {
                        diagnostics.error(
                            file, line: row.line, field: "max", "empty for the leaf \(code); expected its maximum score")
                    }
                    ok = false
                }
            } else {
                max = kids.reduce(Points(0)) { $0 + visit($1, method: method, lead: lead) }
                if let declared = row.max, declared != max {
                    diagnostics.error(
                        file, line: row.line,
                        field: "max",
                        "\(code) declares \(declared) but its children sum to \(max); expected the sum, or an empty cell"
                    )
                }
            }
            criteria[index].max = max
            return max
        }
        for code in rows.keys.sorted() where code.depth == 1 {
            _ = visit(code, method: .thamDinh, lead: "")
        }
        return ok ? Framework(file: file.description, criteria: criteria) : nil
    }
}
