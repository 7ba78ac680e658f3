import CCHCCore
import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An archive store on disk (kho lưu trữ):
///
///     STORE/records/<year>-<dataset>/manifest.json, manifest.sig, files…   (never changed)
///     STORE/store-log.jsonl, store-head.json                             (append-only, signed)
///     STORE/catalog.json                                                 (derived, for reading)
///     STORE/pending-log-entry.json                                       (only during an archive)
///     STORE/.staging/                                                    (records being written)
///     STORE/.lock
///
/// A record is written under .staging and renamed into records/ in one step, so it is there
/// whole or not at all, even if the process is killed; the store log then records it.
public struct ArchiveStore: Sendable {
    public let root: URL

    public init(_ root: URL) { self.root = root }

    package var records: URL { root.appendingPathComponent("records") }
    package var staging: URL { root.appendingPathComponent(".staging") }
    package var catalogURL: URL { root.appendingPathComponent("catalog.json") }
    package var logURL: URL { root.appendingPathComponent(StoreLog.fileName) }
    package var headURL: URL { root.appendingPathComponent(StoreLog.headName) }
    package var pendingURL: URL { root.appendingPathComponent(PendingEntry.fileName) }

    /// The names a store holds at its top.
    package static let topNames: Set<String> = [
        "records", "catalog.json", StoreLog.fileName, StoreLog.headName, PendingEntry.fileName, ".staging", ".lock",
    ]

    /// Takes the lock, finishes or drops what a killed run left, and clears staging. A store
    /// that cannot be written (a read-only disk) is opened for reading only: `writable` is false.
    package func open() throws -> (lock: StoreLock, writable: Bool) {
        let fm = FileManager.default
        try requireStoreOrEmpty()
        let exists = fm.fileExists(atPath: records.path)
        if !exists {
            do { try fm.createDirectory(at: records, withIntermediateDirectories: true) } catch {
                throw ArchiveError.store(path: root.path, reason: "cannot be created or written (\(error.localizedDescription))")
            }
        }
        let lock = try StoreLock(root)
        guard lock.writable else {
            if fm.fileExists(atPath: pendingURL.path) {
                throw ArchiveError.store(
                    path: root.path, reason: "is read-only, and an interrupted archive in it needs finishing; make it writable")
            }
            return (lock, false)
        }
        try? fm.removeItem(at: staging)
        do { try fm.createDirectory(at: staging, withIntermediateDirectories: true) } catch {
            throw ArchiveError.store(path: staging.path, reason: "cannot be created (\(error.localizedDescription))")
        }
        try finishPending()
        try? writeCatalog(try catalog())
        return (lock, true)
    }

