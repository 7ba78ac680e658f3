import CCHCCore
import CCHCStore
import Foundation

/// Writes a record's files under staging: cchc's own render linked in where the store shares its
/// file system (copied otherwise), the inputs copied; then one `syncfs` makes all of it durable
/// before the record is moved into place (an fsync per file cost ten thousand disk flushes). A
/// copied file that no longer has the hash its manifest entry was made with (it changed while
/// being archived) stops the write.
package enum RecordWriter {
    /// Writes the record into the new folder `folder` (its parent, the store's staging, must
    /// exist: nothing above the record is made) through a descriptor held open, and returns the
    /// folder held, for `requireComplete` before it is moved into place.
    @discardableResult
    /// - Parameter linking: false to copy every file (what happens where the store is on another
    ///   file system than the scratch render; a test takes that path here).
    package static func write(
        _ contents: RecordContents, manifest: Data, signature: Data?, to folder: URL, linking: Bool = true
    ) throws -> HeldFolder {
        let fm = FileManager.default
        let held: HeldFolder
        do { held = try HeldFolder(creating: folder) } catch {
            throw ArchiveError.store(path: folder.path, reason: "cannot be created (\(error))")
        }
        do {
            for entry in contents.entries {
                guard ContainedPath.isContained(entry.path) else {
                    throw ArchiveError.store(path: entry.path, reason: "would lie outside the record")
                }
                if linking, case .rendered(let url, _) = contents.sources[entry.path], try held.link(url.path, at: entry.path) {
                    FaultPoint.reached("record-file-written", at: folder.path + "/" + entry.path)
                    continue
                }
                let data = try contents.bytes(of: entry.path)
                guard Hashing.sha256(data) == entry.sha256 else {
                    throw ArchiveError.store(path: entry.path, reason: "changed while it was being archived; archive again")
                }
                try held.write(data, at: entry.path)
                FaultPoint.reached("record-file-written", at: folder.path + "/" + entry.path)
            }
            try held.write(manifest, at: "manifest.json", sync: true)
            if let signature {
                try held.write(Data((signature.base64EncodedString() + "\n").utf8), at: "manifest.sig", sync: true)
            }
            held.syncFileSystem()
            held.sync()
            return held
        } catch let error as ArchiveError {
            try? fm.removeItem(at: folder)
            throw error
        } catch {
            try? fm.removeItem(at: folder)
            throw ArchiveError.store(path: folder.path, reason: "\(error)")
        }
    }

    /// Refuses to move a record into place unless its folder is still where it was written and
    /// holds every file of its manifest, the manifest and its signature.
    package static func requireComplete(_ held: HeldFolder, _ manifest: ArchiveManifest, signed: Bool) throws {
        let paths = manifest.files.map(\.path) + ["manifest.json"] + (signed ? ["manifest.sig"] : [])
        let missing = held.missing(paths)
        guard missing.isEmpty else {
            try? FileManager.default.removeItem(at: held.url)
            throw ArchiveError.store(
                path: held.url.path,
                reason:
                    "was removed or changed while the record was written (\(missing.count) of \(paths.count) files missing, e.g. \(missing[0])); nothing was archived: archive again"
            )
        }
    }
}
