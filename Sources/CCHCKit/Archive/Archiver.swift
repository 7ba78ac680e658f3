import CCHCCore
import CCHCInput
import CCHCStore
import Crypto
import Foundation

/// `cchc archive`: puts a rendered set — its documents, the dataset and templates they came
/// from, the results and the tool's version — into a store as one immutable, hashed, optionally
/// signed record.
public enum Archiver {
    public struct Options: Sendable {
        public var store: URL
        public var key: URL?
        public var signedOffBy: String
        public var date: String?

        public init(store: URL, key: URL? = nil, signedOffBy: String = "", date: String? = nil) {
            (self.store, self.key, self.signedOffBy, self.date) = (store, key, signedOffBy, date)
        }
    }

    public enum Outcome: Equatable, Sendable {
        case archived(record: String, files: Int)
        /// The same content was archived before: nothing to do.
        case unchanged(record: String)
    }

    /// Archives the rendered folder `rendered`: load → validate → compute → render (again, into a
    /// scratch folder, through the same render as `cchc render`, hashing as it writes) → archive.
    /// The archive step reads each file of the folder given once and compares its hash with the
    /// fresh render's, then commits the record made of the fresh render's files.
    /// - Parameter log: where each step says it begins.
    @discardableResult
    public static func archive(_ rendered: URL, _ options: Options, log: StepLog = .silent) throws -> Outcome {
        let provenance = try RenderProvenance.read(rendered)
        if let sheets = provenance.sheets {
            throw ArchiveError.store(
                path: rendered.path,
                reason:
                    "holds the scoring workbooks of `cchc sheets --for \(sheets)`, not documents; expected a folder written by `cchc render`"
            )
        }
        let key = try options.key.map { try SigningKey.readPrivate($0, forSigning: true) }
        if let date = options.date, PlanDate(date) == nil {
            throw ArchiveError.store(path: "--date", reason: "'\(date)' is not a date; expected YYYY-MM-DD")
        }
        let datasetURL = provenance.datasetFolder(from: rendered)
        let name = datasetURL.standardizedFileURL.lastPathComponent
        if let problem = FileNameRule.problem(name) {
            throw ArchiveError.store(
                path: datasetURL.path,
                reason: "the dataset folder's name cannot name a record: \(problem); expected \(FileNameRule.expected)")
        }
        // The rendered folder stays as it is while it is archived: a render into it waits. Where
        // no lock file can be made beside it (read-only media), no render can write there either.
        let lock = try? OutputLock(rendered)
        defer { withExtendedLifetime(lock) {} }
        let reads = DatasetReads.start(datasetURL)
        defer { reads.stop() }
        let scratch = try ScratchFolder("archive")
        defer { scratch.remove() }
        var renderOptions = RenderJob.Options(
            output: scratch.url.appendingPathComponent(name), templates: try provenance.templateSet(from: rendered),
            kinds: provenance.kinds, formats: provenance.formats,
            unit: provenance.unit)
        renderOptions.hashes = true
        var outcome: Outcome?
        let archiveStep = Pipeline.Step(.archive) { batch in
            guard let dataset = batch.dataset, let fresh = batch.rendered else { return }
            FaultPoint.reached("dataset-rendered", at: datasetURL.standardizedFileURL.path)
            let sizes = try RenderedFolderCheck.sizes(of: rendered, fresh)
            let contents = try RecordContents.collect(
                fresh: renderOptions.output, fresh, sizes: sizes, dataset: dataset, templates: renderOptions.templates,
                formats: renderOptions.formats, reads: reads)
            let manifest = ArchiveManifest(
                format: ArchiveManifest.formatName, record: "\(dataset.plan.year)-\(dataset.name)",
                dataset: dataset.name, year: dataset.plan.year, tool: "cchc \(CCHC.version)",
                signedOffBy: options.signedOffBy, date: options.date ?? "", kinds: provenance.kinds,
                formats: provenance.formats, unit: provenance.unit, files: contents.entries)
            outcome = try commit(manifest, contents, key: key, store: ArchiveStore(options.store))
        }
        // A step's error comes out tagged with the step's name (`render: …`, `archive: …`).
        let batch = try Pipeline.checking.then(.render(renderOptions), archiveStep).run(Pipeline.Batch(datasetURL), log: log)
        guard let outcome else {
            // The dataset is named by its path: the user typed the rendered folder, not the dataset.
            throw PipelineError.stopped(
                step: batch.stoppedAt ?? .validate, batch.problems.map { $0.located(in: datasetURL.path) })
        }
        return outcome
    }

