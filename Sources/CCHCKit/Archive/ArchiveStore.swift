import Foundation

/// An archive store on disk:
///
///     STORE/records/<year>-<dataset>/manifest.json, manifest.sig, files…   (never changed)
///     STORE/catalog.json                                                 (derived, rebuildable)
///     STORE/.staging/                                                    (records being written)
///     STORE/.lock
///
/// A record is written under .staging and renamed into records/ in one step, so it is there
/// whole or not at all, even if the process is killed.
public struct ArchiveStore: Sendable {
    public let root: URL

    public init(_ root: URL) { self.root = root }

    var records: URL { root.appendingPathComponent("records") }
    var staging: URL { root.appendingPathComponent(".staging") }
    var catalogURL: URL { root.appendingPathComponent("catalog.json") }

    /// Creates the folders, takes the lock, and clears what killed runs left in staging.
    func open() throws -> StoreLock {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: records, withIntermediateDirectories: true)
        } catch {
            throw ArchiveError.store(path: root.path, reason: "cannot be created or written (\(error.localizedDescription))")
        }
        let lock = try StoreLock(root)
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw ArchiveError.store(path: staging.path, reason: "cannot be created (\(error.localizedDescription))")
        }
        return lock
    }

    /// The ids of complete records.
    public func recordIDs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: records.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    public func manifest(_ id: String) throws -> ArchiveManifest {
        let url = records.appendingPathComponent(id).appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ArchiveError.store(path: url.path, reason: "missing")
        }
        do { return try ArchiveManifest.decode(data) } catch {
            throw ArchiveError.store(path: url.path, reason: "not a manifest (\(error))")
        }
    }

    /// The catalog as stored, or rebuilt from the manifests when it is missing.
    public func catalog() throws -> ArchiveCatalog {
        if let data = FileManager.default.contents(atPath: catalogURL.path),
            let catalog = try? JSONDecoder().decode(ArchiveCatalog.self, from: data),
            catalog.records.map(\.record) == recordIDs()
        {
            return catalog
        }
        return try rebuiltCatalog()
    }

    /// A catalog made from the manifests as they are now.
    func rebuiltCatalog() throws -> ArchiveCatalog {
        var catalog = ArchiveCatalog()
        for id in recordIDs() {
            let folder = records.appendingPathComponent(id)
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path) ?? Data()
            let signed = FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.sig").path)
            catalog.add(try manifest(id), manifestSHA256: Hashing.sha256(data), signed: signed)
        }
        return catalog
    }

    func writeCatalog(_ catalog: ArchiveCatalog) throws {
        try AtomicFile.write(try catalog.encoded(), to: catalogURL)
    }
}
