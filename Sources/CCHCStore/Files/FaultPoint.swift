import CCHCCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Fault injection for the tests: `CCHC_KILL_AT=<step>` kills the process with SIGKILL when an
/// archive reaches that step, as a power cut or `kill -9` would; and a test in the same process
/// may run an action at a step (`when`), for the races no kill reproduces (a folder removed
/// under a running render, a file edited during an archive). Both exist in debug builds only (the
/// tests'); a release build has neither.
package enum FaultPoint {
    /// The steps of `cchc archive`, in order.
    package static let archiveSteps = [
        "record-staged", "pending-written", "record-renamed", "log-appended", "head-written", "pending-removed",
        "catalog-written",
    ]

    #if DEBUG
        private static let target = ProcessInfo.processInfo.environment["CCHC_KILL_AT"]
    #else
        private static let target: String? = nil
    #endif

    /// One test's action: run at `step` when the path reached starts with `under` (tests run at
    /// once, each in its own folder), and only once.
    private struct Action {
        var step: String
        var under: String
        var run: @Sendable () -> Void
    }

    private static let actions = Locked<[Action]>([])

    /// Runs `action` the first time `step` is reached for a path under `folder` (tests only).
    package static func when(_ step: String, under folder: URL, _ action: @escaping @Sendable () -> Void) {
        actions.withLock { $0.append(Action(step: step, under: folder.standardizedFileURL.path, run: action)) }
    }

    package static func reached(_ step: String) {
        if target == step { kill(getpid(), SIGKILL) }
    }

    /// `step` reached while writing `path`: a test's action for it runs (once).
    package static func reached(_ step: String, at path: String) {
        #if DEBUG
            act(step, at: path)
        #endif
    }

    private static func act(_ step: String, at path: String) {
        reached(step)
        let due = actions.withLock { list -> Action? in
            guard !list.isEmpty, let i = list.firstIndex(where: { $0.step == step && path.hasPrefix($0.under) }) else {
                return nil
            }
            return list.remove(at: i)
        }
        due?.run()
    }
}
