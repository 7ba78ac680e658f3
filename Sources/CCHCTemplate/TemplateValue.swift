/// The data a template sees: text already formatted in Swift (numbers, dates), flags, lists
/// and objects. Templates never compute.
public enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
    /// A table's rows, read in place (a list of `row`s).
    case rows(TemplateRows)
    /// Row `r` of a table: an object of its fields and `cells`.
    case row(TemplateRows, Int)
    /// Row `r`'s cells: a list of `cell`s.
    case cells(TemplateRows, Int)
    /// Cell `i` of a table (counted over all its rows): an object of its fields.
    case cell(TemplateRows, Int)

    /// The field `name` of an object; `nil` for anything else.
    package func field(_ name: String) -> TemplateValue? {
        switch self {
        case .object(let object): return object[name]
        case .row(let rows, let r): return rows.field(ofRow: r, name)
        case .cell(let rows, let i): return rows.field(ofCell: i, name)
        case .text, .bool, .list, .rows, .cells: return nil
        }
    }

    /// Mustache truthiness: `false`, an empty list and empty text are falsey.
    package var isTruthy: Bool {
        switch self {
        case .text(let s): return !s.isEmpty
        case .bool(let b): return b
        case .list(let l): return !l.isEmpty
        case .rows(let rows): return rows.count > 0
        case .cells(let rows, let r): return rows.firstCell[r + 1] > rows.firstCell[r]
        case .object, .row, .cell: return true
        }
    }
}

/// A template object: named fields, in the order given.
///
/// Objects have a handful of fields and are built by the thousand per document, so the fields
/// are a list searched in order: cheaper to build and to read than a dictionary at that size.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [(String, TemplateValue)]

    /// From a literal, `["name": .text(…), …]`: the literal's own array is kept (one allocation).
    public init(dictionaryLiteral fields: (String, TemplateValue)...) {
        self.fields = fields
    }

    public subscript(key: String) -> TemplateValue? {
        get {
            // Through the buffer, so that only the value found is copied (and retained).
            // Names of other lengths are passed over without a string comparison, which for two
            // different short names is several times dearer than comparing their lengths.
            let length = key.utf8.count
            return fields.withUnsafeBufferPointer { fields in
                for i in fields.indices where fields[i].0.utf8.count == length && fields[i].0 == key { return fields[i].1 }
                return nil
            }
        }
        set {
            if let i = fields.firstIndex(where: { $0.0 == key }) {
                if let newValue { fields[i].1 = newValue } else { fields.remove(at: i) }
            } else if let newValue {
                fields.append((key, newValue))
            }
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue {
    /// An object value from key–value pairs.
    public static func obj(_ fields: TemplateObject) -> TemplateValue { .object(fields) }

    /// Optional text: empty when absent, so `{{#x}}` tests it.
    public static func text(_ s: String?) -> TemplateValue { .text(s ?? "") }

    /// A list of objects, each with `last` set on the last one, so that a template writes the
    /// separators itself: `{{#units}}{{name}}{{^last}}, {{/last}}{{/units}}`.
    public static func items(_ objects: [TemplateObject]) -> TemplateValue {
        .list(
            objects.enumerated().map { i, object in
                var object = object
                object["last"] = .bool(i == objects.count - 1)
                return .object(object)
            })
    }
}
