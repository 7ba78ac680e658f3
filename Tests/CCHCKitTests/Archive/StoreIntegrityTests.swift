import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit
@testable import CCHCStore

/// One store, one key; a store is its own folders and files; a signed store is never "OK" empty
/// (issue 26, findings 6 and 10).
@Suite struct StoreIntegrityTests {
    private func key(_ f: ArchiveFixture, _ name: String) throws -> URL {
        let url = f.root.appendingPathComponent(name)
        try SigningKey.generate(at: url)
        return url
    }

    /// A signed store refuses an archive without a key and one with another key: afterwards its
    /// key still verifies every record, and the refused archives left nothing.
    @Test func aSignedStoreRefusesAnUnsignedArchiveAndAnotherKey() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let (mine, theirs) = (try key(f, "mine"), try key(f, "theirs"))
        let first = try f.render("quang-binh-2021")
        guard case .archived = try Archiver.archive(first, .init(store: f.store, key: mine)) else {
            Issue.record("not archived")
            return
        }
        let second = try f.render("ha-nam-2018")
        let unsigned = #expect(throws: (any Error).self) { try Archiver.archive(second, .init(store: f.store)) }
        #expect(
            unsigned?.localizedDescription.contains(
                "is signed: every record of it must be signed with its key; expected --sign KEY")
                == true, "\(String(describing: unsigned))")
        let other = #expect(throws: (any Error).self) { try Archiver.archive(second, .init(store: f.store, key: theirs)) }
        #expect(
            other?.localizedDescription.contains("was signed with another key") == true, "\(String(describing: other))")
        let report = try f.verify(key: SigningKey.publicURL(mine))
        #expect(report.problems.isEmpty && report.records == 1, "\(report.problems)")
        // The right key still archives.
        guard case .archived = try Archiver.archive(second, .init(store: f.store, key: mine)) else {
            Issue.record("not archived with the store's key")
            return
        }
        #expect(try f.verify(key: SigningKey.publicURL(mine)).problems.isEmpty)
    }

    /// An unsigned store with records refuses a key: its earlier records could never be verified with it.
    @Test func anUnsignedStoreRefusesAKey() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let mine = try key(f, "mine")
        _ = try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        let error = #expect(throws: (any Error).self) {
            try Archiver.archive(try f.render("ha-nam-2018"), .init(store: f.store, key: mine))
        }
        #expect(error?.localizedDescription.contains("was archived without a key") == true, "\(String(describing: error))")
    }

    /// `verify` does not follow a link out of the store: records/, a record folder, a manifest.
    @Test func verifyRefusesLinksForRecordsRecordFoldersAndManifests() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let mine = try key(f, "mine")
        _ = try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store, key: mine))
        let fm = FileManager.default
        let record = f.record("2021-quang-binh-2021")
        let elsewhere = f.root.appendingPathComponent("elsewhere")
        // A manifest that is a link to a copy of itself.
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try fm.copyItem(at: record.appendingPathComponent("manifest.json"), to: elsewhere.appendingPathComponent("manifest.json"))
        try fm.removeItem(at: record.appendingPathComponent("manifest.json"))
        try fm.createSymbolicLink(
            at: record.appendingPathComponent("manifest.json"),
            withDestinationURL: elsewhere.appendingPathComponent("manifest.json"))
        var report = try f.verify(key: SigningKey.publicURL(mine))
        #expect(report.problems.contains { $0.contains("manifest.json: a symbolic link") }, "\(report.problems)")
        // The record folder a link to a copy of it.
        let copy = f.root.appendingPathComponent("copy")
        try fm.copyItem(at: record, to: copy)
        try fm.removeItem(at: record)
        try fm.createSymbolicLink(at: record, withDestinationURL: copy)
        report = try f.verify(key: SigningKey.publicURL(mine))
        #expect(report.problems.contains { $0.contains("records/2021-quang-binh-2021: a symbolic link") }, "\(report.problems)")
        // records/ a link to a copy of it.
        let records = f.store.appendingPathComponent("records")
        let moved = f.root.appendingPathComponent("records-copy")
        try fm.moveItem(at: records, to: moved)
        try fm.createSymbolicLink(at: records, withDestinationURL: moved)
        let error = #expect(throws: ArchiveError.self) { try f.verify(key: SigningKey.publicURL(mine)) }
        #expect(error?.localizedDescription.contains("records: a symbolic link") == true, "\(String(describing: error))")
    }

    /// An emptied store (log, head, records and catalog removed) is not "OK, signatures checked".
    @Test func anEmptiedStoreDoesNotVerifyWithAKey() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let mine = try key(f, "mine")
        _ = try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store, key: mine))
        let fm = FileManager.default
        for name in ["store-log.jsonl", "store-head.json", "catalog.json"] {
            try fm.removeItem(at: f.store.appendingPathComponent(name))
        }
        try fm.removeItem(at: f.record("2021-quang-binh-2021"))
        let report = try f.verify(key: SigningKey.publicURL(mine))
        #expect(report.problems.contains { $0.hasPrefix("store-head.json: missing") }, "\(report.problems)")
        #expect(!report.ok)
    }

    /// `archive --store` makes a store only of a new or empty folder, or takes an existing store.
    @Test func archiveStoreAcceptsOnlyANewOrEmptyFolderOrAStore() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("quang-binh-2021")
        let fm = FileManager.default
        let home = f.root.appendingPathComponent("home")
        try fm.createDirectory(at: home, withIntermediateDirectories: true)
        try Data("thư".utf8).write(to: home.appendingPathComponent("letter.docx"))
        for folder in [home, rendered, f.root.appendingPathComponent("a/quang-binh-2021")] {
            let error = #expect(throws: (any Error).self) { try Archiver.archive(rendered, .init(store: folder)) }
            #expect(
                error?.localizedDescription.contains("is neither an archive store nor an empty folder") == true,
                "\(String(describing: error))")
            #expect(!fm.fileExists(atPath: folder.appendingPathComponent("records").path))
        }
        let empty = f.root.appendingPathComponent("empty")
        try fm.createDirectory(at: empty, withIntermediateDirectories: true)
        guard case .archived = try Archiver.archive(rendered, .init(store: empty)) else {
            Issue.record("an empty folder is a new store")
            return
        }
        #expect(try Archiver.archive(rendered, .init(store: empty)) == .unchanged(record: "2021-quang-binh-2021"))
    }
}