    /// Puts the record into the store, step by step; a kill at any step leaves a store that the
    /// next run completes (see `ArchiveStore.finishPending`) and that `verify` reports precisely.
    package static func commit(
        _ manifest: ArchiveManifest, _ contents: RecordContents, key: Curve25519.Signing.PrivateKey?,
        store: ArchiveStore
    ) throws -> Outcome {
        let (lock, writable) = try store.open()
        defer { withExtendedLifetime(lock) {} }
        let (log, logProblems) = store.readLog()
        if store.recordIDs().contains(manifest.record) {
            guard log.entries.contains(where: { $0.record == manifest.record }) else {
                throw ArchiveError.store(
                    path: store.records.appendingPathComponent(manifest.record).path,
                    reason: "is in the store but not in its log (added by hand?); run `cchc verify`")
            }
            let old = try store.manifest(manifest.record)
            let changed = Immutability.differences(old.files, manifest.files)
            if changed.isEmpty {
                // The same manifest: the record's files are compared too, so that a damaged
                // record is never reported as archived.
                let damaged = ArchiveVerifier.problems(ofRecord: store.records.appendingPathComponent(manifest.record), key: nil)
                guard damaged.isEmpty else {
                    throw ArchiveError.store(
                        path: store.records.appendingPathComponent(manifest.record).path,
                        reason:
                            "is archived, but its files no longer match its manifest (\(damaged.prefix(3).joined(separator: "; "))); run `cchc verify` and restore the store from its backup"
                    )
                }
                return .unchanged(record: manifest.record)
            }
            throw ArchiveError.immutable(
                "record \(manifest.record) is already archived with different content: "
                    + changed.prefix(10).joined(separator: ", ")
                    + "; archived records never change (archive a corrected set under a new dataset name)")
        }
        guard writable else { throw ArchiveError.store(path: store.root.path, reason: "is read-only; cannot add a record") }
        try store.requireSameKey(log, key)
        guard logProblems.isEmpty, store.recordIDs().allSatisfy({ id in log.entries.contains { $0.record == id } }) else {
            throw ArchiveError.store(
                path: store.logURL.path,
                reason: "does not list every record of the store; run `cchc verify` and mend the store first")
        }
        try Immutability.checkNumbers(manifest, try store.catalog())
        let encoded = try manifest.encoded()
        let folder = store.staging.appendingPathComponent(manifest.record)
        let written = try RecordWriter.write(
            contents, manifest: encoded, signature: try key.map { try $0.signature(for: encoded) }, to: folder)
        FaultPoint.reached("record-staged", at: folder.path)
        try RecordWriter.requireComplete(written, manifest, signed: key != nil)
        let entry = try log.nextEntry(record: manifest.record, manifest: encoded, key: key)
        let logged = try log.appending(entry)
        var head = logged.head
        head.signature = try key?.signature(for: head.signedText).base64EncodedString()
        try AtomicFile.write(try PendingEntry(entry: entry, head: head).encoded(), to: store.pendingURL)
        FaultPoint.reached("pending-written")
        let target = store.records.appendingPathComponent(manifest.record)
        guard rename(folder.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(store.pendingURL.path)
            throw ArchiveError.store(path: target.path, reason: "cannot be moved into place (\(reason))")
        }
        SyncedFile.syncDirectory(store.records)
        FaultPoint.reached("record-renamed")
        try AtomicFile.write(logged.encoded(), to: store.logURL)
        FaultPoint.reached("log-appended")
        try AtomicFile.write(try head.encoded(), to: store.headURL)
        FaultPoint.reached("head-written")
        unlink(store.pendingURL.path)
        SyncedFile.syncDirectory(store.root)
        FaultPoint.reached("pending-removed")
        try store.writeCatalog(try store.catalog())
        FaultPoint.reached("catalog-written")
        return .archived(record: manifest.record, files: manifest.files.count)
    }
}

/// What "never changes" means for records and numbered documents.
package enum Immutability {
    /// Paths whose content differs between two versions of a record (or that one lacks).
    package static func differences(_ old: [ArchivedFile], _ new: [ArchivedFile]) -> [String] {
        let a = Dictionary(old.map { ($0.path, $0.sha256) }, uniquingKeysWith: { x, _ in x })
        let b = Dictionary(new.map { ($0.path, $0.sha256) }, uniquingKeysWith: { x, _ in x })
        return Set(a.keys).union(b.keys).sorted().filter { a[$0] != b[$0] }
    }

    /// A numbered document (`342/QĐ-UBND`) already archived elsewhere must have the same content.
    package static func checkNumbers(_ manifest: ArchiveManifest, _ catalog: ArchiveCatalog) throws {
        for file in manifest.files {
            guard let d = file.document, !d.codeNumber.isEmpty else { continue }
            for e in catalog.documents
            where e.record != manifest.record && e.document.codeNumber == d.codeNumber
                && e.document.codeNotation == d.codeNotation && e.document.format == d.format
                && e.document.issuedDate.prefix(4) == d.issuedDate.prefix(4)
                && e.sha256 != file.sha256
            {
                throw ArchiveError.immutable(
                    "Số \(d.codeNumber)/\(d.codeNotation) (\(file.path)) is already archived in record \(e.record) (\(e.path)) with different content; a numbered document never changes"
                )
            }
        }
    }
}
