import Crypto
import Foundation

/// `cchc verify`: proves a store is complete and unchanged, and (with `rerender`) that every
/// archived document follows from the archived dataset and templates.
public enum ArchiveVerifier {
    public struct Report: Sendable {
        /// Every problem, each naming the path it is about.
        public var problems: [String] = []
        public var records = 0
        public var files = 0
        public var rerendered = 0
        public var ok: Bool { problems.isEmpty }
    }

    public static func verify(_ store: ArchiveStore, key: URL?, rerender: Bool) throws -> Report {
        var report = Report()
        let fm = FileManager.default
        guard fm.fileExists(atPath: store.records.path) else {
            throw ArchiveError.store(path: store.root.path, reason: "not an archive store (no records/)")
        }
        let publicKey = try key.map(SigningKey.readPublic)
        let stored = fm.contents(atPath: store.catalogURL.path).flatMap {
            try? JSONDecoder().decode(ArchiveCatalog.self, from: $0)
        }
        let ids = store.recordIDs()
        for id in ids {
            report.records += 1
            let folder = store.records.appendingPathComponent(id)
            let recordPath = "records/\(id)"
            guard let manifestData = fm.contents(atPath: folder.appendingPathComponent("manifest.json").path) else {
                report.problems.append("\(recordPath)/manifest.json: missing")
                continue
            }
            if let known = stored?.records.first(where: { $0.record == id })?.manifestSHA256,
                known != Hashing.sha256(manifestData)
            {
                report.problems.append(
                    "\(recordPath)/manifest.json: altered since it was archived (SHA-256 differs from the catalog's)")
            } else if stored != nil && stored?.records.contains(where: { $0.record == id }) == false {
                report.problems.append("\(recordPath): added (not in catalog.json)")
            }
            if let publicKey { checkSignature(folder, manifestData, publicKey, recordPath, &report) }
            guard let manifest = try? ArchiveManifest.decode(manifestData) else {
                report.problems.append("\(recordPath)/manifest.json: not a readable manifest")
                continue
            }
            checkFiles(folder, manifest, recordPath, &report)
            if rerender { rerenderRecord(folder, manifest, recordPath, &report) }
        }
        for r in stored?.records ?? [] where !ids.contains(r.record) {
            report.problems.append("records/\(r.record): missing (listed in catalog.json)")
        }
        let expected: Set<String> = ["records", "catalog.json", ".staging", ".lock"]
        for name in (try? fm.contentsOfDirectory(atPath: store.root.path)) ?? []
        where !expected.contains(name) && !name.hasPrefix(".catalog.json.tmp") {
            report.problems.append("\(name): added (not part of the store)")
        }
        return report
    }

    private static func checkSignature(
        _ folder: URL, _ manifest: Data, _ key: Curve25519.Signing.PublicKey, _ recordPath: String, _ report: inout Report
    ) {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("manifest.sig"), encoding: .utf8) else {
            report.problems.append("\(recordPath)/manifest.sig: missing (the record is not signed)")
            return
        }
        guard let signature = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            key.isValidSignature(signature, for: manifest)
        else {
            report.problems.append("\(recordPath)/manifest.sig: the signature does not verify with this public key")
            return
        }
    }

    private static func checkFiles(_ folder: URL, _ manifest: ArchiveManifest, _ recordPath: String, _ report: inout Report) {
        let fm = FileManager.default
        var listed = Set<String>(["manifest.json", "manifest.sig"])
        for file in manifest.files {
            listed.insert(file.path)
            report.files += 1
            guard let data = fm.contents(atPath: folder.appendingPathComponent(file.path).path) else {
                report.problems.append("\(recordPath)/\(file.path): missing")
                continue
            }
            let sha = Hashing.sha256(data)
            if sha != file.sha256 {
                report.problems.append(
                    "\(recordPath)/\(file.path): altered (SHA-256 \(sha.prefix(12))…, archived \(file.sha256.prefix(12))…)")
            }
        }
        for path in FileTree.regularFiles(in: folder) where !listed.contains(path) {
            report.problems.append("\(recordPath)/\(path): added (not in the manifest)")
        }
    }

    /// Renders again from the archived dataset and templates and compares every document.
    private static func rerenderRecord(_ folder: URL, _ manifest: ArchiveManifest, _ recordPath: String, _ report: inout Report) {
        let dataset = folder.appendingPathComponent("dataset/\(manifest.dataset)")
        let options = RenderJob.Options(
            output: folder, templates: folder.appendingPathComponent("templates"),
            kinds: manifest.kinds.compactMap(DocumentKind.init), formats: manifest.formats.compactMap(OutputFormat.init),
            unit: manifest.unit)
        let files: [RenderedFile]
        do { files = try RenderJob.prepare(Pipeline.check(dataset), options) } catch {
            let reason = error.localizedDescription
            report.problems.append("\(recordPath): cannot be rendered again from its archived dataset: \(reason)")
            return
        }
        let archived = Dictionary(manifest.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let rendered = Set(files.map { RecordContents.archivedPath($0.path) })
        for file in manifest.files where file.role == "document" && !rendered.contains(file.path) {
            report.problems.append("\(recordPath)/\(file.path): archived, but the archived dataset does not render it")
        }
        for file in files where file.path != RenderProvenance.fileName {
            let path = RecordContents.archivedPath(file.path)
            report.rerendered += 1
            let sha = Hashing.sha256(Data(file.content.precomposedStringWithCanonicalMapping.utf8))
            if archived[path] == nil {
                report.problems.append("\(recordPath)/\(path): rendered from the archived dataset but not archived")
            } else if archived[path] != sha {
                report.problems.append(
                    "\(recordPath)/\(path): does not follow from the archived dataset and templates (rendering it again gives different content)"
                )
            }
        }
    }
}
