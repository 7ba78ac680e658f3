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

    package indirect enum Node: Sendable {
        /// Literal text, as the UTF-8 bytes it is copied out as.
        case text([UInt8])
        case variable(Path, escaped: Bool, Location)
        case section(Path, inverted: Bool, [Node], Location)
        case partial(String, Location)
    }

    /// A dotted name, `.` being the current item.
    package struct Path: Sendable {
        package var parts: [String]
        package var name: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
    }

    package struct Location: Sendable {
        package var line: Int
        package var column: Int
    }

    public let name: String
    public let escaping: Escaping
    package let program: Program
    package let lines: [Substring]
}
