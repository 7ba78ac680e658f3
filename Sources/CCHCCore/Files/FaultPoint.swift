import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Fault injection for the tests, in debug builds only (a release build has none of it):
///
/// - `CCHC_KILL_AT=<step>` kills the process with SIGKILL when it reaches that step, as a power
///   cut or `kill -9` would;
/// - `CCHC_HOLD_AT=<step>#<n>:<folder>` is a barrier: the n-th time the process reaches `step`
///   it writes a line to the FIFO `<folder>/held`, and it and every thread that reaches a fault
///   point after it wait until a line comes on `<folder>/go` (the test kills it meanwhile, or
///   looks at the output and lets it go on). No test sleeps or polls for a window;
/// - a test in the same process may run an action at a step (`when`), for the races no kill
///   reproduces (a folder removed under a running render, a file edited during an archive).
package enum FaultPoint {
    /// The steps of `cchc archive`, in order.
    package static let archiveSteps = [
        "record-staged", "pending-written", "record-renamed", "log-appended", "head-written", "pending-removed",
        "catalog-written",
    ]

    #if DEBUG
        private static let target = ProcessInfo.processInfo.environment["CCHC_KILL_AT"]
        private static let hold = ProcessInfo.processInfo.environment["CCHC_HOLD_AT"].flatMap(Hold.init)
    #else
        private static let target: String? = nil
        private static let hold: Hold? = nil
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
        #if DEBUG
            if target == step { kill(getpid(), SIGKILL) }
            hold?.reached(step)
        #endif
    }

    /// `step` reached while writing `path`: a test's action for it runs (once).
    package static func reached(_ step: String, at path: String) {
        #if DEBUG
            reached(step)
            let due = actions.withLock { list -> Action? in
                guard !list.isEmpty, let i = list.firstIndex(where: { $0.step == step && path.hasPrefix($0.under) }) else {
                    return nil
                }
                return list.remove(at: i)
            }
            due?.run()
        #endif
    }

    /// The barrier of `CCHC_HOLD_AT`.
    private final class Hold: @unchecked Sendable {
        let step: String
        let count: Int
        let folder: String
        /// How many times `step` was reached.
        private let times = Locked(0)
        /// Held by the thread that waits for `go`: every other thread at a fault point waits on it.
        /// A plain POSIX mutex: `Locked`'s lock, long contended, is handed over where
        /// ThreadSanitizer cannot see it.
        private let gate: UnsafeMutablePointer<pthread_mutex_t> = {
            let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            pthread_mutex_init(mutex, nil)
            return mutex
        }()

        init?(_ setting: String) {
            guard let hash = setting.firstIndex(of: "#"), let colon = setting.firstIndex(of: ":"), hash < colon,
                let count = Int(setting[setting.index(after: hash)..<colon])
            else { return nil }
            (step, self.count, folder) = (String(setting[..<hash]), count, String(setting[setting.index(after: colon)...]))
        }

        func reached(_ reachedStep: String) {
            let due =
                reachedStep == step
                && times.withLock { n in
                    n += 1
                    return n == count
                }
            pthread_mutex_lock(gate)
            defer { pthread_mutex_unlock(gate) }
            guard due else { return }
            // `go` is opened before `held` is written: the test's line on it, written as soon
            // as it has read `held`, always finds it open.
            let go = open(folder + "/go", O_RDONLY | O_NONBLOCK)
            guard go >= 0 else { return }
            defer { close(go) }
            // Read and write: the line stays in the FIFO until the test reads it, whenever
            // it opens it, and opening never waits.
            let held = open(folder + "/held", O_RDWR)
            guard held >= 0 else { return }
            defer { close(held) }
            _ = write(held, "held\n", 5)
            // A test that never lets it go (it failed first) leaves it after ten minutes.
            var waiting = pollfd(fd: go, events: Int16(POLLIN), revents: 0)
            while poll(&waiting, 1, 600_000) < 0 && errno == EINTR {}
            var byte: UInt8 = 0
            while read(go, &byte, 1) == 1 && byte != UInt8(ascii: "\n") {}
        }
    }
}
