import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore
@testable import CCHCWriters

/// The archive compares by the hashes its render took while writing, and makes the record of the
/// render's own files (issue 31): each checked here against a reference that reads what was
/// written.
@Suite struct RecordByHashTests {
    @Test func theRendersHashesAreThoseOfTheFilesItWrote() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let out = f.root.appendingPathComponent("out")
        var options = RenderJob.Options(output: out, templates: Rendered.templates)
        options.hashes = true
        let batch = try Pipeline.checking.then(.render(options)).run(Pipeline.Batch(TestPaths.input("an-giang-2022")))
        let outcome = try #require(batch.rendered)
        let written = outcome.paths.filter { $0 != RenderProvenance.fileName }
        #expect(Set(outcome.hashes.keys) == Set(written))
        for path in written {
            // The reference: the file read back and hashed by swift-crypto's SHA256 on its own.
            let data = try Data(contentsOf: out.appendingPathComponent(path))
            #expect(outcome.hashes[path] == Hashing.sha256(data), "\(path)")
        }
    }

    @Test func aRecordHoldsTheRenderedBytesAndVerifies() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("an-giang-2022")
        try Archiver.archive(rendered, .init(store: f.store))
        let record = f.record("2022-an-giang-2022")
        let manifest = try ArchiveStore(f.store).manifest("2022-an-giang-2022")
        for file in manifest.files where file.role == .document || file.role == .results {
            let path = file.path.hasPrefix("documents/") ? String(file.path.dropFirst("documents/".count)) : file.path
            let archived = try Data(contentsOf: record.appendingPathComponent(file.path))
            #expect(archived == (try Data(contentsOf: rendered.appendingPathComponent(path))), "\(file.path)")
            #expect(file.bytes == archived.count)
        }
        #expect(try f.verify(rerender: true).ok)
    }

    @Test func aFileOfTheRenderIsLinkedWhereItCanBeAndCopiedWhereItCannot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-link-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("render/ke-hoach.html")
        try FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("<p>Kế hoạch</p>".utf8).write(to: source)
        var contents = RecordContents()
        let sha = Hashing.sha256(try Data(contentsOf: source))
        contents.sources["documents/ke-hoach.html"] = .rendered(source, sha256: sha)
        contents.entries = [ArchivedFile(path: "documents/ke-hoach.html", sha256: sha, bytes: 18, role: .document)]
        for (name, linking) in [("linked", true), ("copied", false)] {
            let folder = root.appendingPathComponent(name)
            try RecordWriter.write(contents, manifest: Data("{}".utf8), signature: nil, to: folder, linking: linking)
            let copy = folder.appendingPathComponent("documents/ke-hoach.html")
            #expect(try Data(contentsOf: copy) == Data(contentsOf: source))
            var info = stat()
            #expect(lstat(copy.path, &info) == 0)
            #expect(info.st_nlink == (linking ? 2 : 1), "\(name)")
        }
        // A copy that no longer has the hash the entry was made with stops the write.
        contents.sources["documents/ke-hoach.html"] = .rendered(source, sha256: sha)
        try Data("<p>Ke hoach</p>".utf8).write(to: source)
        contents.entries[0].sha256 = sha
        let error = #expect(throws: ArchiveError.self) {
            try RecordWriter.write(
                contents, manifest: Data("{}".utf8), signature: nil, to: root.appendingPathComponent("changed"), linking: false)
        }
        #expect("\(String(describing: error))".contains("changed while it was being archived"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("changed").path))
    }

    /// A dataset file is archived NFC whatever saved it; the quick check passes NFC text as it is,
    /// and the reference is Foundation's normalisation of the same text.
    @Test func aDatasetFileIsArchivedNFC() {
        let decomposed = "unit,code,evidence\nstp,1.1,Ke\u{0302}\u{0301} hoa\u{0323}ch so\u{0302}\u{0301} 12\n"
        for text in [decomposed, decomposed.precomposedStringWithCanonicalMapping, "unit,code\nstp,1.1\n"] {
            let archived = RecordContents.archivedBytes("dataset/x/scores.csv", Data(text.utf8))
            #expect(archived == Data(text.precomposedStringWithCanonicalMapping.utf8))
        }
        #expect(
            RecordContents.archivedBytes("dataset/x/scores.xlsx", Data(decomposed.utf8)) == Data(decomposed.utf8),
            "a workbook is not text")
        let notUTF8 = Data([0x4B, 0xEA, 0x20, 0x68])  // Windows-1258 bytes: kept as they are
        #expect(RecordContents.archivedBytes("dataset/x/units.csv", notUTF8) == notUTF8)
    }
}
