import CCHCKit
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `cchc render` under faults: killed while writing, and an output path it cannot write.
@Suite(.serialized) struct RenderFaultTests {
    @Test func killedWhileWritingLeavesTheOldOutputIntact() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let old = try f.render("an-giang-2022")
        let before = try contents(old)
        let dataset = f.root.appendingPathComponent("a/an-giang-2022")
        try dataset.appendingPathComponent("plan.yaml").replacing("place: An Giang", with: "place: Long Xuyên")
        let process = try ArchiveFaultTests.start(["render", dataset.path, "--out", old.path, "--templates", Rendered.templates.path],
            environment: ["CCHC_WRITE_PAUSE_MS": "20"])
        let staging = old.deletingLastPathComponent().appendingPathComponent(".an-giang-2022.cchc-new-\(process.processIdentifier)")
        var waited = 0
        while (FileManager.default.subpaths(atPath: staging.path)?.count ?? 0) < 10 && waited < 1200 {
            usleep(50_000)
            waited += 1
        }
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try contents(old) == before, "the old output must be intact after a kill")
        let again = try CLITests.run(["render", dataset.path, "--out", old.path, "--templates", Rendered.templates.path, "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        let after = try contents(old)
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(String(decoding: after["quyet-dinh.txt"] ?? Data(), as: UTF8.self).contains("Long Xuyên, ngày"))
        #expect(!FileManager.default.fileExists(atPath: staging.path), "the killed run's staging folder is cleared")
    }

    @Test func anOutputPathThatCannotBeWrittenIsAClearErrorAndWritesNothing() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let blocker = f.root.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let r = try CLITests.run(["render", "Inputs/quang-binh-2021", "--out", blocker.appendingPathComponent("out").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot be written") && r.stderr.contains("Nothing was written."), "\(r.stderr)")
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "x")
    }

    private func contents(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[path] = try Data(contentsOf: url)
            }
        }
        return out
    }
}
