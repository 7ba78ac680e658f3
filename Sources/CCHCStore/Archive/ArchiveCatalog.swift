import CCHCDocuments
import Foundation

/// catalog.json: what was issued, for which year, unit and kind. It is derived from the records'
/// manifests (and rebuilt from them whenever it is missing or stale), written by rename.
public struct ArchiveCatalog: Codable, Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        public var record: String
        public var path: String
        public var sha256: String
        public var document: DocumentMetadata
    }

    public struct RecordEntry: Codable, Sendable, Equatable {
        public var record: String
        public var dataset: String
        public var year: Int
        public var signedOffBy: String
        public var date: String
        public var signed: Bool
        /// SHA-256 of manifest.json as archived: an edited manifest no longer matches.
        public var manifestSHA256: String
    }

    public var records: [RecordEntry] = []
    public var documents: [Entry] = []

    package init() {}

    /// The documents matching every filter given, in record then path order.
    public func documents(year: Int? = nil, unit: String? = nil, kind: String? = nil) -> [Entry] {
        documents.filter { e in
            (year == nil || e.document.year == year) && (unit == nil || e.document.unit == unit)
                && (kind == nil || e.document.kind == kind)
        }
    }

    package mutating func add(_ manifest: ArchiveManifest, manifestSHA256: String, signed: Bool) {
        records.append(
            RecordEntry(
                record: manifest.record, dataset: manifest.dataset, year: manifest.year,
                signedOffBy: manifest.signedOffBy, date: manifest.date, signed: signed, manifestSHA256: manifestSHA256))
        for f in manifest.files {
            guard let d = f.document else { continue }
            documents.append(Entry(record: manifest.record, path: f.path, sha256: f.sha256, document: d))
        }
        records.sort { $0.record < $1.record }
        documents.sort { ($0.record, $0.path) < ($1.record, $1.path) }
    }

    package func encoded() throws -> Data { try ArchiveManifest.encoder().encode(self) + Data("\n".utf8) }
}
