/// Where the steps say they begin: `[2/4] validate`, one line each. The CLI gives one that
/// writes to a terminal (and nothing with `--quiet` or when standard error is a pipe or a log).
public struct StepLog: Sendable {
    package let write: @Sendable (String) -> Void

    public init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// Says nothing.
    public static let silent = StepLog { _ in }

    package func begin(_ number: Int, of count: Int, _ step: Pipeline.StepName) {
        write("[\(number)/\(count)] \(step.rawValue)")
    }
}
