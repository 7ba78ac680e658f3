import Foundation

/// What a folder holds, for comparing it with what should be there.
enum FileTree {
    /// The regular files under `folder` (at any depth) as paths relative to it, sorted; with
    /// `hidden: false`, nothing inside or named by a dot-folder or dot-file.
    static func regularFiles(in folder: URL, hidden: Bool = true) -> [String] {
        let fm = FileManager.default
        let all = (fm.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        return all.filter { path in
            if !hidden && path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return false }
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }
}
