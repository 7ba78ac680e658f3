import CCHCKit
import CCHCStore
import CCHCTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The archive under faults, through the built `cchc`: killed midway, and two runs at once.
@Suite(.serialized) struct ArchiveFaultTests {
    @Test func killedMidwayLeavesNoPartialRecord() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("an-giang-2022")
        // Held at the tenth file of the record: the kill lands mid-record.
        let barrier = try Barrier("record-file-written", 10)
        defer { barrier.remove() }
        let process = try CLI.start(["archive", rendered.path, "--store", f.store.path], environment: barrier.environment)
        let staging = f.store.appendingPathComponent(".staging/2022-an-giang-2022")
        #expect(barrier.waitUntilHeld())
        #expect((FileManager.default.subpaths(atPath: staging.path)?.count ?? 0) >= 10)
        #expect(process.isRunning, "the archive must still be running when it is killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(ArchiveStore(f.store).recordIDs().isEmpty)
        #expect(try ArchiveStore(f.store).catalog().documents.isEmpty)
        #expect(try f.verify().ok)
        // The next run cleans the leftovers and archives the whole record.
        let again = try CLI.run(["archive", rendered.path, "--store", f.store.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try f.verify(rerender: true).ok)
        #expect(FileManager.default.subpaths(atPath: staging.path) == nil)
    }

    @Test func twoArchivesAtOnceBothLandWhole() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let a = try f.render("an-giang-2022")
        let b = try f.render("quang-binh-2021")
        let first = try CLI.start(["archive", a.path, "--store", f.store.path])
        let second = try CLI.start(["archive", b.path, "--store", f.store.path])
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        let catalog = try ArchiveStore(f.store).catalog()
        #expect(catalog.records.map(\.record) == ["2021-quang-binh-2021", "2022-an-giang-2022"])
        #expect(try f.verify().ok)
        let list = try CLI.run(["archive", "list", "--store", f.store.path, "--year", "2022", "--kind", "decision"])
        #expect(list.stdout.contains("4 document files in 2 records"))
    }

    @Test func cliRefusesChangedContentWithExitOne() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("quang-binh-2021")
        #expect(try CLI.run(["archive", rendered.path, "--store", f.store.path]).status == 0)
        try rendered.appendingPathComponent("ke-hoach.txt").replacing("KẾ HOẠCH", with: "KE HOACH")
        let refused = try CLI.run(["archive", rendered.path, "--store", f.store.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("ke-hoach.txt") && refused.stderr.contains("The store was not changed."))
        try FileManager.default.removeItem(at: f.record("2021-quang-binh-2021").appendingPathComponent("VERSION"))
        let verify = try CLI.run(["verify", f.store.path])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("records/2021-quang-binh-2021/VERSION: missing"))
    }

}
