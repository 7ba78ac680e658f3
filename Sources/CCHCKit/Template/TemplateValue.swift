/// The data a template sees: text already formatted in Swift (numbers, dates), flags, lists
/// and objects. Templates never compute.
public enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// Mustache truthiness: `false`, an empty list and empty text are falsey.
    var isTruthy: Bool {
        switch self {
        case .text(let s): return !s.isEmpty
        case .bool(let b): return b
        case .list(let l): return !l.isEmpty
        case .object: return true
        }
    }
}

/// A template object: named fields.
public struct TemplateObject: Sendable {
    public var fields: [String: TemplateValue]

    public init(_ fields: [String: TemplateValue] = [:]) { self.fields = fields }

    public subscript(key: String) -> TemplateValue? {
        get { fields[key] }
        set { fields[key] = newValue }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue {
    /// An object value from key–value pairs.
    public static func obj(_ fields: [String: TemplateValue]) -> TemplateValue { .object(TemplateObject(fields)) }

    /// Optional text: empty when absent, so `{{#x}}` tests it.
    public static func text(_ s: String?) -> TemplateValue { .text(s ?? "") }
}
