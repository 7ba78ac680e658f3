import CCHCDocuments
import CCHCTemplate
import Foundation

/// manifest.json of an archived record: every file with its SHA-256 and, for documents, the
/// archive metadata of Thông tư 02/2019/TT-BNV (code, type, number and notation, date, organ,
/// subject, language, signer). Written with sorted keys, so the same record gives the same bytes.
public struct ArchiveManifest: Codable, Sendable, Equatable {
    public static let formatName = "cchc-archive/1"

    public var format: String
    /// `2022-an-giang-2022`: the assessed year and the dataset.
    public var record: String
    public var dataset: String
    public var year: Int
    public var tool: String
    public var signedOffBy: String
    /// The sign-off date, `YYYY-MM-DD`; empty when not given.
    public var date: String
    /// What was rendered, so `verify --rerender` renders the same (a kind or format this cchc does
    /// not know makes the manifest unreadable: never dropped in silence).
    public var kinds: [DocumentKind]
    public var formats: [OutputFormat]
    public var unit: String?
    public var files: [ArchivedFile]

    package init(
        format: String, record: String, dataset: String, year: Int, tool: String, signedOffBy: String, date: String,
        kinds: [DocumentKind], formats: [OutputFormat], unit: String? = nil, files: [ArchivedFile]
    ) {
        self.format = format
        self.record = record
        self.dataset = dataset
        self.year = year
        self.tool = tool
        self.signedOffBy = signedOffBy
        self.date = date
        self.kinds = kinds
        self.formats = formats
        self.unit = unit
        self.files = files
    }
}

/// One file of a record.
public struct ArchivedFile: Codable, Sendable, Equatable {
    /// `documents/…`, `dataset/…`, `templates/…`, `results.json`, `results.csv`, `results.xlsx`, `VERSION`.
    public var path: String
    public var sha256: String
    public var bytes: Int
    public var role: ArchiveRole
    public var document: DocumentMetadata?
    /// For a PDF: the SHA-256 of the HTML it is the print of (a newer browser prints the same
    /// HTML into other bytes; `verify --rerender` then proves the PDF by this and by its text).
    public var printOf: String?

    package init(
        path: String, sha256: String, bytes: Int, role: ArchiveRole, document: DocumentMetadata? = nil, printOf: String? = nil
    ) {
        (self.path, self.sha256, self.bytes, self.role, self.document, self.printOf) = (
            path, sha256, bytes, role, document, printOf
        )
    }
}

/// What a file of a record is.
public enum ArchiveRole: String, Codable, Sendable {
    /// A document rendered (`documents/…`).
    case document
    /// A dataset file the documents were made from (`dataset/…`).
    case input
    /// A template they were rendered with (`templates/…`).
    case template
    /// results.json, results.csv, results.xlsx.
    case results
    /// VERSION: the cchc that made the record.
    case tool
}

extension ArchiveManifest {
    package static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    public func encoded() throws -> Data { try Self.encoder().encode(self) + Data("\n".utf8) }

    public static func decode(_ data: Data) throws -> ArchiveManifest {
        try JSONDecoder().decode(ArchiveManifest.self, from: data)
    }
}
