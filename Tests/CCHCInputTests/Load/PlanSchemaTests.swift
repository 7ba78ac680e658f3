import CCHCTestSupport
import Foundation
import Testing
import Yams

@testable import CCHCCore
@testable import CCHCInput

/// The schema that checks plan.yaml names exactly the keys `Plan` reads (issue 27, item 6): a plan
/// holding every key of the schema is read without a warning, and every one of those keys is
/// found again when the plan read is written back; so a key the schema allows and `Plan` ignores,
/// or one `Plan` reads and the schema calls misspelt, fails here.
@Suite struct PlanSchemaTests {
    /// A YAML value of `schema` with every key filled in, at `indent`.
    static func yaml(_ schema: PlanSchema, key: String, indent: String) -> String {
        switch schema {
        case .scalar:
            return " " + (["date", "deadline"].contains(key) ? "2024-03-01" : (key == "min" ? "\"80\"" : "\"Giá trị\""))
        case .integer: return key == "year" ? " 2024" : " 2"
        case .list(let element):
            let item = yaml(element, key: key, indent: indent + "  ")
            return element.isMap ? "\n\(indent)- \(item.dropFirst(indent.count + 3))" : "\n\(indent)-\(item)"
        case .map(let keys):
            return keys.keys.sorted().map { name in "\n\(indent)\(name):\(yaml(keys[name]!, key: name, indent: indent + "  "))" }
                .joined()
        case .section:
            return yaml(
                .map(["title": .scalar, "paragraphs": .list(.scalar), "items": .list(.scalar)]), key: key, indent: indent)
        case .names(let value): return "\n\(indent)người dân:\(yaml(value, key: "người dân", indent: indent + "  "))"
        }
    }

    /// Every key path of a JSON value (list items as `[]`).
    static func paths(_ value: Any, _ prefix: String = "") -> Set<String> {
        if let map = value as? [String: Any] {
            return map.reduce(into: Set<String>()) { found, entry in
                let path = prefix.isEmpty ? entry.key : prefix + "." + entry.key
                found.insert(path)
                found.formUnion(paths(entry.value, path))
            }
        }
        if let list = value as? [Any] { return list.reduce(into: Set<String>()) { $0.formUnion(paths($1, prefix + "[]")) } }
        return []
    }

    /// The key paths of the schema, as `paths` writes them.
    static func paths(_ schema: PlanSchema, _ prefix: String = "") -> Set<String> {
        switch schema {
        case .scalar, .integer, .names: return []
        case .list(let element): return paths(element, prefix + "[]")
        case .section:
            return paths(.map(["title": .scalar, "paragraphs": .list(.scalar), "items": .list(.scalar)]), prefix)
        case .map(let keys):
            return keys.reduce(into: Set<String>()) { found, entry in
                let path = prefix.isEmpty ? entry.key : prefix + "." + entry.key
                found.insert(path)
                found.formUnion(paths(entry.value, path))
            }
        }
    }

    @Test func theSchemaAndThePlanNameTheSameKeys() throws {
        let text = String(Self.yaml(PlanSchema.root, key: "", indent: "").dropFirst()) + "\n"
        var diagnostics = DiagnosticEngine()
        let read = PlanLoader.load(Data(text.utf8), diagnostics: &diagnostics)
        let (plan, _) = try #require(read, "\(diagnostics.diagnostics.map(\.description))\n\(text)")
        // Not one key of the schema is reported as unknown (only the values' own warnings remain).
        #expect(!diagnostics.diagnostics.contains { $0.message.contains("unknown key") }, "\(diagnostics.diagnostics)")
        let written = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(plan))
        let schema = Self.paths(PlanSchema.root)
        // A mapping of the user's own names (survey.weights) has no keys of the schema's.
        let planKeys = Self.paths(written).filter { !$0.hasPrefix("survey.weights.") }
        #expect(schema.count > 60 && schema.contains("documents.plan-decision.signer.lines"))
        #expect(schema.subtracting(planKeys).sorted() == [], "the schema allows keys the plan does not read")
        #expect(planKeys.subtracting(schema).sorted() == [], "the plan reads keys the schema calls misspelt")
    }
}

extension PlanSchema {
    fileprivate var isMap: Bool {
        if case .map = self { return true }
        return false
    }
}
