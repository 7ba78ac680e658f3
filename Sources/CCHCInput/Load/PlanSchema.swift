import CCHCCore
import Yams

/// The keys plan.yaml may hold and the shape of each, so that a misspelt key is reported instead
/// of silently ignored, and every value of the wrong shape is reported in one run, in plain words.
package indirect enum PlanSchema: Sendable {
    /// One value (text, a number, a date).
    case scalar
    /// A whole number.
    case integer
    case list(PlanSchema)
    case map([String: PlanSchema])
    /// A mapping whose keys are the user's own names (a respondent group), each value of one shape.
    case names(PlanSchema)
    /// A prose section, which nests itself.
    case section

    package static let band: PlanSchema = .map(["name": .scalar, "min": .scalar])
    package static let meta: PlanSchema = .map([
        "number": .integer, "symbol": .scalar, "date": .scalar, "title": .scalar, "bases": .list(.scalar),
        "sections": .list(.section), "recipients": .list(.scalar), "archive": .scalar, "executors": .scalar,
        "attached": .scalar, "deadline": .scalar, "contact": .scalar, "addressees": .list(.scalar),
        "signer": .map(["competence": .scalar, "body": .scalar, "position": .scalar, "name": .scalar, "lines": .list(.scalar)]),
    ])
    package static let root: PlanSchema = .map([
        "year": .integer, "place": .scalar, "precision": .integer, "secretariat": .scalar,
        "issuer": .map(["name": .scalar, "short": .scalar, "parent": .scalar, "lines": .list(.scalar), "id": .scalar]),
        "bands": .map(["default": .list(band), "groups": .list(.map(["group": .scalar, "bands": .list(band)]))]),
        "awards": .list(.map(["group": .scalar, "count": .integer, "form": .scalar, "amount": .integer, "ties": .scalar])),
        "survey": .map([
            "total": .integer, "time": .scalar, "groups": .list(.map(["name": .scalar, "count": .integer, "note": .scalar])),
            "pooling": .scalar, "weights": .names(.scalar), "minimum": .integer,
        ]),
        "council": .list(.map(["name": .scalar, "title": .scalar, "agency": .scalar, "role": .scalar])),
        "deadlines": .map(["self-assessment": .scalar, "appraisal": .scalar, "response": .scalar, "appraisal-round2": .scalar]),
        "tasks": .list(.map(["title": .scalar, "description": .scalar, "lead": .scalar, "partners": .scalar, "time": .scalar])),
        "documents": .map([
            "plan": meta, "plan-decision": meta, "self-assessment": meta, "appraisal": meta, "report": meta, "decision": meta,
            "issuance": .scalar, "commendation": meta, "submission": meta, "council": meta, "guidance": meta,
            "appraisal-report": meta,
        ]),
    ])

    /// Warns about every key of `node` that the schema does not know, and reports every value of
    /// the wrong shape as an error. Returns `node` with each such value replaced by an empty one
    /// of the right shape, so that the rest of the plan can still be read and checked, and the
    /// paths replaced (none: the plan is as written).
    package static func check(_ node: Node, diagnostics: inout DiagnosticEngine) -> (node: Node, wrong: [[String]]) {
        var wrong: [(path: [String], placeholder: Node)] = []
        root.check(node, path: [], wrong: &wrong, diagnostics: &diagnostics)
        let mended = wrong.reduce(node) { replacing($1.path[...], with: $1.placeholder, in: $0) }
        return (mended, wrong.map(\.path))
    }

    /// An empty value of this shape: `0`, empty text, an empty list, or a mapping of empty values.
    private var placeholder: Node {
        switch self {
        case .integer: return Node("0", Tag(.int))
        case .scalar, .section: return Node("", Tag(.str))
        case .list: return Node([Node]())
        case .map(let keys): return Node(keys.sorted { $0.key < $1.key }.map { (Node($0.key, Tag(.str)), $0.value.placeholder) })
        case .names: return Node([(Node, Node)]())
        }
    }

    private static func replacing(_ path: ArraySlice<String>, with value: Node, in node: Node) -> Node {
        guard let key = path.first else { return value }
        switch node {
        case .mapping(var mapping):
            guard let child = mapping[key] else { return node }
            mapping[key] = replacing(path.dropFirst(), with: value, in: child)
            return .mapping(mapping)
        case .sequence(var sequence):
            guard let i = Int(key), sequence.indices.contains(i) else { return node }
            sequence[i] = replacing(path.dropFirst(), with: value, in: sequence[i])
            return .sequence(sequence)
        default:
            return node
        }
    }

    private func check(
        _ node: Node, path: [String], wrong: inout [(path: [String], placeholder: Node)], diagnostics: inout DiagnosticEngine
    ) {
        switch (self, node) {
        case (.section, _):
            PlanSchema.map(["title": .scalar, "paragraphs": .list(.scalar), "items": .list(.scalar), "sections": .list(.section)])
                .check(node, path: path, wrong: &wrong, diagnostics: &diagnostics)
        case (.list(let element), .sequence(let items)):
            for (i, item) in items.enumerated() {
                element.check(item, path: path + [String(i)], wrong: &wrong, diagnostics: &diagnostics)
            }
        case (.map(let keys), .mapping(let mapping)):
            for (key, value) in mapping {
                let name = key.string ?? ""
                guard let schema = keys[name] else {
                    let known = keys.keys.sorted().joined(separator: ", ")
                    let at = (path + [name]).joined(separator: ".")
                    let hint = Suggestion.closest(name, among: keys.keys).map { "did you mean '\($0)'? " } ?? ""
                    diagnostics.warning(
                        SourceName(DatasetFiles.plan), line: key.mark?.line, column: key.mark?.column,
                        "unknown key '\(at)' is ignored; \(hint)expected one of: \(known)")
                    continue
                }
                schema.check(value, path: path + [name], wrong: &wrong, diagnostics: &diagnostics)
            }
        case (.names(let value), .mapping(let mapping)):
            for (key, item) in mapping {
                value.check(item, path: path + [key.string ?? ""], wrong: &wrong, diagnostics: &diagnostics)
            }
        case (.scalar, .scalar):
            break
        case (.integer, .scalar(let scalar)):
            if Int(scalar.string) == nil && !Self.isNull(scalar.string) {
                report(node, path, "found '\(scalar.string)'; expected \(expected(at: path))", &diagnostics)
                wrong.append((path, placeholder))
            }
        case (_, .scalar(let scalar)) where Self.isNull(scalar.string):
            break  // left empty: the keys that must have a value say so when the plan is read
        default:
            report(node, path, "found \(Self.describe(node)); expected \(expected(at: path))", &diagnostics)
            wrong.append((path, placeholder))
        }
    }

    private func report(_ node: Node, _ path: [String], _ message: String, _ diagnostics: inout DiagnosticEngine) {
        diagnostics.error(
            SourceName(DatasetFiles.plan), line: node.mark?.line, column: node.mark?.column,
            "'\(path.joined(separator: "."))': \(message)")
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
        case .names: return "names with values on the lines below it, indented, e.g. người dân: 0.7"
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
    package static func isNull(_ text: String) -> Bool { text.isEmpty || text == "~" || text.lowercased() == "null" }
}
