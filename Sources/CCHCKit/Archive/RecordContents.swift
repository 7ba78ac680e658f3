import CCHCCore
import CCHCDocuments
import CCHCInput
import CCHCStore
import CCHCTemplate
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The files of a record, with their manifest entries. Each file is read from where it lies (the
/// rendered documents, the dataset, the templates) when it is hashed and again when it is copied,
/// one at a time, so archiving a national set holds one file in memory, not the set.
package struct RecordContents {
    /// Where a file of the record comes from.
    package enum Source: Sendable {
        /// A file cchc rendered (read as it is).
        case rendered(URL)
        /// An input or a template (a symbolic link or a special file is refused).
        case input(URL)
        case bytes(Data)
    }

    package var sources: [String: Source] = [:]
    package var entries: [ArchivedFile] = []

    package static let textExtensions: Set<String> = ["html", "xml", "txt", "csv", "yaml", "yml", "json", "mustache", "xsd"]

    /// The record of a render: its files in `folder` (as `outcome` lists them), the dataset
    /// files cchc reads, the templates of the formats rendered, and the tool's version.
    /// - Parameter reads: what was read of the dataset to make the documents: each dataset file
    ///   must still be those bytes.
    package static func collect(
        rendered folder: URL, _ outcome: RenderOutcome, dataset: Dataset, templates: TemplateSet, formats: [OutputFormat],
        reads: DatasetReads? = nil
    ) throws -> RecordContents {
        var c = RecordContents()
        for path in outcome.paths where path != RenderProvenance.fileName {
            try c.add(
                archivedPath(path), .rendered(folder.appendingPathComponent(path)),
                role: RenderJob.sidecars.contains(path) ? .results : .document, document: outcome.metadata[path])
        }
        for name in DatasetFiles.names(in: dataset.folder) {
            let url = dataset.folder.appendingPathComponent(name)
            guard let raw = try readPlainFile(url) else { throw ArchiveError.store(path: url.path, reason: "missing") }
            try reads?.requireSame(name, raw)
            try c.add("dataset/\(dataset.name)/\(name)", .input(url), role: .input, read: raw)
        }
        // The templates as the render used them (the wording and each format's): the user's files, and
        // the built-in ones they did not replace.
        let used =
            templates.files(under: "wording") + OutputFormat.templated(formats).flatMap { templates.files(of: $0) }
            + (formats.contains(.docx) ? templates.files(of: .docx) : [])
        for file in used {
            let source: Source = file.url.map { .input($0) } ?? .bytes(file.data() ?? Data())
            try c.add("templates/\(file.path)", source, role: .template)
        }
        try c.add("VERSION", .bytes(Data("cchc \(CCHC.version)\n".utf8)), role: .tool)
        c.entries.sort { $0.path < $1.path }
        return c
    }

    /// Where a rendered file lies in a record: documents under `documents/`, the results files
    /// (results.json, results.csv, results.xlsx) at the top.
    package static func archivedPath(_ renderedPath: String) -> String {
        RenderJob.sidecars.contains(renderedPath) ? renderedPath : "documents/\(renderedPath)"
    }

    /// A file's bytes as archived: text NFC-normalised, so the same document always has the
    /// same hash.
    package static func archivedBytes(_ path: String, _ bytes: Data) -> Data {
        let ext = (path as NSString).pathExtension.lowercased()
        guard textExtensions.contains(ext), let text = String(data: bytes, encoding: .utf8) else { return bytes }
        return Data(text.precomposedStringWithCanonicalMapping.utf8)
    }

    /// The bytes of `path` as archived, read from its source now.
    package func bytes(of path: String) throws -> Data {
        switch sources[path] {
        case .rendered(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ArchiveError.store(path: url.path, reason: "cannot be read")
            }
            return Self.archivedBytes(path, data)
        case .input(let url):
            guard let data = try Self.readPlainFile(url) else { throw ArchiveError.store(path: url.path, reason: "missing") }
            return Self.archivedBytes(path, data)
        case .bytes(let data): return data
        case nil: throw ArchiveError.store(path: path, reason: "not part of the record")
        }
    }

    /// Adds a file: its entry, hashed as archived, and where to read it from again. `read`: its
    /// bytes when the caller has just read them from `source`.
    private mutating func add(
        _ path: String, _ source: Source, role: ArchiveRole, document: DocumentMetadata? = nil, read: Data? = nil
    ) throws {
        sources[path] = source
        let content = try read.map { Self.archivedBytes(path, $0) } ?? bytes(of: path)
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

/// Writes a record's files under staging, fsyncing each; a file that no longer has the hash
/// its manifest entry was made with (it changed while being archived) stops the write.
package enum RecordWriter {
    /// Writes the record into the new folder `folder` (its parent, the store's staging, must
    /// exist: nothing above the record is made) through a descriptor held open, and returns the
    /// folder held, for `requireComplete` before it is moved into place.
    @discardableResult
    package static func write(_ contents: RecordContents, manifest: Data, signature: Data?, to folder: URL) throws -> HeldFolder {
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
                let data = try contents.bytes(of: entry.path)
                guard Hashing.sha256(data) == entry.sha256 else {
                    throw ArchiveError.store(path: entry.path, reason: "changed while it was being archived; archive again")
                }
                try held.write(data, at: entry.path, sync: true)
                FaultPoint.reached("record-file-written", at: folder.path + "/" + entry.path)
            }
            try held.write(manifest, at: "manifest.json", sync: true)
            if let signature {
                try held.write(Data((signature.base64EncodedString() + "\n").utf8), at: "manifest.sig", sync: true)
            }
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
