import CCHCCore
import CCHCStore
import Foundation

/// The rendered folder an officer asks to archive, checked against the render cchc made again
/// from the dataset: each file read once and hashed, compared with the hash the fresh render
/// took as it wrote (its files are never read back). Files are hashed on every core.
package enum RenderedFolderCheck {
    /// The size of each rendered file (by path), all of them as the fresh render wrote them.
    /// - Throws: `ArchiveError.staleRender` naming every file that differs, is missing, or that
    ///   the render does not write.
    package static func sizes(of folder: URL, _ outcome: RenderOutcome) throws -> [String: Int] {
        let paths = outcome.paths.filter { $0 != RenderProvenance.fileName }
        let read = Parallel.map(paths.count) { i -> Int? in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(paths[i]).path),
                Hashing.sha256(data) == outcome.hashes[paths[i]]
            else { return nil }
            return data.count
        }
        var sizes: [String: Int] = [:]
        var stale: [String] = []
        for (path, size) in zip(paths, read) {
            if let size { sizes[path] = size } else { stale.append(path) }
        }
        let expected = Set(outcome.paths)
        let present = FileTree.files(in: folder, hidden: false)
        stale += present.filter { !expected.contains($0) }.map { "\($0) (not rendered from this dataset)" }
        if !stale.isEmpty { throw ArchiveError.staleRender(folder: folder.path, paths: stale) }
        return sizes
    }
}
