import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a path is, looked at without following a link (`lstat`): a store holds no links, so
/// nothing in it can point elsewhere.
package enum FileLinks {
    package static func isLink(_ url: URL) -> Bool { mode(url) == S_IFLNK }

    /// A folder, and not a link to one.
    package static func isFolder(_ url: URL) -> Bool { mode(url) == S_IFDIR }

    private static func mode(_ url: URL) -> mode_t? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}
