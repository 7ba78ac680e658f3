import Yams

/// The keys plan.yaml may hold and the shape of each, so that a misspelt key is reported instead
/// of silently ignored, and every value of the wrong shape is reported in one run, in plain words.
indirect enum PlanSchema: Sendable {
    /// One value (text, a number, a date).
    case scalar
    /// A whole number.
    case integer
    case list(PlanSchema)
    case map([String: PlanSchema])
    /// A prose section, which nests itself.
    case section

    static let band: PlanSchema = .map(["name": .scalar, "min": .scalar])
    static let meta: PlanSchema = .map([
        "number": .integer, "symbol": .scalar, "date": .scalar, "title": .scalar, "bases": .list(.scalar),
        "sections": .list(.section), "recipients": .list(.scalar), "archive": .scalar, "executors": .scalar,
        "attached": .scalar,
        "signer": .map(["competence": .scalar, "body": .scalar, "position": .scalar, "name": .scalar, "lines": .list(.scalar)]),
    ])
    static let root: PlanSchema = .map([
        "year": .integer, "place": .scalar, "precision": .integer, "secretariat": .scalar,
        "issuer": .map(["name": .scalar, "short": .scalar, "parent": .scalar, "lines": .list(.scalar), "id": .scalar]),
        "bands": .map(["default": .list(band), "groups": .list(.map(["group": .scalar, "bands": .list(band)]))]),
        "awards": .list(.map(["group": .scalar, "count": .integer])),
        "survey": .map([
            "total": .integer, "time": .scalar, "groups": .list(.map(["name": .scalar, "count": .integer, "note": .scalar])),
        ]),
        "tasks": .list(.map(["title": .scalar, "description": .scalar, "lead": .scalar, "partners": .scalar, "time": .scalar])),
        "documents": .map(["plan": meta, "self-assessment": meta, "report": meta, "decision": meta]),
    ])

    /// Warns about every key of `node` that the schema does not know, and reports every value of
    /// the wrong shape as an error. Returns whether every shape is right (then the plan can be read).
    @discardableResult
    static func check(_ node: Node, diagnostics: inout DiagnosticEngine) -> Bool {
        let before = diagnostics.errors.count
        root.check(node, path: [], diagnostics: &diagnostics)
        return diagnostics.errors.count == before
    }

    private func check(_ node: Node, path: [String], diagnostics: inout DiagnosticEngine) {
        switch (self, node) {
        case (.section, _):
            PlanSchema.map(["title": .scalar, "paragraphs": .list(.scalar), "items": .list(.scalar), "sections": .list(.section)])
                .check(node, path: path, diagnostics: &diagnostics)
        case (.list(let element), .sequence(let items)):
            for (i, item) in items.enumerated() { element.check(item, path: path + [String(i)], diagnostics: &diagnostics) }
        case (.map(let keys), .mapping(let mapping)):
            for (key, value) in mapping {
                let name = key.string ?? ""
                guard let schema = keys[name] else {
                    let known = keys.keys.sorted().joined(separator: ", ")
                    let at = (path + [name]).joined(separator: ".")
                    let hint = Suggestion.closest(name, among: keys.keys).map { "did you mean '\($0)'? " } ?? ""
                    diagnostics.warning(
                        DatasetFiles.plan, line: key.mark?.line, column: key.mark?.column,
                        "unknown key '\(at)' is ignored; \(hint)expected one of: \(known)")
                    continue
                }
                schema.check(value, path: path + [name], diagnostics: &diagnostics)
            }
        case (.scalar, .scalar):
            break
        case (.integer, .scalar(let scalar)):
            if Int(scalar.string) == nil && !Self.isNull(scalar.string) {
                report(node, path, "found '\(scalar.string)'; expected \(expected(at: path))", &diagnostics)
            }
        case (_, .scalar(let scalar)) where Self.isNull(scalar.string):
            break  // left empty: the keys that must have a value say so when the plan is read
        default:
            report(node, path, "found \(Self.describe(node)); expected \(expected(at: path))", &diagnostics)
        }
    }

    private func report(_ node: Node, _ path: [String], _ message: String, _ diagnostics: inout DiagnosticEngine) {
        diagnostics.error(
            DatasetFiles.plan, line: node.mark?.line, column: node.mark?.column, "'\(path.joined(separator: "."))': \(message)")
    }

    /// What the key at `path` expects, in words, with the form to write.
    private func expected(at path: [String]) -> String {
        let key = path.last ?? ""
        switch self {
        case .scalar, .section: return "a single value on the same line as its key, e.g. place: An Giang"
        case .integer:
            let examples = ["year": "2024", "precision": "2", "count": "5", "total": "199", "number": "342"]
            return "a whole number, e.g. \(key): \(examples[key] ?? "5")"
        case .list: return "a list below the key, one item a line starting with '- '"
        case .map(let keys):
            return "its keys on the lines below it, indented (\(keys.keys.sorted().joined(separator: ", ")))"
        }
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "'\(s.string)'"
        case .sequence: return "a list"
        case .mapping: return "keys with values"
        case .alias: return "an alias"
        }
    }

    /// YAML's empty value (nothing, `~`, `null`).
    static func isNull(_ text: String) -> Bool { text.isEmpty || text == "~" || text.lowercased() == "null" }
}
