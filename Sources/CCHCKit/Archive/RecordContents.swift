import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The files of a record, NFC-normalised where they are text, with their manifest entries.
struct RecordContents {
    var data: [String: Data] = [:]
    var entries: [ArchivedFile] = []

    static let textExtensions: Set<String> = ["html", "xml", "txt", "csv", "yaml", "yml", "json", "mustache", "xsd"]

    static func collect(
        _ output: (documents: [OfficialDocument], files: [RenderedFile]), dataset: Dataset, templates: URL,
        formats: [OutputFormat]
    ) throws -> RecordContents {
        var c = RecordContents()
        let metadata = DocumentMetadata.byPath(output.documents, formats: formats)
        for file in output.files where file.path != RenderProvenance.fileName {
            c.add(
                archivedPath(file.path), Data(file.bytes),
                role: RenderJob.sidecars.contains(file.path) ? "results" : "document", document: metadata[file.path])
        }
        for name in DatasetFiles.names(in: dataset.folder) {
            guard let bytes = try readPlainFile(dataset.folder.appendingPathComponent(name)) else { continue }
            c.add("dataset/\(dataset.name)/\(name)", bytes, role: "input")
        }
        for format in formats {
            let folder = templates.appendingPathComponent(format.rawValue)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
            where name.hasSuffix(".mustache") || name.hasSuffix(".xsd") {
                if let bytes = try readPlainFile(folder.appendingPathComponent(name)) {
                    c.add("templates/\(format.rawValue)/\(name)", bytes, role: "template")
                }
            }
        }
        c.add("VERSION", Data("cchc \(CCHC.version)\n".utf8), role: "tool")
        c.entries.sort { $0.path < $1.path }
        return c
    }

    /// Where a rendered file lies in a record: documents under `documents/`, the results files
    /// (results.json, results.csv) at the top.
    static func archivedPath(_ renderedPath: String) -> String {
        RenderJob.sidecars.contains(renderedPath) ? renderedPath : "documents/\(renderedPath)"
    }

    mutating func add(_ path: String, _ bytes: Data, role: String, document: DocumentMetadata? = nil) {
        let ext = (path as NSString).pathExtension.lowercased()
        var content = bytes
        if Self.textExtensions.contains(ext), let text = String(data: bytes, encoding: .utf8) {
            content = Data(text.precomposedStringWithCanonicalMapping.utf8)
        }
        data[path] = content
        entries.append(
            ArchivedFile(path: path, sha256: Hashing.sha256(content), bytes: content.count, role: role, document: document))
    }

    /// The bytes of a regular file, `nil` when there is none; a symbolic link or a special file
    /// in its place is refused (an archive signs only what cchc read, never what a link points to).
    private static func readPlainFile(_ url: URL) throws -> Data? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            throw ArchiveError.refusedInput(
                path: url.path, reason: "is a symbolic link; the archive takes only real files (copy the file in its place)")
        }
        if let kind = DatasetFiles.notAFile(info.st_mode) {
            throw ArchiveError.refusedInput(path: url.path, reason: "is \(kind); the archive takes only regular files")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ArchiveError.refusedInput(path: url.path, reason: "cannot be read")
        }
        return data
    }
}

extension DocumentMetadata {
    /// The metadata of every rendered document file, by its path (`quyet-dinh.html`).
    static func byPath(_ documents: [OfficialDocument], formats: [OutputFormat]) -> [String: DocumentMetadata] {
        var out: [String: DocumentMetadata] = [:]
        for d in documents {
            for f in formats {
                let h = d.header
                out["\(d.path).\(f.rawValue)"] = DocumentMetadata(
                    kind: d.kind.rawValue, typeName: d.kind.typeTitle, format: f.rawValue,
                    unit: d.unit, codeNumber: h.number.map(String.init) ?? "", codeNotation: h.symbol,
                    issuedDate: h.date?.iso ?? "",
                    organName: h.organName, subject: h.subject, signer: d.signer.name, language: "vi", year: d.year)
            }
        }
        return out
    }
}

/// Writes a record's files under staging, fsyncing each.
enum RecordWriter {
    static func write(_ files: [String: Data], manifest: Data, signature: Data?, to folder: URL) throws {
        let fm = FileManager.default
        let pause = ProcessInfo.processInfo.environment["CCHC_ARCHIVE_PAUSE_MS"].flatMap(UInt32.init) ?? 0
        do {
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                guard ContainedPath.isContained(path) else {
                    throw ArchiveError.store(path: path, reason: "would lie outside the record")
                }
                let url = folder.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try SyncedFile.write(data, to: url)
                // Fault injection for the tests: a window in which to kill the process mid-record.
                if pause > 0 { usleep(pause * 1000) }
            }
            try SyncedFile.write(manifest, to: folder.appendingPathComponent("manifest.json"))
            if let signature {
                try SyncedFile.write(
                    Data((signature.base64EncodedString() + "\n").utf8), to: folder.appendingPathComponent("manifest.sig"))
            }
            SyncedFile.syncDirectory(folder)
        } catch let error as ArchiveError {
            try? fm.removeItem(at: folder)
            throw error
        } catch {
            try? fm.removeItem(at: folder)
            throw ArchiveError.store(path: folder.path, reason: error.localizedDescription)
        }
    }
}
