import CCHCCore
import Foundation

extension Template {
    /// Compiles template text. Throws the first syntax error with its line and column.
    public init(name: String, source: String, escaping: Escaping) throws(TemplateError) {
        self.name = name
        self.escaping = escaping
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var parser = Parser(name: name, source: source, lines: lines)
        let tokens = try parser.tokenize()
        self.program = Program(try parser.build(Parser.stripStandalone(tokens)))
    }

    package struct Parser {
        package enum Token {
            case text(String)
            case tag(Character?, String, Location)
        }

        package let name: String
        package let source: String
        package let lines: [Substring]

        package func error(_ kind: TemplateError.Kind, _ at: Location) -> TemplateError {
            let line = at.line - 1 < lines.count ? String(lines[at.line - 1]) : ""
            return TemplateError(template: name, line: at.line, column: at.column, kind: kind, sourceLine: line)
        }

        package mutating func tokenize() throws(TemplateError) -> [Token] {
            var tokens: [Token] = []
            var rest = source[...]
            var line = 1
            var column = 1
            func advance(over text: Substring) {
                for c in text {
                    if c == "\n" {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                }
            }
            while let open = rest.range(of: "{{") {
                let before = rest[..<open.lowerBound]
                if !before.isEmpty { tokens.append(.text(String(before))) }
                advance(over: before)
                let at = Location(line: line, column: column)
                let triple = rest[open.upperBound...].hasPrefix("{")
                let closer = triple ? "}}}" : "}}"
                let bodyStart = triple ? rest.index(after: open.upperBound) : open.upperBound
                guard let close = rest[bodyStart...].range(of: closer) else { throw error(.unclosedTag, at) }
                let body = rest[bodyStart..<close.lowerBound]
                tokens.append(try tag(body, triple: triple, at))
                advance(over: rest[open.lowerBound..<close.upperBound])
                rest = rest[close.upperBound...]
            }
            if !rest.isEmpty { tokens.append(.text(String(rest))) }
            return tokens
        }

        private func tag(_ body: Substring, triple: Bool, _ at: Location) throws(TemplateError) -> Token {
            var text = body.trimmingCharacters(in: .whitespaces)
            if triple { return .tag("&", text, at) }
            guard let first = text.first else { throw error(.badTag("{{}}"), at) }
            var sigil: Character? = nil
            if "#^/>!&".contains(first) {
                sigil = first
                text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
            } else if first == "=" {
                throw error(.badTag("{{\(body)}}"), at)
            }
            if sigil != "!" && (text.isEmpty || text.contains(where: { $0 == " " || $0 == "{" || $0 == "}" })) {
                throw error(.badTag("{{\(body)}}"), at)
            }
            return .tag(sigil, text, at)
        }

        /// Removes the line of a section, inverted, closing, partial or comment tag that stands
        /// alone on its line, as the Mustache spec does, so templates can be laid out freely.
        package static func stripStandalone(_ input: [Token]) -> [Token] {
            var tokens = input
            for i in tokens.indices {
                guard case .tag(let sigil?, _, _) = tokens[i], "#^/>!".contains(sigil) else { continue }
                let beforeOK: Bool
                switch i > 0 ? tokens[i - 1] : nil {
                case nil: beforeOK = true
                case .text(let t)?: beforeOK = trailingBlank(t) != nil
                case .tag?: beforeOK = false
                }
                let afterOK: Bool
                switch i + 1 < tokens.count ? tokens[i + 1] : nil {
                case nil: afterOK = true
                case .text(let t)?: afterOK = leadingBlankLine(t) != nil
                case .tag?: afterOK = false
                }
                guard beforeOK && afterOK else { continue }
                if i > 0, case .text(let t) = tokens[i - 1], let cut = trailingBlank(t) { tokens[i - 1] = .text(cut) }
                if i + 1 < tokens.count, case .text(let t) = tokens[i + 1], let cut = leadingBlankLine(t) {
                    tokens[i + 1] = .text(cut)
                }
            }
            return tokens
        }

        /// The text without the blanks after its last newline, if only blanks follow that newline
        /// (or the text is all blanks at the start of the template).
        private static func trailingBlank(_ t: String) -> String? {
            var end = t.endIndex
            while end > t.startIndex, t[t.index(before: end)] == " " || t[t.index(before: end)] == "\t" {
                end = t.index(before: end)
            }
            if end == t.startIndex || t[t.index(before: end)] == "\n" { return String(t[..<end]) }
            return nil
        }

        /// The text without its first line, if that line is blank up to its newline (or the end).
        private static func leadingBlankLine(_ t: String) -> String? {
            var i = t.startIndex
            while i < t.endIndex, t[i] == " " || t[i] == "\t" || t[i] == "\r" { i = t.index(after: i) }
            if i == t.endIndex { return "" }
            if t[i] == "\n" { return String(t[t.index(after: i)...]) }
            return nil
        }

        package func build(_ tokens: [Token]) throws(TemplateError) -> [Node] {
            var stack: [(name: String, inverted: Bool, at: Location, nodes: [Node])] = [
                ("", false, Location(line: 1, column: 1), [])
            ]
            for token in tokens {
                switch token {
                case .text(let t):
                    if !t.isEmpty { stack[stack.count - 1].nodes.append(.text(Array(t.utf8))) }
                case .tag(let sigil, let name, let at):
                    switch sigil {
                    case "!"?: continue
                    case "#"?, "^"?: stack.append((name, sigil == "^", at, []))
                    case "/"?:
                        guard stack.count > 1 else { throw error(.mismatchedSection(expected: nil, found: name), at) }
                        let open = stack.removeLast()
                        guard open.name == name else { throw error(.mismatchedSection(expected: open.name, found: name), at) }
                        stack[stack.count - 1].nodes.append(.section(Path(name), inverted: open.inverted, open.nodes, open.at))
                    case ">"?: stack[stack.count - 1].nodes.append(.partial(name, at))
                    case "&"?: stack[stack.count - 1].nodes.append(.variable(Path(name), escaped: false, at))
                    default: stack[stack.count - 1].nodes.append(.variable(Path(name), escaped: true, at))
                    }
                }
            }
            if stack.count > 1, let open = stack.last { throw error(.unclosedSection(open.name), open.at) }
            return stack[0].nodes
        }
    }
}

extension Template.Path {
    package init(_ name: String) {
        parts = name == "." ? [] : name.split(separator: ".").map(String.init)
    }
}
