import CCHCDocuments
import CCHCTemplate

/// What one format lays out itself and hands its templates as ready text: the text writer's
/// columns and wrapped lines, the HTML writer's chart as SVG. A name a format does not fill is
/// empty, so every template sees the same names whatever it writes.
package struct FormatPieces: Sendable {
    /// The `text` object at the document's root (header, title, bases, signature as text).
    var root: (@Sendable (OfficialDocument) -> TemplateObject)?
    /// A block's `text`, on a landscape page (an appendix's wide table) or a portrait one.
    var block: (@Sendable (Block, _ landscape: Bool) -> String)?
    /// An appendix's `text` (its label, title and attached line).
    var appendix: (@Sendable (Appendix) -> String)?
    /// A chart's `svg`.
    var chart: (@Sendable (BarChart) -> String)?

    static let none = FormatPieces()

    /// The root `text` of a format that does not lay out text: the same names, empty.
    static let noText: TemplateObject = [
        "header": "", "title": "", "attached": "", "authority": "", "bases": "", "signature": "",
    ]
}
