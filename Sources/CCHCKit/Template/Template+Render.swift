extension Template {
    /// Renders `value` into `output` as UTF-8, resolving partials in `library`.
    public func render(_ value: TemplateValue, partials library: TemplateLibrary?, into output: inout [UInt8]) throws {
        var stack = [value]
        try render(nodes, &stack, library, depth: 0, &output)
    }

    /// Renders `value` and appends it to `output`.
    public func render(_ value: TemplateValue, partials library: TemplateLibrary?, into output: inout String) throws {
        var bytes: [UInt8] = []
        try render(value, partials: library, into: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Renders to a new string.
    public func render(_ value: TemplateValue, partials library: TemplateLibrary? = nil) throws -> String {
        var out = ""
        try render(value, partials: library, into: &out)
        return out
    }

    private func render(
        _ nodes: [Node], _ stack: inout [TemplateValue], _ library: TemplateLibrary?, depth: Int,
        _ out: inout [UInt8]
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

    private func append(_ value: TemplateValue, escaped: Bool, _ out: inout [UInt8]) {
        switch value {
        case .text(var t):
            t.withUTF8 { bytes in
                if escaped && escaping != .none { Escape.append(bytes, to: &out) } else { out.append(contentsOf: bytes) }
            }
        case .bool(let b): if b { out += "true".utf8 }
        case .list, .object: break
        }
    }

    private func failure(_ kind: TemplateError.Kind, _ at: Location) -> TemplateError {
        let line = at.line - 1 < lines.count ? String(lines[at.line - 1]) : ""
        return TemplateError(template: name, line: at.line, column: at.column, kind: kind, sourceLine: line)
    }
}

/// HTML and XML escaping of text content and attribute values.
enum Escape {
    /// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped. The runs between them are copied
    /// whole: those five are ASCII, so every cut is a character boundary.
    static func append(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        for i in 0..<text.count {
            let entity: StaticString
            switch text[i] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            if runStart != i { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i])) }
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = i + 1
        }
        if runStart != text.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...])) }
    }

    /// `text` escaped, as a string.
    static func append(_ text: String, to out: inout String) {
        var bytes: [UInt8] = []
        var text = text
        text.withUTF8 { append($0, to: &bytes) }
        out += String(decoding: bytes, as: UTF8.self)
    }
}
