import CCHCCore
import Foundation
import Yams

/// Reports every value of plan.yaml that holds what documents cannot carry (`CellText`): a
/// control character written as a YAML escape (`"\e"`, `"\x1b"`), an invisible character, or a
/// line break inside a title or name (`"…\n…"`, or a `|` block). Every plan value is one line in
/// the documents; a block folded with `>` reads as one line and is fine.
package enum PlanTextCheck {
    /// Reports each such value at its line and column; returns whether there was none.
    package static func check(_ root: Node, file: String, diagnostics: inout DiagnosticEngine) -> Bool {
        var clean = true
        func walk(_ node: Node, _ path: [String]) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    walk(key, path)
                    walk(value, path + [key.string ?? "?"])
                }
            case .sequence(let sequence):
                for (i, item) in sequence.enumerated() { walk(item, path + [String(i)]) }
            case .scalar(let scalar):
                let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
                guard let problem = CellText.problem(value, multiline: false) else { return }
                clean = false
                let name = path.isEmpty ? "a key" : path.joined(separator: ".")
                var message = "'\(name)': " + CellText.message(problem, column: name, value: value)
                message.replace(
                    "(in Excel a line break is typed with Alt+Enter: delete it)",
                    with: "(in plan.yaml, write it in quotes on one line)")
                diagnostics.error(SourceName(file), line: node.mark?.line, column: node.mark?.column, message)
            case .alias: return
            }
        }
        walk(root, [])
        return clean
    }
}
