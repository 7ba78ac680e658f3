extension Template {
    /// Renders `value` into `output`, resolving partials in `library`.
    public func render(_ value: TemplateValue, partials library: TemplateLibrary?, into output: inout String) throws {
        var stack = [value]
        try render(nodes, &stack, library, depth: 0, &output)
    }

    /// Renders to a new string.
    public func render(_ value: TemplateValue, partials library: TemplateLibrary? = nil) throws -> String {
        var out = ""
        try render(value, partials: library, into: &out)
        return out
    }

    private func render(
        _ nodes: [Node], _ stack: inout [TemplateValue], _ library: TemplateLibrary?, depth: Int,
        _ out: inout String
    ) throws {
        for node in nodes {
            switch node {
            case .text(let t):
                out += t
            case .variable(let path, let escaped, let at):
                guard let value = lookup(path, stack) else { throw failure(.unknownName(path.name), at) }
                append(value, escaped: escaped, &out)
            case .section(let path, let inverted, let children, let at):
                guard let value = lookup(path, stack) else { throw failure(.unknownName(path.name), at) }
                if inverted {
                    if !value.isTruthy { try render(children, &stack, library, depth: depth, &out) }
                    continue
                }
                switch value {
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        try render(children, &stack, library, depth: depth, &out)
                        stack.removeLast()
                    }
                case .bool(true):
                    try render(children, &stack, library, depth: depth, &out)
                case .object, .text:
                    guard value.isTruthy else { continue }
                    stack.append(value)
                    try render(children, &stack, library, depth: depth, &out)
                    stack.removeLast()
                case .bool(false):
                    continue
                }
            case .partial(let name, let at):
                guard let partial = library?.partial(name) else { throw failure(.unknownPartial(name), at) }
                guard depth < 32 else { throw failure(.recursion(name), at) }
                try partial.render(partial.nodes, &stack, library, depth: depth + 1, &out)
            }
        }
    }

    private func lookup(_ path: Path, _ stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.parts.first else { return stack.last }
        var level = stack.count - 1
        while level >= 0 {
            if case .object(let object) = stack[level], var found = object[first] {
                if path.parts.count == 1 { return found }
                for part in path.parts.dropFirst() {
                    guard case .object(let inner) = found, let next = inner[part] else { return nil }
                    found = next
                }
                return found
            }
            level -= 1
        }
        return nil
    }

    private func append(_ value: TemplateValue, escaped: Bool, _ out: inout String) {
        let text: String
        switch value {
        case .text(let t): text = t
        case .bool(let b): text = b ? "true" : ""
        case .list, .object: text = ""
        }
        if escaped && escaping != .none { Escape.append(text, to: &out) } else { out += text }
    }

    private func failure(_ kind: TemplateError.Kind, _ at: Location) -> TemplateError {
        let line = at.line - 1 < lines.count ? String(lines[at.line - 1]) : ""
        return TemplateError(template: name, line: at.line, column: at.column, kind: kind, sourceLine: line)
    }
}

/// HTML and XML escaping of text content and attribute values.
enum Escape {
    static func append(_ text: String, to out: inout String) {
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var i = runStart
        // Copy the runs between special characters whole; they are ASCII, so every index here
        // is a scalar boundary.
        while i != utf8.endIndex {
            let entity: String
            switch utf8[i] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default:
                i = utf8.index(after: i)
                continue
            }
            if runStart != i { out += text[runStart..<i] }
            out += entity
            i = utf8.index(after: i)
            runStart = i
        }
        if runStart == utf8.startIndex {
            out += text
        } else if runStart != utf8.endIndex {
            out += text[runStart...]
        }
    }
}