/// A kind, format or role this cchc does not know is an error where it is read, never dropped in
/// silence (issue 27, item 5): a record rendered again with a kind left out would prove less than
/// it says.
@Suite struct ArchiveTypesTests {
    @Test func anUnknownKindFormatOrRoleInAManifestIsAnError() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        _ = try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        let data = try Data(contentsOf: f.record("2021-quang-binh-2021").appendingPathComponent("manifest.json"))
        let text = String(decoding: data, as: UTF8.self)
        #expect(try ArchiveManifest.decode(data).kinds == DocumentKind.allCases)
        for (from, to) in [("\"plan\"", "\"planx\""), ("\"docx\"", "\"odt\""), ("\"role\" : \"tool\"", "\"role\" : \"tools\"")] {
            #expect(text.contains(from), "\(from)")
            #expect(throws: DecodingError.self) {
                try ArchiveManifest.decode(Data(text.replacingOccurrences(of: from, with: to).utf8))
            }
        }
    }

    @Test func anUnknownFormatInTheRenderMarkerIsAnError() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let out = try f.render("quang-binh-2021")
        let marker = out.appendingPathComponent(RenderProvenance.fileName)
        let text = try String(contentsOf: marker, encoding: .utf8)
        try text.replacingOccurrences(of: "\"html\"", with: "\"rtf\"").write(to: marker, atomically: true, encoding: .utf8)
        #expect(throws: ArchiveError.self) { try RenderProvenance.read(out) }
    }
}
