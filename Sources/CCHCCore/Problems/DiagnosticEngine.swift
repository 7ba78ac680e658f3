/// Collects every problem of a run so they are reported together, not only the first.
public struct DiagnosticEngine: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    /// An error of `file`; `field`: the table column it is in, by its title.
    public mutating func error(
        _ file: SourceName, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String
    ) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, column: column, field: field, message))
    }

    /// A warning of `file`; `field`: the table column it is in, by its title.
    public mutating func warning(
        _ file: SourceName, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String
    ) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, column: column, field: field, message))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The diagnostics with each repeated mistake (the same severity, file and message on
    /// several rows) given once, at its first row, with how many more rows and the first of them:
    /// a million rows naming one unknown unit is one message, not a million.
    public func collapsingRepeats() -> DiagnosticEngine {
        struct Key: Hashable {
            var severity: Diagnostic.Severity
            var file: SourceName
            var message: String
        }
        var lines: [Key: [Int]] = [:]
        for d in diagnostics where d.line != nil {
            lines[Key(severity: d.severity, file: d.file, message: d.message), default: []].append(d.line!)
        }
        guard lines.values.contains(where: { $0.count > 1 }) else { return self }
        var collapsed = DiagnosticEngine()
        var given = Set<Key>()
        for d in diagnostics {
            guard let line = d.line else {
                collapsed.diagnostics.append(d)
                continue
            }
            let key = Key(severity: d.severity, file: d.file, message: d.message)
            guard let all = lines[key], all.count > 1 else {
                collapsed.diagnostics.append(d)
                continue
            }
            guard given.insert(key).inserted else { continue }
            let more = all.filter { $0 != line }
            let shown = more.prefix(5).map(String.init).joined(separator: ", ") + (more.count > 5 ? ", …" : "")
            var first = d
            first.message +=
                " (the same on \(more.count) more \(d.isSheet ? "row" : "line")\(more.count == 1 ? "" : "s"): \(shown))"
            collapsed.diagnostics.append(first)
        }
        return collapsed
    }

    /// The diagnostics in a stable order: by file, then line, then the order they were found.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            if a.element.file != b.element.file { return a.element.file < b.element.file }
            let la = a.element.line ?? 0
            let lb = b.element.line ?? 0
            if la != lb { return la < lb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
