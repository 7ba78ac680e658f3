/// The formats a document is written in; one template folder each.
public enum OutputFormat: String, CaseIterable, Sendable {
    case html, xml, txt

    public var escaping: Template.Escaping {
        switch self {
        case .html: return .html
        case .xml: return .xml
        case .txt: return .none
        }
    }
}
