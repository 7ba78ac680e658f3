import CCHCCore
import CSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder written through a descriptor held open (`openat`, `mkdirat`): every file goes into
/// this very folder or nowhere. A folder removed under a running render or archive is never made
/// again, writes into it fail, and `missing` says so before anything is put in place.
package final class HeldFolder: @unchecked Sendable {
    package let url: URL
    private let descriptor: Int32
    private let identity: (device: UInt, inode: UInt)

    /// Makes `url` (its parent must exist: nothing above it is made) and holds it.
    package convenience init(creating url: URL) throws(POSIXFile.Failure) {
        guard mkdir(url.path, 0o755) == 0 else { throw POSIXFile.Failure(path: url.path, code: errno) }
        try self.init(existing: url)
    }

    /// Holds `url`, a folder that exists (not a link to one).
    package init(existing url: URL) throws(POSIXFile.Failure) {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw POSIXFile.Failure(path: url.path, code: errno) }
        var info = stat()
        fstat(fd, &info)
        (self.url, descriptor, identity) = (url, fd, (UInt(info.st_dev), UInt(info.st_ino)))
    }

    deinit { close(descriptor) }

    /// Writes `bytes` to `path` (relative, checked by the caller) in the folder, making the
    /// folders of `path` inside it as needed; with `sync`, fsyncs the file.
    package func write<Bytes: ContiguousBytes>(_ bytes: Bytes, at path: String, sync: Bool = false) throws(POSIXFile.Failure) {
        var fd = openat(descriptor, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if fd < 0 && errno == ENOENT && path.contains("/") {
            try makeFolders(of: path)
            fd = openat(descriptor, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        }
        guard fd >= 0 else { throw POSIXFile.Failure(path: url.path + "/" + path, code: errno) }
        try POSIXFile.write(bytes, toDescriptor: fd, path: url.path + "/" + path, sync: sync)
    }

    /// Links the file at `source` into the folder as `path` (a second name of the same file, no
    /// copy). Returns false where no link can be made (another file system, or one without
    /// links): the caller copies instead.
    package func link(_ source: String, at path: String) throws(POSIXFile.Failure) -> Bool {
        var result = linkat(AT_FDCWD, source, descriptor, path, 0)
        if result != 0 && errno == ENOENT && path.contains("/") {
            try makeFolders(of: path)
            result = linkat(AT_FDCWD, source, descriptor, path, 0)
        }
        if result == 0 { return true }
        if [EXDEV, EPERM, EMLINK, EOPNOTSUPP].contains(errno) { return false }
        throw POSIXFile.Failure(path: url.path + "/" + path, code: errno)
    }

    /// Flushes everything written on the held folder's file system to the disk at once.
    package func syncFileSystem() { _ = cchc_sync_file_system(descriptor) }

    /// Makes the folders above `path`, one level at a time, inside the held folder.
    private func makeFolders(of path: String) throws(POSIXFile.Failure) {
        let parts = path.split(separator: "/").dropLast()
        for depth in parts.indices {
            let folder = parts[...depth].joined(separator: "/")
            if mkdirat(descriptor, folder, 0o755) != 0 && errno != EEXIST {
                throw POSIXFile.Failure(path: url.path + "/" + folder, code: errno)
            }
        }
    }

    /// Whether the path still names the folder held (it was not removed, or removed and made again).
    package var isInPlace: Bool {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return false }
        return UInt(info.st_dev) == identity.device && UInt(info.st_ino) == identity.inode
    }

    /// Of `paths`, those that are not a regular file in the folder held; every one when the
    /// folder is no longer in its place.
    package func missing(_ paths: [String]) -> [String] {
        guard isInPlace else { return paths }
        return paths.filter { path in
            var info = stat()
            return fstatat(descriptor, path, &info, AT_SYMLINK_NOFOLLOW) != 0 || (info.st_mode & S_IFMT) != S_IFREG
        }
    }

    /// fsync of the folder, so what was written into it is durable.
    package func sync() { fsync(descriptor) }
}
