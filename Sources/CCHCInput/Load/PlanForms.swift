import CCHCCore
import Yams

/// The forms of plan.yaml a user naturally writes, read as they mean them, and YAML's own parser
/// messages said in plain words.
package enum PlanForms {
    /// `awards:` written as a mapping of groups to counts (`{"Sở, ban, ngành": 5}`) is read as the
    /// list it stands for (`- group: Sở, ban, ngành` / `count: 5`).
    package static func natural(_ node: Node) -> Node {
        guard case .mapping(var root) = node, case .mapping(let awards)? = root["awards"],
            awards.allSatisfy({ $0.key.scalar != nil && $0.value.scalar != nil })
        else { return node }
        let entries = awards.map { pair -> Node in
            var entry = Node.Mapping([], awards.tag, .any, pair.key.mark)
            entry["group"] = pair.key
            entry["count"] = pair.value
            return .mapping(entry)
        }
        root["awards"] = .sequence(Node.Sequence(entries, Tag(.implicit), .any, awards.mark))
        return .mapping(root)
    }

    /// The parser's `problem`, at a `line` of the file, in words an officer can act on.
    package static func explain(_ problem: String, line: String) -> String {
        let indent = line.prefix { $0 == " " || $0 == "\t" }
        if indent.contains("\t") {
            return "this line is indented with a tab; YAML indents with spaces only (replace the tab with two spaces)"
        }
        if problem.contains("mapping values are not allowed") {
            return
                "a value holds ': ' (a colon and a space), which YAML reads as a new key; put the whole value in quotes, e.g. title: \"Kế hoạch: CCHC năm 2024\""
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            return
                "this line's indentation does not match the lines above it; expected keys of one mapping (or items of one list) to start in the same column"
        }
        if problem.contains("flow sequence") {
            return
                "a list written in [ ] is not closed with ] (or holds an unquoted ',' or ':'); expected e.g. bases: [\"Luật A\", \"Nghị định B\"]"
        }
        if problem.contains("flow mapping") {
            return
                "keys written in { } are not closed with } (or a value holds an unquoted ',' or ':'); expected e.g. issuer: {name: UBND tỉnh X, short: UBND}"
        }
        return "does not parse as YAML (\(problem)); check the indentation and the quotes on this line or the one above"
    }
}
