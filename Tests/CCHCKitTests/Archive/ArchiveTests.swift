import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore

@Suite(.serialized) struct ArchiveTests {
    @Test func archiveVerifyAndTheSameContentAgainIsANoOp() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("quang-binh-2021")
        let first = try Archiver.archive(rendered, .init(store: f.store, signedOffBy: "Nguyễn Văn A", date: "2022-02-15"))
        #expect(first == .archived(record: "2021-quang-binh-2021", files: 73))
        let before = try FileManager.default.subpathsOfDirectory(atPath: f.store.path).sorted()
        #expect(try Archiver.archive(rendered, .init(store: f.store)) == .unchanged(record: "2021-quang-binh-2021"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: f.store.path).sorted() == before)
        let report = try f.verify(rerender: true)
        #expect(report.ok, "\(report.problems)")
        #expect(report.records == 1 && report.files == 73 && report.rerendered == 11)
        let manifest = try ArchiveStore(f.store).manifest("2021-quang-binh-2021")
        #expect(manifest.signedOffBy == "Nguyễn Văn A" && manifest.date == "2022-02-15")
        let roles = Set(manifest.files.map(\.role))
        #expect(roles == [.document, .input, .template, .results, .tool])
        #expect(manifest.files.contains { $0.path == "dataset/quang-binh-2021/scores.csv" })
        // Only the files cchc reads are archived: not the dataset's README.md.
        #expect(!manifest.files.contains { $0.path == "dataset/quang-binh-2021/README.md" })
        #expect(manifest.files.contains { $0.path == "templates/xml/cchc-document.xsd" })
    }

    @Test func theCatalogAnswersWhatWasIssued() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("an-giang-2022"), .init(store: f.store))
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        let catalog = try ArchiveStore(f.store).catalog()
        #expect(catalog.records.map(\.record) == ["2021-quang-binh-2021", "2022-an-giang-2022"])
        #expect(
            catalog.documents(year: 2022, kind: "decision").map(\.path) == [
                "documents/quyet-dinh.docx", "documents/quyet-dinh.html", "documents/quyet-dinh.txt", "documents/quyet-dinh.xml",
            ])
        #expect(catalog.documents(unit: "stp").count == 12)
        #expect(
            catalog.documents(year: 2021, kind: "self-assessment").map(\.document.unit) == [
                "quang-binh", "quang-binh", "quang-binh", "quang-binh",
            ])
        let plan = try #require(catalog.documents(year: 2022, kind: "plan").first?.document)
        #expect(
            plan.issuedDate == "2023-03-22" && plan.organName == "Ủy ban nhân dân tỉnh An Giang"
                && plan.signer == "Nguyễn Thanh Bình")
    }

    @Test(arguments: ["flip", "delete", "add", "manifest"])
    func tamperingIsCaughtAndNamed(how: String) throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        let record = f.record("2021-quang-binh-2021")
        let document = record.appendingPathComponent("documents/ke-hoach.xml")
        switch how {
        case "flip":
            var bytes = try Data(contentsOf: document)
            bytes[bytes.count / 2] ^= 0x01
            try bytes.write(to: document)
        case "delete": try FileManager.default.removeItem(at: document)
        case "add": try Data("x".utf8).write(to: record.appendingPathComponent("documents/extra.html"))
        default:
            try record.appendingPathComponent("manifest.json").replacing(
                "\"signedOffBy\" : \"\"", with: "\"signedOffBy\" : \"ai đó\"")
        }
        let problems = try f.verify().problems
        let expected =
            [
                "flip": "records/2021-quang-binh-2021/documents/ke-hoach.xml: altered",
                "delete": "records/2021-quang-binh-2021/documents/ke-hoach.xml: missing",
                "add": "records/2021-quang-binh-2021/documents/extra.html: added (not in the manifest)",
                "manifest": "records/2021-quang-binh-2021/manifest.json: altered since it was archived",
            ][how] ?? ""
        #expect(problems.contains { $0.hasPrefix(expected) }, "\(problems)")
    }

    @Test func signaturesAreCheckedAgainstTheRightKey() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let key = f.root.appendingPathComponent("key")
        let other = f.root.appendingPathComponent("other")
        try SigningKey.generate(at: key)
        try SigningKey.generate(at: other)
        let mode = try FileManager.default.attributesOfItem(atPath: key.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: ArchiveError.self) { try SigningKey.generate(at: key) }
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store, key: key))
        #expect(try f.verify(key: SigningKey.publicURL(key)).ok)
        let wrong = try f.verify(key: SigningKey.publicURL(other)).problems
        #expect(
            wrong == [
                "store-log.jsonl: entry 1: the signature does not verify with this public key",
                "store-head.json: the signature does not verify with this public key",
                "records/2021-quang-binh-2021/manifest.sig: the signature does not verify with this public key",
            ])
        // Someone edits the manifest and its catalog entry together: only the signature catches it.
        let manifest = f.record("2021-quang-binh-2021").appendingPathComponent("manifest.json")
        try manifest.replacing("\"signedOffBy\" : \"\"", with: "\"signedOffBy\" : \"x\"")
        try FileManager.default.removeItem(at: f.store.appendingPathComponent("catalog.json"))
        #expect(
            try f.verify(key: SigningKey.publicURL(key)).problems.contains {
                $0.contains("manifest.sig: the signature does not verify")
            })
    }

    /// The rendered folder's cchc-render.json locates the dataset by a relative path; a record
    /// names its dataset only, and nothing of the machine's folders travels into the archive.
    @Test func aRecordHoldsNoPathOfTheMachine() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("quang-binh-2021")
        #expect(try RenderProvenance.read(rendered).dataset.hasPrefix("../"))
        try Archiver.archive(rendered, .init(store: f.store))
        let record = f.record("2021-quang-binh-2021")
        for path in try FileManager.default.subpathsOfDirectory(atPath: record.path)
        where [".json", ".xml", ".html", ".txt", ".csv", ".yaml"].contains(where: path.hasSuffix) {
            let text = try String(contentsOf: record.appendingPathComponent(path), encoding: .utf8)
            #expect(!text.contains("../") && !text.contains(f.root.path), "\(path) holds a path of this machine")
        }
        #expect(!FileManager.default.fileExists(atPath: record.appendingPathComponent("documents/cchc-render.json").path))
    }

    @Test func changedContentUnderAnArchivedRecordIsRefusedAndTheStoreIsUnchanged() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        let before = try snapshot(f.store)
        let changed = try f.render(
            "quang-binh-2021",
            edit: { try $0.appendingPathComponent("scores.csv").replacing("quang-binh,1.3,2,2", with: "quang-binh,1.3,2,1") },
            into: "b")
        let error = #expect(throws: PipelineError.self) { try Archiver.archive(changed, .init(store: f.store)) }
        let message = error?.localizedDescription ?? ""
        #expect(message.contains("record 2021-quang-binh-2021 is already archived with different content"))
        // The appraised score changes the results (a province has no council's notice to change).
        #expect(message.contains("dataset/quang-binh-2021/scores.csv") && message.contains("results.json"), "\(message)")
        #expect(try snapshot(f.store) == before)
    }

    @Test func aNumberedDocumentNeverChanges() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("quang-binh-2021", edit: ArchiveFixture.numberThePlan), .init(store: f.store))
        // The same plan number under another dataset name, with other content.
        let renamed = try f.renderSameNumberOtherContent()
        let error = #expect(throws: PipelineError.self) { try Archiver.archive(renamed, .init(store: f.store)) }
        #expect(error?.localizedDescription.contains("Số 15/KH-UBND") == true)
        #expect(ArchiveStore(f.store).recordIDs() == ["2021-quang-binh-2021"])
    }

    @Test func aStaleRenderIsRefused() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("quang-binh-2021")
        try rendered.appendingPathComponent("ke-hoach.txt").replacing("KẾ HOẠCH", with: "KE HOACH")
        let error = #expect(throws: PipelineError.self) { try Archiver.archive(rendered, .init(store: f.store)) }
        #expect(error?.localizedDescription.contains("ke-hoach.txt") == true)
        #expect(!FileManager.default.fileExists(atPath: f.store.appendingPathComponent("records").path))
        #expect(throws: ArchiveError.self) { try Archiver.archive(f.root, .init(store: f.store)) }
    }

    @Test func rerenderProvesTheDocumentsFollowFromTheArchivedScores() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        // Change an archived score and re-hash it into the manifest, as a forger would: the
        // hashes agree, but the documents no longer follow from the scores.
        try f.forge(
            "dataset/quang-binh-2021/scores.csv", in: "2021-quang-binh-2021", replacing: "quang-binh,1.3,2,2",
            with: "quang-binh,1.3,2,1")
        #expect(!(try f.verify().ok), "the store log still holds the manifest's old hash")
        // An unsigned store can be rewritten whole: the log entry and its head too.
        try f.rewriteUnsignedLog()
        #expect(try f.verify().ok, "without a key, a consistent rewrite cannot be told from the original")
        let problems = try f.verify(rerender: true).problems
        #expect(
            problems.contains(
                "records/2021-quang-binh-2021/results.json: does not follow from the archived dataset and templates (rendering it again gives different content)"
            ))
    }

    @Test func lastYearFromTheArchive() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("an-giang-2022"), .init(store: f.store))
        let next = try f.nextYearOfAnGiang()
        let checked = Pipeline.check(next, previous: PreviousFromArchive(f.store))
        let units = try #require(checked.results).groups.flatMap(\.units)
        #expect(units.allSatisfy { $0.rankChange == 0 }, "the same scores give the same ranks as the archived year")
        #expect(units.first { $0.id == "syt" }?.previousIndex == Points("84.36"))
        let missing = Pipeline.check(next, previous: PreviousFromArchive(f.root.appendingPathComponent("no-store")))
        #expect(missing.errors.contains { $0.file.file.hasPrefix("--previous-from") && $0.message.contains("no record of 2022") })
    }
}
