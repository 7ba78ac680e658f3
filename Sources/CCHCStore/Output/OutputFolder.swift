import CCHCCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The folder `render` writes into (thư mục kết quả), and the rule that keeps cchc from touching
/// what it did not write: the folder does not exist yet, is empty, or holds a previous render of
/// cchc and nothing else. A previous render is recognised by its cchc-render.json, which lists
/// every file the render wrote; a dataset, a templates folder or an archive store never has one.
public enum OutputFolder {
    /// What a previous render left in the folder: the files it wrote, its marker included.
    public struct Previous: Sendable, Equatable {
        public var files: [String]
    }

    /// The default output folder of a dataset, `Output/<dataset folder name>`.
    public static func defaultFolder(for dataset: URL) throws -> URL {
        let name = dataset.standardizedFileURL.lastPathComponent
        if let problem = FileNameRule.problem(name) {
            throw RenderError.outputRefused(
                path: dataset.path,
                reason:
                    "the dataset folder's name cannot name the output folder: \(problem); rename the folder (\(FileNameRule.expected)) or give --out"
            )
        }
        return URL(fileURLWithPath: "Output").appendingPathComponent(name)
    }

    /// The folder to write into, a symbolic link resolved to its target, and the previous
    /// render it holds (`nil` when the folder does not exist yet). Throws when the rule forbids
    /// writing there; nothing has been changed then.
    public static func claim(_ requested: URL) throws -> (folder: URL, previous: Previous?) {
        let path = requested.path
        let name = requested.lastPathComponent
        // The render writes beside the folder first, under a longer name (`.<name>.cchc-new-…`).
        if name.utf8.count > maxNameBytes {
            throw refused(
                path,
                "the folder's name has \(name.utf8.count) bytes; expected a name of at most \(maxNameBytes) bytes (cchc first writes beside it under a longer name, and a file system takes 255)"
            )
        }
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw RenderError.write(path: path, reason: String(cString: strerror(errno))) }
            return (resolvedParent(requested), nil)
        }
        var folder = requested
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard let target = realPath(path) else {
                throw refused(path, "is a symbolic link whose target does not exist; point --out at a real folder")
            }
            folder = URL(fileURLWithPath: target)
            guard stat(target, &info) == 0 else { throw refused(path, "cannot be examined") }
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw refused(path, "is a file, not a folder; \(rule)")
        }
        var parent = stat()
        if stat(folder.deletingLastPathComponent().path, &parent) == 0, parent.st_dev != info.st_dev {
            throw refused(
                path,
                "is a mount point (a disk or share of its own): cchc writes the new output beside the folder and then puts it in the folder's place, which a mount point cannot be; expected a folder inside it, e.g. --out \(folder.appendingPathComponent("cchc-output").path)"
            )
        }
        return (folder, try previousRender(in: folder, label: path))
    }

    /// The longest folder name cchc renders into, in bytes.
    package static let maxNameBytes = 200

    /// What the rule allows, in the words of a message.
    package static let rule =
        "cchc writes only into a folder that does not exist yet, an empty folder, or one it rendered into before"

    /// The previous render in an existing folder, or the refusal naming what cchc did not write.
    private static func previousRender(in folder: URL, label: String) throws -> Previous {
        let top = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        if top.isEmpty { return Previous(files: []) }
        // Without the marker nothing below the top is looked at (`--out ~` or `--out /` must
        // not walk the disk to be refused).
        let markerPath = folder.appendingPathComponent(RenderProvenance.fileName).path
        guard let data = FileManager.default.contents(atPath: markerPath),
            let marker = try? JSONDecoder().decode(RenderProvenance.self, from: data)
        else {
            throw refused(label, "holds files cchc did not write (\(sample(top))); \(rule)")
        }
        let entries = FileTree.entries(in: folder)
        let listed = Set(marker.files ?? entries.filter { !$0.isDirectory && isLegacyOutput($0.path) }.map(\.path))
        var folders = Set<String>()
        for file in listed {
            var parts = file.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        let foreign = entries.filter { entry in
            if entry.path == RenderProvenance.fileName { return false }
            return entry.isDirectory ? !folders.contains(entry.path) : !(entry.isRegular && listed.contains(entry.path))
        }
        guard foreign.isEmpty else {
            throw refused(
                label,
                "holds \(sample(foreign.map(\.path))), which cchc did not write; move \(foreign.count == 1 ? "it" : "them") out of the folder or choose another --out (cchc never deletes what it did not write)"
            )
        }
        let present = entries.filter { !$0.isDirectory && listed.contains($0.path) }.map(\.path)
        return Previous(files: present + [RenderProvenance.fileName])
    }

    /// A file an older cchc, whose marker had no list, wrote.
    private static func isLegacyOutput(_ path: String) -> Bool {
        if ["results.json", "results.csv"].contains(path) { return true }
        let parts = path.split(separator: "/")
        let name = parts.last.map(String.init) ?? ""
        let stem = (name as NSString).deletingPathExtension
        guard ["html", "xml", "txt"].contains((name as NSString).pathExtension) else { return false }
        if parts.count == 2 { return parts[0] == "tu-danh-gia" }
        return parts.count == 1 && ["ke-hoach", "bao-cao-ket-qua", "quyet-dinh"].contains(stem)
    }

    private static func sample(_ paths: [String]) -> String {
        paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? " and \(paths.count - 5) more" : "")
    }

    private static func refused(_ path: String, _ reason: String) -> RenderError {
        .outputRefused(path: path, reason: reason)
    }

    /// A folder that does not exist yet, under its parent's real path when the parent exists.
    private static func resolvedParent(_ url: URL) -> URL {
        let parent = url.deletingLastPathComponent().path
        guard let real = realPath(parent) else { return url }
        return URL(fileURLWithPath: real).appendingPathComponent(url.lastPathComponent)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Renders into one output folder, and an archive of it, take turns (a lock file beside it,
/// `.<name>.cchc-lock`), so that one never finds another's files half moved in and takes them for
/// a stranger's. The lock file is removed when the lock is given back (none piles up beside the
/// outputs); a run that took the lock on a file removed meanwhile takes it again on the new one.
package final class OutputLock {
    private let descriptor: Int32
    private let path: String

    package init(_ folder: URL) throws {
        let parent = folder.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw RenderError.write(path: parent.path, reason: error.localizedDescription)
        }
        path = parent.appendingPathComponent(".\(folder.lastPathComponent).cchc-lock").path
        while true {
            let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else { throw RenderError.write(path: path, reason: String(cString: strerror(errno))) }
            guard flock(fd, LOCK_EX) == 0 else {
                close(fd)
                throw RenderError.write(path: path, reason: String(cString: strerror(errno)))
            }
            // The holder before may have removed the file as it gave the lock back.
            var held = stat()
            var named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                descriptor = fd
                return
            }
            close(fd)
        }
    }

    deinit {
        unlink(path)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Removes what cchc wrote into a folder, file by file, and never anything else.
package enum OwnedFiles {
    /// Unlinks `files` (relative to `folder`), then the folders they leave empty, then `folder`;
    /// returns whether `folder` is gone (it stays when it still holds something else).
    @discardableResult
    package static func remove(_ files: [String], from folder: URL) -> Bool {
        var folders = Set<String>()
        for file in files where ContainedPath.isContained(file) {
            unlink(folder.appendingPathComponent(file).path)
            var parts = file.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        for sub in folders.sorted(by: { $0.count > $1.count }) { rmdir(folder.appendingPathComponent(sub).path) }
        return rmdir(folder.path) == 0 || errno == ENOENT
    }
}
