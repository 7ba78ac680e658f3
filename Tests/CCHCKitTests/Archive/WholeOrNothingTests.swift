import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore

/// A folder removed under a running render or archive, or a dataset file saved again during an
/// archive, gives an error and nothing in place, never an incomplete set or a record whose
/// dataset does not give its documents (issue 26, findings 7 and 8). The races are reproduced at
/// fault points, each followed by `verify`.
@Suite struct WholeOrNothingTests {
    /// The staging folders beside `folder` (`.<name>.cchc-new-…`).
    private func staging(beside folder: URL) -> [URL] {
        let parent = folder.deletingLastPathComponent()
        return ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
            .filter { $0.hasPrefix(".\(folder.lastPathComponent).cchc-new-") }.map { parent.appendingPathComponent($0) }
    }

    @Test func aRenderWhoseStagingFolderIsRemovedPutsNothingInPlace() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let out = try f.render("quang-binh-2021")
        let before = try FileTree.files(in: out, hidden: true).sorted().map {
            try Data(contentsOf: out.appendingPathComponent($0))
        }
        let dataset = f.root.appendingPathComponent("a/quang-binh-2021")
        FaultPoint.when("staged-file-written", under: out.deletingLastPathComponent()) {
            for folder in staging(beside: out) { try? FileManager.default.removeItem(at: folder) }
        }
        let error = #expect(throws: RenderError.self) {
            try RenderJob.run(dataset, .init(output: out, templates: Rendered.templates))
        }
        #expect(error?.localizedDescription.contains("cannot be written") == true, "\(String(describing: error))")
        let after = try FileTree.files(in: out, hidden: true).sorted().map {
            try Data(contentsOf: out.appendingPathComponent($0))
        }
        #expect(before == after, "the previous output is as it was")
        #expect(staging(beside: out).isEmpty, "the staging folder was made again")
    }

    @Test func aRenderWhoseOutputParentIsRemovedLeavesNothing() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let dataset = f.root.appendingPathComponent("a/quang-binh-2021")
        try FileManager.default.createDirectory(at: dataset.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.input("quang-binh-2021"), to: dataset)
        let parent = f.root.appendingPathComponent("parent")
        let out = parent.appendingPathComponent("out")
        // Other documents are being written as the folder goes: its removal is tried until it is
        // gone (a file made in it meanwhile fails the first tries), as a clean-up tool would.
        FaultPoint.when("staged-file-written", under: parent) {
            for _ in 0..<200 where FileManager.default.fileExists(atPath: parent.path) {
                try? FileManager.default.removeItem(at: parent)
            }
        }
        #expect(throws: RenderError.self) { try RenderJob.run(dataset, .init(output: out, templates: Rendered.templates)) }
        #expect(!FileManager.default.fileExists(atPath: parent.path), "the removed folder was made again")
    }

    @Test func anArchiveWhoseRecordFolderIsRemovedArchivesNothing() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("quang-binh-2021")
        let record = f.store.appendingPathComponent(".staging/2021-quang-binh-2021")
        FaultPoint.when("record-file-written", under: record) { try? FileManager.default.removeItem(at: record) }
        #expect(throws: (any Error).self) { try Archiver.archive(rendered, .init(store: f.store)) }
        #expect(ArchiveStore(f.store).recordIDs().isEmpty)
        #expect(try f.verify().ok)
        // Archived again, whole.
        guard case .archived = try Archiver.archive(rendered, .init(store: f.store)) else {
            Issue.record("not archived again")
            return
        }
        #expect(try f.verify().ok)
    }

    @Test func aDatasetSavedAgainDuringTheArchiveIsRefused() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("quang-binh-2021")
        let dataset = f.root.appendingPathComponent("a/quang-binh-2021")
        let scores = dataset.appendingPathComponent("scores.csv")
        let original = try Data(contentsOf: scores)
        FaultPoint.when("dataset-rendered", under: dataset) {
            try?
                (String(decoding: original, as: UTF8.self).replacingOccurrences(
                    of: "\"1,5\"", with: "\"1\"", options: [], range: nil))
                .write(to: scores, atomically: true, encoding: .utf8)
        }
        let error = #expect(throws: (any Error).self) { try Archiver.archive(rendered, .init(store: f.store)) }
        #expect(
            "\(String(describing: error))".contains("changed while it was being archived"), "\(String(describing: error))")
        #expect(ArchiveStore(f.store).recordIDs().isEmpty)
    }

    @Test func archivingAgainComparesTheRecordsFilesNotOnlyItsManifest() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("quang-binh-2021")
        _ = try Archiver.archive(rendered, .init(store: f.store))
        let damaged = f.record("2021-quang-binh-2021").appendingPathComponent("documents/ke-hoach.html")
        try FileManager.default.removeItem(at: damaged)
        let error = #expect(throws: (any Error).self) { try Archiver.archive(rendered, .init(store: f.store)) }
        #expect(
            "\(String(describing: error))".contains("its files no longer match its manifest"), "\(String(describing: error))")
    }

    @Test func noLockFileIsLeftBesideTheOutput() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let out = try f.render("quang-binh-2021")
        _ = try Archiver.archive(out, .init(store: f.store))
        let beside = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(beside == ["quang-binh-2021"], "\(beside)")
    }
}

/// A file the officer saves into the output while a render runs is never moved aside or deleted:
/// the render is refused, naming it, and the folder stays as it was (issue 26, finding 11).
@Suite struct ForeignFileDuringRenderTests {
    @Test func aFileSavedIntoTheOutputDuringARenderIsNamedAndKept() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let out = try f.render("quang-binh-2021")
        let before = FileTree.files(in: out, hidden: true).sorted()
        let dataset = f.root.appendingPathComponent("a/quang-binh-2021")
        let note = out.appendingPathComponent("ghi-chu.docx")
        FaultPoint.when("staged-file-written", under: out.deletingLastPathComponent()) {
            try? Data("của tôi".utf8).write(to: note)
        }
        let error = #expect(throws: RenderError.self) {
            try RenderJob.run(dataset, .init(output: out, templates: Rendered.templates))
        }
        #expect(error?.localizedDescription.contains("ghi-chu.docx") == true, "\(String(describing: error))")
        #expect(try Data(contentsOf: note) == Data("của tôi".utf8))
        #expect(FileTree.files(in: out, hidden: true).sorted() == (before + ["ghi-chu.docx"]).sorted())
        let beside = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(beside == ["quang-binh-2021"], "nothing hidden beside the output: \(beside)")
    }
}
