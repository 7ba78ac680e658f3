import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore

#if canImport(Glibc)
    import Glibc
#endif

/// `cchc archive` killed at each of its steps (`CCHC_KILL_AT`): `verify` then reports the store
/// precisely or finds it whole, and the next `archive` finishes or redoes the work; no state is
/// left that `verify` reports forever.
@Suite(.serialized) struct ArchiveKillTests {
    @Test(arguments: FaultPoint.archiveSteps)
    func killedAtAStepTheNextRunRepairsTheStore(step: String) throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
        let rendered = try f.render("an-giang-2022")
        let process = try CLI.start(
            ["archive", rendered.path, "--store", f.store.path], environment: ["CCHC_KILL_AT": step])
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the run must die at \(step)")
        let after = try f.verify()
        let expected: [String] =
            switch step {
            case "record-renamed":
                [
                    "records/2022-an-giang-2022: archived, but its store-log entry was not written (the archive was interrupted); run the same `cchc archive` again to finish it"
                ]
            case "log-appended":
                [
                    "store-head.json: the log's head is entry 1 (",
                    "catalog.json: differs from the catalog derived from the manifests",
                ]
            case "head-written", "pending-removed": ["catalog.json: differs from the catalog derived from the manifests"]
            default: []
            }
        #expect(after.problems.count == expected.count, "\(step): \(after.problems)")
        for (problem, prefix) in zip(after.problems, expected) { #expect(problem.hasPrefix(prefix), "\(step): \(problem)") }
        // Any later archive run finishes the store; this one is the same set again.
        let again = try CLI.run(["archive", rendered.path, "--store", f.store.path])
        #expect(again.status == 0, "\(step): \(again.stderr)")
        let report = try f.verify(rerender: true)
        #expect(report.ok, "\(step): \(report.problems)")
        #expect(report.records == 2 && report.logEntries == 2)
        #expect(!FileManager.default.fileExists(atPath: f.store.appendingPathComponent("pending-log-entry.json").path))
        #expect(FileManager.default.subpaths(atPath: f.store.appendingPathComponent(".staging").path) == [])
    }
}
