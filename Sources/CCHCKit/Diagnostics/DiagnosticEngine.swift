/// Collects every problem of a run so they are reported together, not only the first.
public struct DiagnosticEngine: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func error(_ file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, column: column, message))
    }

    public mutating func warning(_ file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, column: column, message))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

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
