import Crypto
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

    /// Creates the folders and takes the lock.
    func open() throws -> StoreLock {
        do {
            try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw ArchiveError.store(path: root.path, reason: "cannot be created or written (\(error.localizedDescription))")
        }
        return try StoreLock(root)
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
        return try rebuiltCatalog(previous: nil)
    }

    /// A catalog made from the manifests; manifest hashes are kept from `previous` where known,
    /// so a manifest edited since it was archived is still caught.
    func rebuiltCatalog(previous: ArchiveCatalog?) throws -> ArchiveCatalog {
        var catalog = ArchiveCatalog()
        for id in recordIDs() {
            let folder = records.appendingPathComponent(id)
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path) ?? Data()
            let known = previous?.records.first { $0.record == id }?.manifestSHA256
            let signed = FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.sig").path)
            catalog.add(try manifest(id), manifestSHA256: known ?? Hashing.sha256(data), signed: signed)
        }
        return catalog
    }

    func writeCatalog(_ catalog: ArchiveCatalog) throws {
        try AtomicFile.write(try catalog.encoded(), to: catalogURL)
    }
}

/// SHA-256 as lowercase hex.
enum Hashing {
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

/// Writes a file by a temporary name and rename, with fsync, so it is never seen half written.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        try SyncedFile.write(data, to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ArchiveError.store(path: url.path, reason: "cannot be replaced (\(reason))")
        }
    }
}

/// Writes and fsyncs a new file.
enum SyncedFile {
    static func write(_ data: Data, to url: URL) throws {
        do { try POSIXFile.write(data, to: url, sync: true) } catch let failure as POSIXFile.Failure {
            throw ArchiveError.store(path: url.path, reason: "cannot be written: \(failure)")
        }
    }

    /// fsync of a directory, so a rename into it is durable.
    static func syncDirectory(_ url: URL) {
        let fd = Glibc.open(url.path, O_RDONLY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
