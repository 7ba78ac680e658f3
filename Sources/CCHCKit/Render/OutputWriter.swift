import CSupport
import Foundation
import Synchronization

/// Step 5: writes rendered files so that a reader, or a crash, never sees a half-written set.
///
/// Each file is written under a temporary name and renamed into place. A whole render goes into
/// a staging folder beside the output (`prepareStaging`) that is swapped in with one atomic
/// exchange (`swapIn`): after a kill the old output is intact or the new one is complete.
public enum OutputWriter {
    /// A new, empty staging folder beside `folder` (clearing those of killed runs).
    public static func prepareStaging(for folder: URL) throws -> URL {
        let fm = FileManager.default
        let parent = folder.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw RenderError.write(path: parent.path, reason: reason(error))
        }
        removeAbandonedStaging(of: folder)
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).cchc-new-\(getpid())")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw RenderError.write(path: staging.path, reason: reason(error))
        }
        return staging
    }

    /// Puts a complete staging folder in place of `folder` in one atomic exchange.
    public static func swapIn(_ staging: URL, for folder: URL) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.path) {
            guard cchc_exchange_paths(staging.path, folder.path) == 0 else {
                throw RenderError.write(path: folder.path, reason: "cannot be replaced (\(String(cString: strerror(errno))))")
            }
            try? fm.removeItem(at: staging)
        } else if rename(staging.path, folder.path) != 0 {
            throw RenderError.write(path: folder.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Staging folders left by renders that were killed (their process is gone).
    static func removeAbandonedStaging(of folder: URL) {
        let parent = folder.deletingLastPathComponent()
        let prefix = ".\(folder.lastPathComponent).cchc-new-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid == getpid() || kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Writes each file under a temporary name beside its target and renames it into place.
    public static func write(_ files: [RenderedFile], to folder: URL) throws {
        let fm = FileManager.default
        var created = Set<String>()
        for file in files {
            let target = folder.appendingPathComponent(file.path)
            let directory = target.deletingLastPathComponent()
            if created.insert(directory.path).inserted {
                do {
                    try fm.createDirectory(at: directory, withIntermediateDirectories: true)
                } catch {
                    throw RenderError.write(path: directory.path, reason: reason(error))
                }
            }
            let temporary = directory.appendingPathComponent(
                ".\(target.lastPathComponent).tmp-\(getpid())-\(temporaryNames.add(1, ordering: .relaxed).newValue)")
            do {
                try POSIXFile.write(file.bytes, to: temporary)
                if rename(temporary.path, target.path) != 0 {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                pauseForFaultInjection()
            } catch {
                try? fm.removeItem(at: temporary)
                throw RenderError.write(path: target.path, reason: reason(error))
            }
        }
    }

    /// Writes each file straight to its name in a staging folder: nobody reads a staging folder
    /// until it is swapped in whole, so a temporary name and a rename per file would buy nothing.
    /// A file's folder is created when the first write into it finds it missing (a national
    /// render writes ten thousand files into a few folders).
    public static func writeStaged(_ files: [RenderedFile], to staging: URL) throws {
        let root = staging.path
        for file in files {
            let path = root + "/" + file.path
            do {
                do {
                    try POSIXFile.write(file.bytes, toPath: path)
                } catch let failure as POSIXFile.Failure where failure.code == ENOENT && file.path.contains("/") {
                    let folder = staging.appendingPathComponent(file.path).deletingLastPathComponent()
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try POSIXFile.write(file.bytes, toPath: path)
                }
                pauseForFaultInjection()
            } catch {
                throw RenderError.write(path: path, reason: reason(error))
            }
        }
    }

    /// Numbers temporary names, so that two writes into one folder from one process never
    /// share one.
    private static let temporaryNames = Atomic<Int>(0)

    /// Fault injection for the tests: a window after each file in which to kill the process.
    private static let pauseMilliseconds =
        ProcessInfo.processInfo.environment["CCHC_WRITE_PAUSE_MS"].flatMap(UInt32.init) ?? 0

    private static func pauseForFaultInjection() {
        if pauseMilliseconds > 0 { usleep(pauseMilliseconds * 1000) }
    }

    private static func reason(_ error: Error) -> String {
        if let failure = error as? POSIXFile.Failure { return failure.description }
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedFailureReason ?? ns.localizedDescription
    }
}
