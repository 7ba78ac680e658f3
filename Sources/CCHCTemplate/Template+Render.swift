import CCHCCore

extension Template {
    /// Renders `value` into `output` as UTF-8, resolving partials in `library`.
    public func render(_ value: TemplateValue, partials library: TemplateLibrary?, into output: inout [UInt8]) throws {
        var buffer = ByteBuffer(capacity: Swift.max(4096, output.capacity - output.count))
        try render(value, partials: library, into: &buffer)
        buffer.withBytes { output.append(contentsOf: $0) }
    }

    /// Renders `value` into `buffer`.
    package func render(
        _ value: TemplateValue, partials library: TemplateLibrary?, into buffer: inout ByteBuffer,
        limits: (bytes: Int, steps: Int) = (maxDocumentBytes, maxSteps)
    ) throws {
        var stack = [value]
        var budget = Budget(bytes: buffer.count + limits.bytes, steps: limits.steps)
        try run(0..<program.ops.count, &stack, library, depth: 0, &buffer, &budget)
    }

    /// The most one rendered document may grow to, and the most steps its template may take: a
    /// national decision is a few megabytes and a few million steps; a template whose sections
    /// repeat inside themselves stops here with a message instead of filling the memory.
    package static let maxDocumentBytes = 256 << 20
    package static let maxSteps = 1 << 31

    /// What a render may still spend: its output's end and its steps.
    package struct Budget {
        package var bytes: Int
        package var steps: Int
    }

    /// Renders `value` and appends it to `output`.
    public func render(_ value: TemplateValue, partials library: TemplateLibrary?, into output: inout String) throws {
        var buffer = ByteBuffer()
        try render(value, partials: library, into: &buffer)
        output += buffer.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders to a new string.
    public func render(_ value: TemplateValue, partials library: TemplateLibrary? = nil) throws -> String {
        var out = ""
        try render(value, partials: library, into: &out)
        return out
    }

    /// Runs the operations in `range` against the context `stack` (innermost last).
    private func run(
        _ range: Range<Int>, _ stack: inout [TemplateValue], _ library: TemplateLibrary?, depth: Int, _ out: inout ByteBuffer,
        _ budget: inout Budget
    ) throws {
        var pc = range.lowerBound
        while pc < range.upperBound {
            budget.steps -= 1
            if budget.steps < 0 || out.count > budget.bytes { throw overBudget(budget, at: pc) }
            switch program.ops[pc] {
            case .text(let bytes):
                program.literal.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[bytes])) }
            case .variable(let path, let escaped, let at):
                guard let value = lookup(path, stack) else { throw failure(.unknownName(program.pathName(path)), at) }
                append(value, escaped: escaped, &out)
            case .section(let path, let inverted, let end, let at):
                guard let value = lookup(path, stack) else { throw failure(.unknownName(program.pathName(path)), at) }
                let body = (pc + 1)..<end
                pc = end
                if inverted {
                    if !value.isTruthy { try run(body, &stack, library, depth: depth, &out, &budget) }
                    continue
                }
                // The wording marks each item's output, so its sentences are known by the item
                // they were written for (`WordingScope`), never by their position.
                let marked = escaping == .wording ? program.pathName(path) : nil
                switch value {
                case .list(let items):
                    for i in items.indices { try item(items[i], i, marked, body, &stack, library, depth, &out, &budget) }
                case .rows(let rows):
                    for r in 0..<rows.count { try item(.row(rows, r), r, marked, body, &stack, library, depth, &out, &budget) }
                case .cells(let rows, let r):
                    let first = rows.firstCell[r]
                    for i in first..<rows.firstCell[r + 1] {
                        try item(.cell(rows, i), i - first, marked, body, &stack, library, depth, &out, &budget)
                    }
                case .bool(true):
                    try run(body, &stack, library, depth: depth, &out, &budget)
                case .object, .text, .row, .cell:
                    guard value.isTruthy else { continue }
                    stack.append(value)
                    try run(body, &stack, library, depth: depth, &out, &budget)
                    stack.removeLast()
                case .bool(false):
                    continue
                }
                continue
            case .partial(let name, let at):
                let partialName = program.partialNames[name]
                guard let partial = library?.partial(partialName) else { throw failure(.unknownPartial(partialName), at) }
                guard depth < 32 else { throw failure(.recursion(partialName), at) }
                try partial.run(0..<partial.program.ops.count, &stack, library, depth: depth + 1, &out, &budget)
            }
            pc += 1
        }
    }

    /// Runs a list section's `body` for its item `value`, the `index`th, its output marked with
    /// the list's name `marked` when given (the wording's).
    private func item(
        _ value: TemplateValue, _ index: Int, _ marked: String?, _ body: Range<Int>, _ stack: inout [TemplateValue],
        _ library: TemplateLibrary?, _ depth: Int, _ out: inout ByteBuffer, _ budget: inout Budget
    ) throws {
        if let marked { WordingScope.begin(marked, index, &out) }
        stack.append(value)
        try run(body, &stack, library, depth: depth, &out, &budget)
        stack.removeLast()
        if marked != nil { WordingScope.end(&out) }
    }

    private func lookup(_ path: Int, _ stack: [TemplateValue]) -> TemplateValue? {
        let parts = program.paths[path]
        guard !parts.isEmpty else { return stack.last }
        let first = program.names[parts.lowerBound]
        return stack.withUnsafeBufferPointer { levels in
            var level = levels.count - 1
            while level >= 0 {
                if var found = levels[level].field(first) {
                    for part in parts.dropFirst() {
                        guard let next = found.field(program.names[part]) else { return nil }
                        found = next
                    }
                    return found
                }
                level -= 1
            }
            return nil
        }
    }

    private func append(_ value: TemplateValue, escaped: Bool, _ out: inout ByteBuffer) {
        switch value {
        case .text(var t):
            t.withUTF8 { bytes in
                if escaping == .wording {
                    Escape.appendOnOneLine(bytes, to: &out)
                } else if escaped && escaping != .none {
                    Escape.append(bytes, to: &out)
                } else {
                    out.append(bytes)
                }
            }
        case .bool(let b): if b { out.append("true") }
        case .list, .object, .rows, .row, .cells, .cell: break
        }
    }

    /// The error of a render past its budget, at the tag nearest before operation `pc`.
    private func overBudget(_ budget: Budget, at pc: Int) -> TemplateError {
        let kind: TemplateError.Kind =
            budget.steps < 0 ? .tooMuchWork(steps: Self.maxSteps) : .tooLarge(bytes: Self.maxDocumentBytes)
        for i in stride(from: pc, through: 0, by: -1) {
            switch program.ops[i] {
            case .variable(_, _, let at), .section(_, _, _, let at), .partial(_, let at): return failure(kind, at)
            case .text: continue
            }
        }
        return TemplateError(template: name, line: 1, column: 1, kind: kind, sourceLine: "")
    }

    private func failure(_ kind: TemplateError.Kind, _ location: Int) -> TemplateError {
        let at = program.locations[location]
        let line = at.line - 1 < lines.count ? String(lines[at.line - 1]) : ""
        return TemplateError(template: name, line: at.line, column: at.column, kind: kind, sourceLine: line)
    }
}
