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

    private func render(_ nodes: [Node], _ stack: inout [TemplateValue], _ library: TemplateLibrary?, depth: Int,
        _ out: inout String) throws
    {
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
        for value in stack.reversed() {
            guard case .object(let object) = value, var found = object.fields[first] else { continue }
            for part in path.parts.dropFirst() {
                guard case .object(let inner) = found, let next = inner.fields[part] else { return nil }
                found = next
            }
            return found
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
        // Fast path: most cells contain nothing to escape.
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
