import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a folder holds, for comparing it with what should be there.
package enum FileTree {
    /// Everything but folders under `folder` (at any depth: regular files, and also symbolic
    /// links and special files, which are not followed) as paths relative to it, sorted; with
    /// `hidden: false`, nothing inside or named by a dot-folder or dot-file.
    package static func files(in folder: URL, hidden: Bool = true) -> [String] {
        entries(in: folder).filter { entry in
            if entry.isDirectory { return false }
            return hidden || !entry.path.split(separator: "/").contains { $0.hasPrefix(".") }
        }.map(\.path)
    }
}

extension FileTree {
    /// One entry under a folder, as `lstat` sees it (a symbolic link is not followed).
    package struct Entry {
        package var path: String
        package var isDirectory: Bool
        package var isRegular: Bool
        package var isSymbolicLink: Bool
    }

    /// Every entry under `folder` at any depth, symbolic links not followed, sorted by path.
    package static func entries(in folder: URL) -> [Entry] {
        var out: [Entry] = []
        func walk(_ relative: String) {
            let absolute = relative.isEmpty ? folder.path : folder.path + "/" + relative
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []).sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(folder.path + "/" + path, &info) == 0 else { continue }
                let type = info.st_mode & S_IFMT
                out.append(
                    Entry(path: path, isDirectory: type == S_IFDIR, isRegular: type == S_IFREG, isSymbolicLink: type == S_IFLNK))
                if type == S_IFDIR { walk(path) }
            }
        }
        walk("")
        return out
    }
}
