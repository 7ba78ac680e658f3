import CCHCCore
import CCHCDocuments
import CCHCInput
import CCHCStore
import CCHCTemplate
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The files of a record, with their manifest entries. The documents are those of the render
/// cchc made again, hashed as they were written and linked (or copied) into the record; the
/// dataset and the templates are read when hashed and again when copied, one at a time, so
/// archiving a national set holds one file in memory, not the set.
package struct RecordContents {
    /// Where a file of the record comes from.
    package enum Source: Sendable {
        /// A file of cchc's own render, in its scratch folder, with the SHA-256 it was written with.
        case rendered(URL, sha256: String)
        /// An input or a template (a symbolic link or a special file is refused).
        case input(URL)
        case bytes(Data)
    }

    package var sources: [String: Source] = [:]
    package var entries: [ArchivedFile] = []

    package static let textExtensions: Set<String> = ["html", "xml", "txt", "csv", "yaml", "yml", "json", "mustache", "xsd"]

    /// The record of a render: the files of `outcome`, rendered into `fresh` (the officer's
    /// rendered folder is checked to hold those very files first, `RenderedFolderCheck`), the
    /// dataset files cchc reads, the templates of the formats rendered, and the tool's version.
    /// - Parameter sizes: each rendered file's size.
    /// - Parameter reads: what was read of the dataset to make the documents: each dataset file
    ///   must still be those bytes.
    package static func collect(
        fresh: URL, _ outcome: RenderOutcome, sizes: [String: Int], dataset: Dataset, templates: TemplateSet,
        formats: [OutputFormat], reads: DatasetReads? = nil
    ) throws -> RecordContents {
        var c = RecordContents()
        for path in outcome.paths where path != RenderProvenance.fileName {
            guard let sha256 = outcome.hashes[path], let size = sizes[path] else {
                throw ArchiveError.store(path: path, reason: "was not hashed as it was rendered")
            }
            let archived = archivedPath(path)
            c.sources[archived] = .rendered(fresh.appendingPathComponent(path), sha256: sha256)
            c.entries.append(
                ArchivedFile(
                    path: archived, sha256: sha256, bytes: size, role: RenderJob.sidecars.contains(path) ? .results : .document,
                    document: outcome.metadata[path], printOf: outcome.printOf[path]))
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

    /// An input's bytes as archived: text NFC-normalised, so the same dataset always has the
    /// same hash whatever program saved it last. (cchc writes its own files NFC.)
    package static func archivedBytes(_ path: String, _ bytes: Data) -> Data {
        let ext = (path as NSString).pathExtension.lowercased()
        guard textExtensions.contains(ext) else { return bytes }
        // Most files are NFC already (a national scores.csv is 12 MB): the quick check passes them
        // as they are, without Foundation's normalisation.
        if bytes.withUnsafeBytes({ TextDecoder.isNFCByQuickCheck($0.bindMemory(to: UInt8.self)) }) { return bytes }
        guard let text = String(data: bytes, encoding: .utf8) else { return bytes }
        return Data(text.precomposedStringWithCanonicalMapping.utf8)
    }

    /// The bytes of `path` as archived, read from its source now.
    package func bytes(of path: String) throws -> Data {
        switch sources[path] {
        case .rendered(let url, _):
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ArchiveError.store(path: url.path, reason: "cannot be read")
            }
            return data
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
