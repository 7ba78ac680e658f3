import Yams

/// Where each key of a YAML document stands (line and column), so messages can point at it.
public struct YAMLLocations: Sendable {
    /// Locations by dotted path: `survey.total`, `tasks.2.lead`.
    public private(set) var marks: [String: (line: Int, column: Int)] = [:]
    /// Scalar values by dotted path, to quote what was found in messages.
    public private(set) var scalars: [String: String] = [:]

    public init() {}

    package init(_ node: Node) {
        collect(node, path: [])
    }

    /// The location of a path, or of its nearest ancestor that has one.
    public func location(_ path: [String]) -> (line: Int, column: Int)? {
        var p = path
        while !p.isEmpty {
            if let m = marks[p.joined(separator: ".")] { return m }
            p.removeLast()
        }
        return nil
    }

    private mutating func collect(_ node: Node, path: [String]) {
        if let mark = node.mark { marks[path.joined(separator: ".")] = (mark.line, mark.column) }
        if let scalar = node.scalar { scalars[path.joined(separator: ".")] = scalar.string }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let child = path + [key.string ?? ""]
                if let mark = key.mark { marks[child.joined(separator: ".")] = (mark.line, mark.column) }
                collect(value, path: child)
                if let mark = key.mark { marks[child.joined(separator: ".")] = (mark.line, mark.column) }
            }
        case .sequence(let sequence):
            for (i, value) in sequence.enumerated() { collect(value, path: path + [String(i)]) }
        default:
            break
        }
    }
}
