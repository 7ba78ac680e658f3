import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a new file with POSIX calls, so a failure carries the system's reason ("File too
/// large", "No space left on device") rather than a generic Foundation error.
package enum POSIXFile {
    /// The system's reason a write failed. It never leaves the layer: the writers turn it into
    /// `RenderError.write` or `ArchiveError.store` with the path.
    package struct Failure: Error, CustomStringConvertible {
        package var path: String
        package var code: Int32
        package var description: String { String(cString: strerror(code)) }

        package init(path: String, code: Int32) { (self.path, self.code) = (path, code) }
    }

    /// Writes `text` as UTF-8 straight from the string's storage.
    package static func write(_ text: String, to url: URL, mode: mode_t = 0o644, sync: Bool = false) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: url, mode: mode, sync: sync) }
    }

    /// Creates (or truncates) `url` and writes `bytes`; with `sync`, fsyncs before closing.
    package static func write<Bytes: ContiguousBytes>(_ bytes: Bytes, to url: URL, mode: mode_t = 0o644, sync: Bool = false)
        throws
    {
        try write(bytes, toPath: url.path, mode: mode, sync: sync)
    }

    /// As `write(_:to:mode:sync:)`, to a path.
    package static func write<Bytes: ContiguousBytes>(
        _ bytes: Bytes, toPath path: String, mode: mode_t = 0o644, sync: Bool = false
    )
        throws
    {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Failure(path: path, code: errno) }
        try write(bytes, toDescriptor: fd, path: path, sync: sync)
    }

    /// Writes `bytes` to the open file `fd` (named `path` in a failure) and closes it.
    package static func write<Bytes: ContiguousBytes>(_ bytes: Bytes, toDescriptor fd: Int32, path: String, sync: Bool)
        throws(Failure)
    {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure == 0 && sync && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw Failure(path: path, code: failure) }
    }
}
