import CCHCCore
import CCHCStore
import CCHCTemplate
import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `cchc verify`: proves a store is complete and unchanged, and (with `rerender`) that every
/// archived document follows from the archived dataset and templates.
///
/// Without a key it proves that every file matches its manifest and every manifest the store
/// log, and that the log is one unbroken chain ending where its head says: it cannot tell who
/// wrote them, since anyone can re-hash a changed file into a new manifest and log. With a key
/// every manifest, log entry and the head must carry a valid signature of that key, so such a
/// rewrite is detected.
public enum ArchiveVerifier {
    public struct Report: Sendable {
        /// Every problem, each naming the path it is about.
        public var problems: [String] = []
        public var records = 0
        public var files = 0
        public var rerendered = 0
        /// What is worth knowing but proves nothing wrong: a PDF printed by another browser than
        /// today's, proved by what it is the print of.
        public var notes: [String] = []
        /// Whether signatures were checked (a key was given).
        public var signaturesChecked = false
        /// How many records carry a signature (checked or not).
        public var signedRecords = 0
        /// Entries in the store log, and the SHA-256 of its last line: note it down to detect a
        /// store rolled back to an earlier state.
        public var logEntries = 0
        public var logHead = StoreLog.origin
        public var ok: Bool { problems.isEmpty }
    }

