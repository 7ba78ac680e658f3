import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Fault injection for the tests: `CCHC_KILL_AT=<step>` kills the process with SIGKILL when an
/// archive reaches that step, as a power cut or `kill -9` would. Never set it otherwise.
enum FaultPoint {
    /// The steps of `cchc archive`, in order.
    static let archiveSteps = [
        "record-staged", "pending-written", "record-renamed", "log-appended", "head-written", "pending-removed",
        "catalog-written",
    ]

    private static let target = ProcessInfo.processInfo.environment["CCHC_KILL_AT"]

    static func reached(_ step: String) {
        if target == step { kill(getpid(), SIGKILL) }
    }
}
