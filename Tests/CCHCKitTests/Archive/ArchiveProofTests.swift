import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore

/// Every fact `verify` and `archive list` report follows from signed data, or `verify` says it
/// could not be proven.
@Suite(.serialized) struct ArchiveProofTests {
    @Test func withoutAKeyVerifySaysSignaturesWereNotChecked() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let key = f.root.appendingPathComponent("key")
        try SigningKey.generate(at: key)
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store, key: key))
        let r = try CLI.run(["verify", f.store.path])
        #expect(r.status == 0)
        #expect(
            r.stdout.hasPrefix("OK: 1 record, 73 files checked; signatures NOT checked (no --key)\nstore log: 1 entry, head "))
        #expect(
            r.stderr
                == "warning: 1 record is signed, but no --key was given: without it, verify proves the files match their manifests and the store log, not who wrote them; give --key PATH.pub to check the signatures\n"
        )
        let checked = try CLI.run(["verify", f.store.path, "--key", SigningKey.publicURL(key).path])
        #expect(checked.status == 0 && checked.stdout.hasPrefix("OK: 1 record, 73 files checked, signatures checked"))
    }

    @Test func aStoreReSignedWithAnotherKeyOrLeftUnsignedFailsWithTheKey() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let key = f.root.appendingPathComponent("key")
        try SigningKey.generate(at: key)
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        let problems = try f.verify(key: SigningKey.publicURL(key)).problems
        #expect(
            problems == [
                "store-log.jsonl: entry 1: not signed", "store-head.json: not signed",
                "records/2021-quang-binh-2021/manifest.sig: missing (the record is not signed)",
            ])
    }

    @Test func deletingTheCatalogChangesNothingThatIsProven() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        try Archiver.archive(try f.render("an-giang-2022"), .init(store: f.store))
        try FileManager.default.removeItem(at: f.store.appendingPathComponent("catalog.json"))
        try FileManager.default.removeItem(at: f.record("2021-quang-binh-2021"))
        #expect(try f.verify().problems == ["records/2021-quang-binh-2021: missing (archived as entry 1 of store-log.jsonl)"])
        // An emptied store is not "OK: 0 records".
        try FileManager.default.removeItem(at: f.record("2022-an-giang-2022"))
        #expect(try f.verify().problems.count == 2)
    }

    @Test func forgedCatalogEntriesAreReportedAndNeverListed() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        let catalogURL = f.store.appendingPathComponent("catalog.json")
        try catalogURL.replacing("\"codeNotation\" : \"KH-UBND\"", with: "\"codeNotation\" : \"KH-GIẢ\"")
        let problems = try f.verify().problems
        #expect(problems.count == 1 && problems[0].hasPrefix("catalog.json: differs from the catalog derived from the manifests"))
        let list = try CLI.run(["archive", "list", "--store", f.store.path])
        #expect(!list.stdout.contains("KH-GIẢ") && list.stdout.contains("KH-UBND"))
    }

    @Test func removingACatalogEntryDoesNotLetANumberBeArchivedTwice() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("quang-binh-2021", edit: ArchiveFixture.numberThePlan), .init(store: f.store))
        try Data("{\"records\":[],\"documents\":[]}".utf8).write(to: f.store.appendingPathComponent("catalog.json"))
        let out = try f.renderSameNumberOtherContent()
        let error = #expect(throws: PipelineError.self) { try Archiver.archive(out, .init(store: f.store)) }
        #expect(error?.localizedDescription.contains("Số 15/KH-UBND") == true)
    }

    @Test func aRecordCopiedUnderAnotherNameIsReported() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        try FileManager.default.moveItem(at: f.record("2021-quang-binh-2021"), to: f.record("2020-quang-binh-2021"))
        try f.rewriteUnsignedLog()
        #expect(
            try f.verify().problems == [
                "records/2020-quang-binh-2021: its manifest names record 2021-quang-binh-2021 (a record copied or renamed under another name)"
            ])
    }

    @Test func aCutLogTailIsReported() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        try Archiver.archive(try f.render("an-giang-2022"), .init(store: f.store))
        let log = f.store.appendingPathComponent("store-log.jsonl")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        try Data((lines[0] + "\n").utf8).write(to: log)
        try FileManager.default.removeItem(at: f.record("2022-an-giang-2022"))
        let problems = try f.verify().problems
        #expect(
            problems.contains {
                $0.hasPrefix("store-head.json: the log's head is entry 2 (")
                    && $0.hasSuffix("…), but store-log.jsonl ends at entry 1: its tail was removed")
            }, "\(problems)")
        // Removing the log itself is reported too.
        try FileManager.default.removeItem(at: log)
        #expect(
            try f.verify().problems.contains(
                "store-log.jsonl: missing; without it the records cannot be proven to be all that was archived"))
    }

    @Test func anAddedRecordIsReported() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        try FileManager.default.copyItem(at: f.record("2021-quang-binh-2021"), to: f.record("2019-gia"))
        #expect(try f.verify().problems.contains("records/2019-gia: added (not in store-log.jsonl)"))
    }

    @Test func aWorkbookDatasetIsArchivedAndRendersAgainFromTheArchive() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render(
            "quang-binh-2021",
            edit: { dataset in try DatasetSkeleton.convertToWorkbooks(in: dataset, only: ["scores.csv", "survey.csv"]) })
        #expect(try Archiver.archive(rendered, .init(store: f.store)) == .archived(record: "2021-quang-binh-2021", files: 73))
        let dataset = try ArchiveStore(f.store).manifest("2021-quang-binh-2021").files.map(\.path).filter {
            $0.hasPrefix("dataset/")
        }
        #expect(
            dataset.contains("dataset/quang-binh-2021/scores.xlsx") && dataset.contains("dataset/quang-binh-2021/survey.xlsx"))
        #expect(!dataset.contains("dataset/quang-binh-2021/scores.csv"))
        let report = try f.verify(rerender: true)
        #expect(report.ok, "\(report.problems)")
        #expect(report.rerendered == 11)
    }

    @Test func onlyTheFilesCchcReadsAreArchivedAndLinksAreRefused() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render(
            "quang-binh-2021",
            edit: { dataset in
                try FileManager.default.createSymbolicLink(
                    atPath: dataset.appendingPathComponent("notes.txt").path, withDestinationPath: "/etc/shadow")
            })
        #expect(try Archiver.archive(rendered, .init(store: f.store)) == .archived(record: "2021-quang-binh-2021", files: 73))
        let manifest = try ArchiveStore(f.store).manifest("2021-quang-binh-2021")
        #expect(!manifest.files.contains { $0.path.hasSuffix("notes.txt") })
        // A file cchc reads, given as a link, is refused.
        let linked = try f.render(
            "an-giang-2022",
            edit: { dataset in
                let survey = dataset.appendingPathComponent("survey.csv")
                let real = f.root.appendingPathComponent("survey-real.csv")
                try FileManager.default.moveItem(at: survey, to: real)
                try FileManager.default.createSymbolicLink(at: survey, withDestinationURL: real)
            })
        let error = #expect(throws: PipelineError.self) { try Archiver.archive(linked, .init(store: f.store)) }
        #expect(
            error?.localizedDescription
                == "archive: \(f.root.path)/a/an-giang-2022/survey.csv: is a symbolic link; the archive takes only real files (copy the file in its place)"
        )
    }

    @Test func previousFromReadsOnlyARecordThatVerifies() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("an-giang-2022"), .init(store: f.store))
        let next = try f.nextYearOfAnGiang()
        let results = f.record("2022-an-giang-2022").appendingPathComponent("results.csv")
        let text = try String(contentsOf: results, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("stp,") })
        let fields = line.split(separator: ",")
        try results.replacing(String(line), with: "\(fields[0]),\(fields[1]),40,\(fields[3])")
        let checked = Pipeline.check(next, previous: PreviousFromArchive(f.store))
        let message = checked.errors.map(\.description).joined(separator: "\n")
        #expect(checked.results == nil)
        #expect(
            message.contains(
                "--previous-from \(f.store.path): error: the record 2022-an-giang-2022 does not verify (records/2022-an-giang-2022/results.csv: altered"
            ), "\(message)")
    }

    @Test func previousFromRejectsARankBeyondItsGroup() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        // A forger with no key rewrites results.csv, its manifest and the log: the hashes agree.
        let results = f.record("2021-quang-binh-2021").appendingPathComponent("results.csv")
        let text = try String(contentsOf: results, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").dropFirst().first)
        let fields = line.split(separator: ",")
        try f.forge(
            "results.csv", in: "2021-quang-binh-2021", replacing: String(line), with: "\(fields[0]),\(fields[1]),40,\(fields[3])")
        try f.rewriteUnsignedLog()
        let next = f.root.appendingPathComponent("a/quang-binh-2022")
        try FileManager.default.copyItem(at: TestPaths.input("quang-binh-2021"), to: next)
        try next.appendingPathComponent("plan.yaml").replacing("year: 2021", with: "year: 2022")
        let checked = Pipeline.check(next, previous: PreviousFromArchive(f.store))
        #expect(
            checked.errors.map(\.description).contains {
                $0.hasSuffix(
                    "column 'rank': 40 for unit \(fields[0]) is beyond its group of 1 units in the archived results; expected 1 to 1"
                )
            }, "\(checked.errors)")
    }

    /// A store on a read-only disk: archiving what is already there is still a no-op, exit 0.
    @Test func aNoOpArchiveOnAReadOnlyStoreSucceeds() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("quang-binh-2021")
        #expect(try CLI.run(["archive", rendered.path, "--store", f.store.path]).status == 0)
        let readOnly = f.root.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        guard shell("mount --bind '\(f.store.path)' '\(readOnly.path)' && mount -o remount,bind,ro '\(readOnly.path)'") else {
            shell("umount '\(readOnly.path)'")
            print("skipped: a read-only bind mount needs mount privileges")
            return
        }
        defer { shell("umount '\(readOnly.path)'") }
        let again = try CLI.run(["archive", rendered.path, "--store", readOnly.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("is already archived with the same content; nothing changed"))
        let other = try f.render("an-giang-2022")
        let refused = try CLI.run(["archive", other.path, "--store", readOnly.path])
        #expect(refused.status == 1 && refused.stderr.contains("is read-only; cannot add a record"), "\(refused.stderr)")
    }

    @discardableResult
    private func shell(_ command: String) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command + " 2>/dev/null"]
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}
