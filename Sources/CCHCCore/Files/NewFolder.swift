import Foundation

/// A folder that appears whole or not at all, and never over the user's files: filled beside its
/// place (`.<name>.cchc-new`), then renamed in. Used by `cchc templates` and `cchc init`.
package enum NewFolder {
    /// Fills a new `folder` with `fill` (given the staging folder). `refused` is thrown when
    /// `folder` exists and is not an empty folder; `failed(reason)` when writing fails; an error
    /// `fill` throws of type `E` comes out as it is. Nothing is left behind on failure.
    package static func create<T, E: Error>(
        _ folder: URL, refused: @autoclosure () -> E, failed: (String) -> E, fill: (URL) throws -> T
    ) throws -> T {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue, (try? fm.contentsOfDirectory(atPath: folder.path))?.isEmpty == true else {
                throw refused()
            }
        }
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).cchc-new")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            let value = try fill(staging)
            if fm.fileExists(atPath: folder.path) { try fm.removeItem(at: folder) }
            try fm.moveItem(at: staging, to: folder)
            return value
        } catch let error as E {
            try? fm.removeItem(at: staging)
            throw error
        } catch {
            try? fm.removeItem(at: staging)
            throw failed(error.localizedDescription)
        }
    }
}
