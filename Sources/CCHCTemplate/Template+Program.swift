extension Template {
    /// A template compiled to a flat list of operations over plain integers, so that rendering
    /// copies no reference-counted value: the literal text lies in one byte buffer, names in one
    /// list, and a section is the range of operations up to its end. Rendering a tree of nodes
    /// retained and released each node it passed (a tenth of a national render, perf).
    package struct Program: Sendable {
        package enum Op: Sendable {
            /// Copy these bytes of `literal`.
            case text(Range<Int>)
            /// The value at path `path` (an index into `paths`).
            case variable(path: Int, escaped: Bool, at: Int)
            /// The operations after this one, up to `end`, for each item (or once, or never).
            case section(path: Int, inverted: Bool, end: Int, at: Int)
            /// The partial named `partialNames[name]`.
            case partial(name: Int, at: Int)
        }

        package private(set) var ops: [Op] = []
        package private(set) var literal: [UInt8] = []
        /// Each path as a range of `names`; an empty range is `.`, the current item.
        package private(set) var paths: [Range<Int>] = []
        package private(set) var names: [String] = []
        package private(set) var partialNames: [String] = []
        /// Where each variable, section and partial is in the source, for error messages.
        package private(set) var locations: [Location] = []

        package init(_ nodes: [Node]) {
            append(nodes)
        }

        private mutating func append(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    literal += bytes
                    ops.append(.text((literal.count - bytes.count)..<literal.count))
                case .variable(let path, let escaped, let at):
                    ops.append(.variable(path: add(path), escaped: escaped, at: add(at)))
                case .section(let path, let inverted, let children, let at):
                    let index = ops.count
                    ops.append(.text(0..<0))  // replaced once the end is known
                    let (pathIndex, atIndex) = (add(path), add(at))
                    append(children)
                    ops[index] = .section(path: pathIndex, inverted: inverted, end: ops.count, at: atIndex)
                case .partial(let name, let at):
                    partialNames.append(name)
                    ops.append(.partial(name: partialNames.count - 1, at: add(at)))
                }
            }
        }

        private mutating func add(_ path: Path) -> Int {
            names += path.parts
            paths.append((names.count - path.parts.count)..<names.count)
            return paths.count - 1
        }

        private mutating func add(_ location: Location) -> Int {
            locations.append(location)
            return locations.count - 1
        }

        /// The path's name as written, for error messages.
        package func pathName(_ path: Int) -> String {
            paths[path].isEmpty ? "." : names[paths[path]].joined(separator: ".")
        }
    }
}
