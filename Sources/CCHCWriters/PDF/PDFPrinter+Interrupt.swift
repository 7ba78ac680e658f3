import CCHCCore
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension PDFPrinter {
    /// The browsers running now (process id → scratch folder), for an interrupted process to stop.
    package static let running = Locked<[pid_t: String]>([:])

    /// On Ctrl-C (SIGINT), SIGTERM or SIGHUP: kills every browser a printer started and removes
    /// its scratch folder, then ends the process by that signal as it would have ended anyway.
    /// A browser whose pipe closes does not stop by itself. `cchc` calls this once at start.
    public static func stopBrowsersOnInterrupt() {
        ignoreBrokenPipes()
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)  // delivered to the dispatch source instead
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                for (pid, scratch) in running.withLock({ $0 }) {
                    DevToolsPipe.kill(pid)
                    // A helper may still be writing into the profile as it goes: again until it
                    // is gone.
                    for _ in 0..<10 where FileManager.default.fileExists(atPath: scratch) {
                        try? FileManager.default.removeItem(atPath: scratch)
                        usleep(20_000)
                    }
                }
                // Ended by the signal, from this thread, before any other can exit otherwise (a
                // print failing on the killed browser's pipe).
                signal(sig, SIG_DFL)
                var set = sigset_t()
                sigemptyset(&set)
                sigaddset(&set, sig)
                pthread_sigmask(SIG_UNBLOCK, &set, nil)
                raise(sig)
                _exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// A browser that dies mid-print closes its pipe: writing to it must fail with EPIPE (an
    /// error with a message), not kill the process with SIGPIPE.
    package static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }

    /// Kept alive for the process's life; written once, at start, by `cchc`'s main thread.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
}