    public static func verify(_ store: ArchiveStore, key: URL?, rerender: Bool) throws -> Report {
        var report = Report()
        if FileLinks.isLink(store.records) {
            throw ArchiveError.store(
                path: store.records.path,
                reason: "a symbolic link to elsewhere; expected the store's own records folder (a store holds no links)")
        }
        guard FileLinks.isFolder(store.records) else {
            throw ArchiveError.store(path: store.root.path, reason: "not an archive store (no records/)")
        }
        let publicKey = try key.map(SigningKey.readPublic)
        report.signaturesChecked = publicKey != nil
        let log = checkLog(store, publicKey, &report)
        let pending = FileManager.default.contents(atPath: store.pendingURL.path).flatMap {
            try? JSONDecoder().decode(PendingEntry.self, from: $0)
        }
        let logged = Dictionary(log.entries.map { ($0.record, $0) }, uniquingKeysWith: { a, _ in a })
        let ids = store.recordIDs()
        for id in ids {
            report.records += 1
            let recordPath = "records/\(id)"
            if let link = ["", "/manifest.json", "/manifest.sig"].first(where: {
                FileLinks.isLink(store.records.appendingPathComponent(id + $0))
            }) {
                report.problems.append(
                    "\(recordPath)\(link): a symbolic link to elsewhere; expected the record's own \(link.isEmpty ? "folder" : "file") (a store holds no links)"
                )
            } else if let entry = logged[id] {
                checkRecord(store.records.appendingPathComponent(id), id: id, entry: entry, publicKey, rerender, &report)
            } else if pending?.entry.record == id {
                report.problems.append(
                    "\(recordPath): archived, but its store-log entry was not written (the archive was interrupted); run the same `cchc archive` again to finish it"
                )
            } else {
                report.problems.append("\(recordPath): added (not in \(StoreLog.fileName))")
            }
        }
        for entry in log.entries where !ids.contains(entry.record) {
            report.problems.append("records/\(entry.record): missing (archived as entry \(entry.seq) of \(StoreLog.fileName))")
        }
        checkCatalog(store, &report)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: store.root.path)) ?? []
        where !ArchiveStore.topNames.contains(name) && !name.hasPrefix(".") {
            report.problems.append("\(name): added (not part of the store)")
        }
        return report
    }

    /// The log as a chain: numbered from 1, each entry chaining the one before, each record once,
    /// ending where the head says; every signature valid when a key is given.
    private static func checkLog(_ store: ArchiveStore, _ key: Curve25519.Signing.PublicKey?, _ report: inout Report)
        -> StoreLog
    {
        let exists = FileManager.default.fileExists(atPath: store.logURL.path)
        let (log, problems) = store.readLog()
        report.problems += problems
        if !exists {
            if !store.recordIDs().isEmpty {
                report.problems.append(
                    "\(StoreLog.fileName): missing; without it the records cannot be proven to be all that was archived")
            }
            if key != nil { checkHead(store, log, key, &report) }
            return log
        }
        var previous = StoreLog.origin
        var seen = Set<String>()
        for (i, entry) in log.entries.enumerated() {
            let at = "\(StoreLog.fileName): entry \(entry.seq)"
            if entry.seq != i + 1 { report.problems.append("\(at): numbered \(entry.seq) where \(i + 1) was expected") }
            if entry.previous != previous {
                report.problems.append("\(at): does not chain the entry before it (an entry was removed or changed)")
            }
            if !seen.insert(entry.record).inserted { report.problems.append("\(at): names \(entry.record) a second time") }
            if let key, !key.verifies(entry.signature, of: entry.signedText) {
                report.problems.append(
                    entry.signature == nil ? "\(at): not signed" : "\(at): the signature does not verify with this public key")
            }
            previous = Hashing.sha256(log.lines[i])
        }
        report.logEntries = log.entries.count
        report.logHead = log.lastHash
        checkHead(store, log, key, &report)
        return log
    }

    private static func checkHead(
        _ store: ArchiveStore, _ log: StoreLog, _ key: Curve25519.Signing.PublicKey?, _ report: inout Report
    ) {
        guard let data = FileManager.default.contents(atPath: store.headURL.path) else {
            if key != nil {
                report.problems.append(
                    "\(StoreLog.headName): missing; a signed store always has its signed head (a store emptied, or never signed, cannot be verified with a key)"
                )
            } else if !log.entries.isEmpty {
                report.problems.append("\(StoreLog.headName): missing")
            }
            return
        }
        guard let head = try? JSONDecoder().decode(StoreLog.Head.self, from: data) else {
            report.problems.append("\(StoreLog.headName): not a log head")
            return
        }
        if head.entries != log.entries.count || head.head != log.lastHash {
            let cut = head.entries > log.entries.count
            report.problems.append(
                "\(StoreLog.headName): the log's head is entry \(head.entries) (\(head.head.prefix(12))…), but \(StoreLog.fileName) ends at entry \(log.entries.count)"
                    + (cut
                        ? ": its tail was removed"
                        : (head.entries == log.entries.count ? " with another entry" : "") + ": it was changed"))
        }
        if let key, !key.verifies(head.signature, of: head.signedText) {
            report.problems.append(
                head.signature == nil
                    ? "\(StoreLog.headName): not signed"
                    : "\(StoreLog.headName): the signature does not verify with this public key")
        }
    }

    /// One record: its manifest as the log hashed it, naming this folder, signed when a key is
    /// given; every file as its manifest says.
    private static func checkRecord(
        _ folder: URL, id: String, entry: StoreLog.Entry, _ key: Curve25519.Signing.PublicKey?, _ rerender: Bool,
        _ report: inout Report
    ) {
        let recordPath = "records/\(id)"
        guard let manifestData = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path)
        else {
            report.problems.append("\(recordPath)/manifest.json: missing")
            return
        }
        if Hashing.sha256(manifestData) != entry.manifest {
            report.problems.append(
                "\(recordPath)/manifest.json: altered since it was archived (its SHA-256 differs from the store log's)")
        }
        let signed = FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.sig").path)
        if signed { report.signedRecords += 1 }
        if let key { checkSignature(folder, manifestData, key, recordPath, &report) }
        guard let manifest = try? ArchiveManifest.decode(manifestData) else {
            report.problems.append("\(recordPath)/manifest.json: not a readable manifest")
            return
        }
        if manifest.record != id {
            report.problems.append(
                "\(recordPath): its manifest names record \(manifest.record) (a record copied or renamed under another name)")
        }
        checkFiles(folder, manifest, recordPath, &report)
        if rerender { rerenderRecord(folder, manifest, recordPath, &report) }
    }

    /// The problems of one record folder on its own (no log): its files against its manifest,
    /// the folder's name against the manifest's record, and the signature when a key is given.
    package static func problems(ofRecord folder: URL, key: Curve25519.Signing.PublicKey?) -> [String] {
        var report = Report()
        let id = folder.lastPathComponent
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path) else {
            return ["records/\(id)/manifest.json: missing"]
        }
        let entry = StoreLog.Entry(seq: 0, record: id, manifest: Hashing.sha256(data), previous: "", signature: nil)
        checkRecord(folder, id: id, entry: entry, key, false, &report)
        return report.problems
    }

    private static func checkSignature(
        _ folder: URL, _ manifest: Data, _ key: Curve25519.Signing.PublicKey, _ recordPath: String, _ report: inout Report
    ) {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("manifest.sig"), encoding: .utf8) else {
            report.problems.append("\(recordPath)/manifest.sig: missing (the record is not signed)")
            return
        }
        if !key.verifies(text.trimmingCharacters(in: .whitespacesAndNewlines), of: manifest) {
            report.problems.append("\(recordPath)/manifest.sig: the signature does not verify with this public key")
        }
    }

    /// Every file against its manifest entry, read and hashed on every core; the problems in the
    /// manifest's order.
    private static func checkFiles(_ folder: URL, _ manifest: ArchiveManifest, _ recordPath: String, _ report: inout Report) {
        let files = manifest.files
        let problems = Parallel.map(files.count) { i in problem(of: files[i], in: folder, recordPath) }
        report.files += files.count
        report.problems += problems.compactMap { $0 }
        let listed = Set(files.map(\.path) + ["manifest.json", "manifest.sig"])
        for path in FileTree.files(in: folder) where !listed.contains(path) {
            report.problems.append("\(recordPath)/\(path): added (not in the manifest)")
        }
    }

    /// What is wrong with one archived file, if anything.
    private static func problem(of file: ArchivedFile, in folder: URL, _ recordPath: String) -> String? {
        guard ContainedPath.isContained(file.path) else {
            return "\(recordPath)/manifest.json: lists '\(file.path)', a path outside the record"
        }
        let path = folder.appendingPathComponent(file.path).path
        var info = stat()
        guard lstat(path, &info) == 0 else { return "\(recordPath)/\(file.path): missing" }
        guard (info.st_mode & S_IFMT) == S_IFREG, let data = FileManager.default.contents(atPath: path) else {
            return "\(recordPath)/\(file.path): not a regular file (a record holds no links)"
        }
        let sha = Hashing.sha256(data)
        guard sha == file.sha256 else {
            return "\(recordPath)/\(file.path): altered (SHA-256 \(sha.prefix(12))…, archived \(file.sha256.prefix(12))…)"
        }
        return nil
    }

    /// catalog.json is derived: it must equal the catalog made from the logged manifests.
    private static func checkCatalog(_ store: ArchiveStore, _ report: inout Report) {
        guard let data = FileManager.default.contents(atPath: store.catalogURL.path) else { return }
        let derived = (try? store.catalog()) ?? ArchiveCatalog()
        guard let stored = try? JSONDecoder().decode(ArchiveCatalog.self, from: data) else {
            report.problems.append("catalog.json: not a catalog; the next `cchc archive` writes it again")
            return
        }
        guard stored.records != derived.records || stored.documents != derived.documents else { return }
        let forged = stored.documents.filter { !derived.documents.contains($0) }.map { "records/\($0.record)/\($0.path)" }
        let missing = derived.documents.filter { !stored.documents.contains($0) }.map { "records/\($0.record)/\($0.path)" }
        var detail: [String] = []
        if !forged.isEmpty { detail.append("lists \(forged.count) document(s) no logged manifest has, e.g. \(forged[0])") }
        if !missing.isEmpty { detail.append("lacks \(missing.count) archived document(s), e.g. \(missing[0])") }
        if detail.isEmpty { detail.append("its records differ") }
        report.problems.append(
            "catalog.json: differs from the catalog derived from the manifests (\(detail.joined(separator: "; "))); cchc never reads it, and the next `cchc archive` writes it again"
        )
    }
}
