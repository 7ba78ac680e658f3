import CCHCCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file by a temporary name and rename, with fsync, so it is never seen half written.
package enum AtomicFile {
    package static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        try SyncedFile.write(data, to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ArchiveError.store(path: url.path, reason: "cannot be replaced (\(reason))")
        }
    }
}

/// Writes and fsyncs a new file.
package enum SyncedFile {
    package static func write(_ data: Data, to url: URL) throws {
        do { try POSIXFile.write(data, to: url, sync: true) } catch let failure as POSIXFile.Failure {
            throw ArchiveError.store(path: url.path, reason: "cannot be written: \(failure)")
        }
    }

    /// fsync of a directory, so a rename into it is durable.
    package static func syncDirectory(_ url: URL) {
        let fd = Glibc.open(url.path, O_RDONLY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
