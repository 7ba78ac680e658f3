/// A compiled template: a Mustache subset (variables, sections, inverted sections, partials,
/// comments) parsed once into nodes and rendered into one buffer.
///
/// Escaping follows the output format: `{{name}}` escapes, `{{{name}}}` and `{{& name}}` do not.
public struct Template: Sendable {
    /// How `{{name}}` escapes its text.
    public enum Escaping: Sendable {
        case html, xml, none
        /// The wording's: every value, `{{name}}` or `{{{name}}}`, has its line breaks written as
        /// spaces, so that no value can add, cut or reorder a `name: text` line (`Wording`).
        case wording
    }

    indirect enum Node: Sendable {
        /// Literal text, as the UTF-8 bytes it is copied out as.
        case text([UInt8])
        case variable(Path, escaped: Bool, Location)
        case section(Path, inverted: Bool, [Node], Location)
        case partial(String, Location)
    }

    /// A dotted name, `.` being the current item.
    struct Path: Sendable {
        var parts: [String]
        var name: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
    }

    struct Location: Sendable {
        var line: Int
        var column: Int
    }

    public let name: String
    public let escaping: Escaping
    let program: Program
    let lines: [Substring]
}
