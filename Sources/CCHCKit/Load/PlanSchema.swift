import Yams

/// The keys plan.yaml may hold, so that a misspelt key is reported instead of silently ignored.
indirect enum PlanSchema: Sendable {
    case scalar
    case list(PlanSchema)
    case map([String: PlanSchema])
    /// A prose section, which nests itself.
    case section

    static let band: PlanSchema = .map(["name": .scalar, "min": .scalar])
    static let meta: PlanSchema = .map([
        "number": .scalar, "symbol": .scalar, "date": .scalar, "title": .scalar, "bases": .list(.scalar),
        "sections": .list(.section), "recipients": .list(.scalar), "archive": .scalar, "executors": .scalar,
        "attached": .scalar,
        "signer": .map(["competence": .scalar, "body": .scalar, "position": .scalar, "name": .scalar, "lines": .list(.scalar)]),
    ])
    static let root: PlanSchema = .map([
        "year": .scalar, "place": .scalar, "precision": .scalar, "secretariat": .scalar,
        "issuer": .map(["name": .scalar, "short": .scalar, "parent": .scalar, "lines": .list(.scalar), "id": .scalar]),
        "bands": .map(["default": .list(band), "groups": .list(.map(["group": .scalar, "bands": .list(band)]))]),
        "awards": .list(.map(["group": .scalar, "count": .scalar])),
        "survey": .map([
            "total": .scalar, "time": .scalar, "groups": .list(.map(["name": .scalar, "count": .scalar, "note": .scalar])),
        ]),
        "tasks": .list(.map(["title": .scalar, "description": .scalar, "lead": .scalar, "partners": .scalar, "time": .scalar])),
        "documents": .map(["plan": meta, "self-assessment": meta, "report": meta, "decision": meta]),
    ])

    /// Warns about every key of `node` that the schema does not know.
    static func check(_ node: Node, diagnostics: inout DiagnosticEngine) {
        root.check(node, path: [], diagnostics: &diagnostics)
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
                    diagnostics.warning(
                        DatasetFiles.plan, line: key.mark?.line, column: key.mark?.column,
                        "unknown key '\(at)' is ignored; expected one of: \(known)")
                    continue
                }
                schema.check(value, path: path + [name], diagnostics: &diagnostics)
            }
        default:
            break
        }
    }
}
