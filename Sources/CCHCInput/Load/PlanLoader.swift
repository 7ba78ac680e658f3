import CCHCCore
import Foundation
import Yams

/// Loads plan.yaml into a typed `Plan`, with every problem located by line and column.
package enum PlanLoader {
    package static func load(_ data: Data, diagnostics: inout DiagnosticEngine) -> (Plan, YAMLLocations)? {
        let file = DatasetFiles.plan
        guard let text = TextDecoder.decode(data, file: SourceName(file), diagnostics: &diagnostics) else { return nil }
        var node: Node
        // The parser stays alive until the aliases are checked: the nodes hold their anchors weakly.
        let parser: Parser
        do {
            parser = try Parser(yaml: text)
            guard let composed = try parser.singleRoot() else {
                diagnostics.error(SourceName(file), line: 1, "the file is empty; expected at least year, issuer and place")
                return nil
            }
            node = composed
        } catch let error as YamlError {
            report(error, text: text, diagnostics: &diagnostics)
            return nil
        } catch {
            diagnostics.error(SourceName(file), line: 1, "does not parse as YAML: \(error)")
            return nil
        }
        let noAliases = withExtendedLifetime(parser) { YAMLAliasCheck.check(node, file: file, diagnostics: &diagnostics) }
        guard noAliases, PlanTextCheck.check(node, file: file, diagnostics: &diagnostics) else { return nil }
        let locations = YAMLLocations(node)
        node = PlanForms.natural(node)
        // Every value of the wrong shape is reported at once. The plan is then read with them as
        // empty values, so that the other values are checked in the same run, and is used only if
        // all were right.
        let (mended, wrong) = PlanSchema.check(node, diagnostics: &diagnostics)
        do {
            let plan = try YAMLDecoder().decode(Plan.self, from: mended)
            checkValues(plan, locations, skipping: wrong, diagnostics: &diagnostics)
            return wrong.isEmpty ? (plan, locations) : nil
        } catch let error as DecodingError {
            report(error, locations, diagnostics: &diagnostics)
            return nil
        } catch {
            diagnostics.error(SourceName(file), line: 1, "\(error)")
            return nil
        }
    }

    private static func report(_ error: YamlError, text: String, diagnostics: inout DiagnosticEngine) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = mark.line >= 1 && mark.line <= lines.count ? lines[mark.line - 1] : ""
            diagnostics.error(
                SourceName(DatasetFiles.plan), line: mark.line, column: mark.column, PlanForms.explain(what, line: String(line)))
        default:
            diagnostics.error(SourceName(DatasetFiles.plan), line: 1, "does not parse as YAML: \(error)")
        }
    }

    private static func report(_ error: DecodingError, _ locations: YAMLLocations, diagnostics: inout DiagnosticEngine) {
        let (path, message): ([CodingKey], String)
        switch error {
        case .keyNotFound(let key, let context):
            (path, message) = (context.codingPath, "missing required key '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            let key = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            let found =
                locations.scalars[key].map { "found '\($0)'" }
                ?? "found a \(locations.scalars[key] == nil ? "list or mapping" : "value")"
            if type is Int.Type, let text = locations.scalars[key], Int(text) != nil {
                // Digits that did not read as a number were written in quotes: YAML's text.
                let name = context.codingPath.last?.stringValue ?? "number"
                (path, message) = (
                    context.codingPath,
                    "found \"\(text)\" in quotes, which YAML reads as text; expected a whole number without quotes, e.g. \(name): \(text)"
                )
            } else {
                (path, message) = (context.codingPath, "\(found); expected \(describe(type))")
            }
        case .valueNotFound(let type, let context):
            (path, message) = (context.codingPath, "no value; expected \(describe(type))")
        case .dataCorrupted(let context):
            (path, message) = (context.codingPath, context.debugDescription)
        @unknown default:
            (path, message) = ([], "\(error)")
        }
        let keys = path.map { $0.intValue.map(String.init) ?? $0.stringValue }
        let at = locations.location(keys)
        let name = keys.isEmpty ? "" : "'\(keys.joined(separator: "."))': "
        diagnostics.error(SourceName(DatasetFiles.plan), line: at?.line ?? 1, column: at?.column, name + message)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is String.Type: return "text"
        case is [Any].Type: return "a list"
        case is [String: Any].Type: return "keys with values"
        default: return "a value of another kind"
        }
    }

    /// - Parameter skipping: values already reported as of the wrong shape (read as empty): nothing more is said of them.
    private static func checkValues(
        _ plan: Plan, _ locations: YAMLLocations, skipping wrong: [[String]], diagnostics: inout DiagnosticEngine
    ) {
        func error(_ path: [String], _ message: String) {
            guard !wrong.contains(where: { path.starts(with: $0) }) else { return }
            let at = locations.location(path)
            diagnostics.error(
                SourceName(DatasetFiles.plan), line: at?.line, column: at?.column, "'\(path.joined(separator: "."))': \(message)")
        }
        if !(1900...2200).contains(plan.year) { error(["year"], "\(plan.year) is not a plausible year; expected e.g. 2022") }
        let required: [([String], String, String)] = [
            (["place"], plan.place, "the địa danh, e.g. An Giang"),
            (["issuer", "name"], plan.issuer.name, "the issuer's name, e.g. Ủy ban nhân dân tỉnh An Giang"),
            (["issuer", "short"], plan.issuer.short, "the short name for the ký hiệu, e.g. UBND"),
        ]
        for (path, value, what) in required where isBlank(value) {
            error(path, "empty; expected \(what)")
        }
        if let p = plan.precision, !(0...6).contains(p) { error(["precision"], "\(p); expected 0 to 6 decimals") }
        for (i, rule) in (plan.awards ?? []).enumerated() {
            if rule.count < 0 { error(["awards", String(i), "count"], "\(rule.count); expected a count ≥ 0") }
            if let amount = rule.amount, amount < 0 { error(["awards", String(i), "amount"], "\(amount); expected đồng ≥ 0") }
            if let ties = rule.ties, !["include", "exclude"].contains(ties) {
                error(
                    ["awards", String(i), "ties"],
                    "'\(ties)'; expected include (the default: every unit tied at the last place awarded) or exclude")
            }
        }
        if let issuance = plan.documents?.issuance, !["paper", "electronic"].contains(issuance) {
            error(["documents", "issuance"], "'\(issuance)'; expected paper (the default) or electronic")
        }
        for (key, date) in plan.deadlines?.all ?? [] where date.map({ PlanDate($0) == nil }) ?? false {
            error(["deadlines", key], "'\(date!)' is not a date; expected YYYY-MM-DD, e.g. 2023-03-20")
        }
        for (kind, meta) in documentMetas(plan) {
            if let date = meta.date, PlanDate(date) == nil {
                error(["documents", kind, "date"], "'\(date)' is not a date; expected YYYY-MM-DD, e.g. 2023-03-22")
            }
            if let deadline = meta.deadline, PlanDate(deadline) == nil {
                error(["documents", kind, "deadline"], "'\(deadline)' is not a date; expected YYYY-MM-DD, e.g. 2023-03-31")
            }
            if let signer = meta.signer, isBlank(signer.name), !wrong.contains(where: { ["documents", kind].starts(with: $0) }) {
                let at =
                    locations.location(["documents", kind, "signer", "name"])
                    ?? locations.location(["documents", kind, "signer"])
                diagnostics.warning(
                    SourceName(DatasetFiles.plan), line: at?.line, column: at?.column,
                    "'documents.\(kind).signer.name': empty; the document prints a blank line to sign over; expected the signer's name, e.g. name: Nguyễn Thanh Bình"
                )
            }
            if let n = meta.number, n <= 0 { error(["documents", kind, "number"], "\(n); expected a positive number") }
            if plan.issuedElectronically, meta.number != nil || meta.date != nil {
                let key = meta.number != nil ? "number" : "date"
                let at = locations.location(["documents", kind, key])
                diagnostics.warning(
                    SourceName(DatasetFiles.plan), line: at?.line, column: at?.column,
                    "'documents.\(kind).\(key)': not printed: with 'documents.issuance: electronic' the document system gives the number and the date as it issues the document; expected no number or date here (or issuance: paper)"
                )
            }
        }
    }

    /// Empty, or YAML's null spelled out (`~`, `null`), which Yams hands over as text.
    private static func isBlank(_ value: String) -> Bool {
        let v = value.trimmingCharacters(in: .whitespaces)
        return v.isEmpty || v == "~" || v.lowercased() == "null"
    }

    package static func documentMetas(_ plan: Plan) -> [(String, DocumentMeta)] {
        let d = plan.documents
        return [
            ("plan", d?.plan), ("plan-decision", d?.planDecision), ("self-assessment", d?.selfAssessment),
            ("appraisal", d?.appraisal), ("report", d?.report), ("decision", d?.decision), ("commendation", d?.commendation),
            ("submission", d?.submission), ("council", d?.council), ("guidance", d?.guidance),
            ("appraisal-report", d?.appraisalReport),
        ]
        .compactMap { kind, meta in meta.map { (kind, $0) } }
    }
}
