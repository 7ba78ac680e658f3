import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock on a store (flock on STORE/.lock), so two archive runs never interleave.
/// The kernel releases it when the process dies, even by kill -9.
final class StoreLock {
    private let descriptor: Int32

    init(_ store: URL) throws {
        let path = store.appendingPathComponent(".lock").path
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw ArchiveError.store(path: path, reason: "cannot open the lock file (\(String(cString: strerror(errno))))")
        }
        guard flock(descriptor, LOCK_EX) == 0 else {
            close(descriptor)
            throw ArchiveError.store(path: path, reason: "cannot lock (\(String(cString: strerror(errno))))")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
