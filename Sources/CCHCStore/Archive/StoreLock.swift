import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock on a store (flock on STORE/.lock), so two archive runs never interleave.
/// The kernel releases it when the process dies, even by kill -9. On a store that cannot be
/// written (a read-only disk) the lock is taken on the existing lock file, or on the store
/// folder itself, and `writable` is false.
package final class StoreLock {
    private let descriptor: Int32
    package let writable: Bool

    package init(_ store: URL) throws {
        let path = store.appendingPathComponent(".lock").path
        var fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o644)
        var writable = fd >= 0
        if fd < 0 && [EROFS, EACCES, EPERM].contains(errno) {
            fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            if fd < 0 { fd = open(store.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
            writable = false
        }
        guard fd >= 0 else {
            throw ArchiveError.store(path: path, reason: "cannot open the lock file (\(String(cString: strerror(errno))))")
        }
        guard flock(fd, LOCK_EX) == 0 else {
            close(fd)
            throw ArchiveError.store(path: path, reason: "cannot lock (\(String(cString: strerror(errno))))")
        }
        if writable && access(store.path, W_OK) != 0 { writable = false }
        (descriptor, self.writable) = (fd, writable)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