    /// Refuses a folder that is neither a store nor new or empty: `archive --store` never makes a
    /// store of the officer's home, a dataset or a rendered folder, and never follows a link.
    package func requireStoreOrEmpty() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        guard !names.isEmpty else { return }
        if FileLinks.isLink(records) {
            throw ArchiveError.store(
                path: records.path, reason: "a symbolic link to elsewhere; expected the store's own records folder")
        }
        let isStore = FileLinks.isFolder(records) && names.allSatisfy { Self.topNames.contains($0) }
        guard isStore else {
            throw ArchiveError.store(
                path: root.path,
                reason:
                    "is neither an archive store nor an empty folder (it holds \(names.sorted().prefix(3).joined(separator: ", "))\(names.count > 3 ? ", …" : "")); expected a store cchc archive made, an empty folder or a new folder name"
            )
        }
    }

    /// Refuses `key` (or no key) when it is not the store's: a store whose records are signed takes
    /// only records signed with the key that signed them, and a store archived without a key takes
    /// no signed record (its earlier records could never be verified with the key).
    package func requireSameKey(_ log: StoreLog, _ key: Curve25519.Signing.PrivateKey?) throws {
        guard let last = log.entries.last else { return }
        let head = FileManager.default.contents(atPath: headURL.path).flatMap {
            try? JSONDecoder().decode(StoreLog.Head.self, from: $0)
        }
        let signed = last.signature != nil || head?.signature != nil
        switch (signed, key) {
        case (true, nil):
            throw ArchiveError.store(
                path: root.path,
                reason:
                    "is signed: every record of it must be signed with its key; expected --sign KEY with the key that signed it"
            )
        case (true, let key?):
            let verifies =
                key.publicKey.verifies(last.signature, of: last.signedText)
                && (head.map { key.publicKey.verifies($0.signature, of: $0.signedText) } ?? true)
            guard verifies else {
                throw ArchiveError.store(
                    path: root.path,
                    reason:
                        "was signed with another key; expected --sign with the key that signed it (a store has one key, so that `cchc verify --key` proves all of it)"
                )
            }
        case (false, .some):
            throw ArchiveError.store(
                path: root.path,
                reason:
                    "was archived without a key, so its records could never be verified with one; expected no --sign here, or a new store for signed records"
            )
        case (false, nil): return
        }
    }

    /// Completes the log entry of a run killed after its record was moved into place, or drops
    /// the entry of one killed before.
    package func finishPending() throws {
        guard let data = FileManager.default.contents(atPath: pendingURL.path) else { return }
        guard let pending = try? JSONDecoder().decode(PendingEntry.self, from: data) else {
            throw ArchiveError.store(path: pendingURL.path, reason: "cannot be read; run `cchc verify`")
        }
        let manifest = FileManager.default.contents(
            atPath: records.appendingPathComponent(pending.entry.record).appendingPathComponent("manifest.json").path)
        if let manifest, Hashing.sha256(manifest) == pending.entry.manifest {
            let (log, problems) = readLog()
            let line = try pending.entry.line()
            if log.lines.last != line {
                guard problems.isEmpty, log.entries.count == pending.entry.seq - 1, log.lastHash == pending.entry.previous
                else {
                    throw ArchiveError.store(
                        path: logURL.path,
                        reason:
                            "does not end where the interrupted archive of \(pending.entry.record) expected; run `cchc verify`")
                }
                try AtomicFile.write(try log.appending(pending.entry).encoded(), to: logURL)
            }
            if FileManager.default.contents(atPath: headURL.path) != (try pending.head.encoded()) {
                try AtomicFile.write(try pending.head.encoded(), to: headURL)
            }
        }
        guard unlink(pendingURL.path) == 0 else {
            throw ArchiveError.store(path: pendingURL.path, reason: "cannot be removed (\(String(cString: strerror(errno))))")
        }
        SyncedFile.syncDirectory(root)
    }

    /// The names of the record folders in records/, sorted.
    public func recordIDs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: records.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The records the store log lists, in log order.
    package func loggedRecordIDs() -> [String] { readLog().log.entries.map(\.record) }

    /// The store log (empty when there is none), and the lines that are not entries.
    package func readLog() -> (log: StoreLog, problems: [String]) {
        guard let data = FileManager.default.contents(atPath: logURL.path) else { return (StoreLog(), []) }
        return StoreLog.parse(data)
    }

    public func manifest(_ id: String) throws -> ArchiveManifest {
        let url = records.appendingPathComponent(id).appendingPathComponent("manifest.json")
        guard ContainedPath.isContained(id), !id.contains("/"), let data = FileManager.default.contents(atPath: url.path)
        else {
            throw ArchiveError.store(path: url.path, reason: "missing")
        }
        do { return try ArchiveManifest.decode(data) } catch {
            throw ArchiveError.store(path: url.path, reason: "not a manifest (\(error))")
        }
    }

    /// What was issued, derived from the manifests of the records the store log lists (each
    /// manifest as the log hashed it); catalog.json is never read to answer.
    public func catalog() throws -> ArchiveCatalog {
        var catalog = ArchiveCatalog()
        for entry in readLog().log.entries {
            let folder = records.appendingPathComponent(entry.record)
            guard ContainedPath.isContained(entry.record), !entry.record.contains("/"),
                let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
                Hashing.sha256(data) == entry.manifest, let manifest = try? ArchiveManifest.decode(data),
                manifest.record == entry.record
            else { continue }
            catalog.add(manifest, manifestSHA256: entry.manifest, signed: entry.signature != nil)
        }
        return catalog
    }

    /// Writes catalog.json when it differs from `catalog` (a no-op archive changes nothing).
    package func writeCatalog(_ catalog: ArchiveCatalog) throws {
        let encoded = try catalog.encoded()
        if FileManager.default.contents(atPath: catalogURL.path) != encoded { try AtomicFile.write(encoded, to: catalogURL) }
    }
}
