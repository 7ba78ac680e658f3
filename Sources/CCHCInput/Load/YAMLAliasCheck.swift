import CCHCCore
import Yams

/// Refuses YAML aliases (`*name`) in plan.yaml. Each alias copies the value of its anchor, so a
/// few lines of aliases of aliases expand to millions of values (the "billion laughs"): the
/// plan never needs one, and refusing them keeps loading linear in the file's length.
package enum YAMLAliasCheck {
    /// Reports every anchor that is used again as an alias; returns whether there was none.
    /// The walk does not enter a node it has seen before, so it never expands an alias.
    package static func check(_ root: Node, file: String, diagnostics: inout DiagnosticEngine) -> Bool {
        var seen = Set<String>()
        var reported = Set<String>()
        func walk(_ node: Node) {
            if let anchor = node.anchor?.rawValue {
                if seen.contains(anchor) {
                    if reported.insert(anchor).inserted {
                        diagnostics.error(
                            SourceName(file), line: node.mark?.line, column: node.mark?.column,
                            "the value anchored here as '&\(anchor)' is used again as '*\(anchor)'; plan.yaml takes no aliases (a few can expand to millions of values): write the value out where it is needed"
                        )
                    }
                    return
                }
                seen.insert(anchor)
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    walk(key)
                    walk(value)
                }
            case .sequence(let sequence): for item in sequence { walk(item) }
            case .scalar, .alias: return
            }
        }
        walk(root)
        return reported.isEmpty
    }
}
