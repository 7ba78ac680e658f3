import CCHCKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a command says while it works, on a terminal only: each step as it begins (`[2/4]
/// validate`), then the documents rendered so far, redrawn in place. Nothing with `--quiet` or
/// when standard error is not a terminal (a pipe, a log, CI).
enum Progress {
    static let isTerminal = isatty(STDERR_FILENO) == 1

    /// `[i/n] step`, one line each.
    static func steps(quiet: Bool) -> StepLog {
        guard isTerminal && !quiet else { return .silent }
        return StepLog { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    /// `  1234/3321 documents`, redrawn in place.
    static func documents() -> (@Sendable (Int, Int) -> Void)? {
        guard isTerminal else { return nil }
        return { done, total in
            let step = max(1, total / 100)
            guard done % step == 0 || done == total else { return }
            FileHandle.standardError.write(Data("\r  \(done)/\(total) documents".utf8))
        }
    }

    /// Ends the redrawn line.
    static func finish(quiet: Bool) {
        if isTerminal && !quiet { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
