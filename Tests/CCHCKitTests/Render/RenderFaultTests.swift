import CCHCKit
import CCHCTestSupport
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
        let before = try snapshot(old)
        let dataset = f.root.appendingPathComponent("a/an-giang-2022")
        try dataset.appendingPathComponent("plan.yaml").replacing("place: An Giang", with: "place: Long Xuyên")
        // The tenth file written into the staging folder: the kill lands in the middle of the render.
        let barrier = try Barrier("staged-file-written", 10)
        defer { barrier.remove() }
        let process = try CLI.start(
            ["render", dataset.path, "--out", old.path, "--templates", Rendered.templatesFolder.path],
            environment: barrier.environment)
        let staging = old.deletingLastPathComponent().appendingPathComponent(
            ".an-giang-2022.cchc-new-\(process.processIdentifier)-1")  // the first staging folder of that process
        #expect(barrier.waitUntilHeld())
        #expect((FileManager.default.subpaths(atPath: staging.path)?.count ?? 0) >= 10)
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try snapshot(old) == before, "the old output must be intact after a kill")
        let again = try CLI.run([
            "render", dataset.path, "--out", old.path, "--templates", Rendered.templatesFolder.path, "--quiet",
        ])
        #expect(again.status == 0, "\(again.stderr)")
        let after = try snapshot(old)
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(String(decoding: after["quyet-dinh.txt"] ?? Data(), as: UTF8.self).contains("Long Xuyên, ngày"))
        #expect(!FileManager.default.fileExists(atPath: staging.path), "the killed run's staging folder is cleared")
    }

    @Test func anOutputPathThatCannotBeWrittenIsAClearErrorAndWritesNothing() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let blocker = f.root.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let r = try CLI.run(["render", "Inputs/quang-binh-2021", "--out", blocker.appendingPathComponent("out").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot be written") && r.stderr.contains("Nothing was written."), "\(r.stderr)")
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "x")
    }
}

/// A full disk, simulated by a file-size limit (`ulimit -f`), for render and archive.
/// ThreadSanitizer's runtime cannot start a process under a file-size limit at all, so
/// scripts/sanitizers.sh runs these with AddressSanitizer only.
@Suite(
    .serialized,
    .enabled(
        if: ProcessInfo.processInfo.environment["CCHC_SANITIZER"] != "thread",
        "ThreadSanitizer's runtime cannot start under ulimit -f"))
struct FullDiskTests {
    static func limited(_ blocks: Int, _ arguments: [String]) throws -> CLI.Run {
        let quoted = ([TestPaths.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try CLI.run(["-c", "ulimit -f \(blocks) && exec \(quoted)"], executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test func renderOnAFullDiskSaysSoAndKeepsTheOldOutput() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let old = try f.render("an-giang-2022")
        let before = try FileManager.default.subpathsOfDirectory(atPath: old.path).sorted()
        let report = try Data(contentsOf: old.appendingPathComponent("bao-cao-ket-qua.html"))
        let dataset = f.root.appendingPathComponent("a/an-giang-2022")
        let r = try Self.limited(40, ["render", dataset.path, "--out", old.path, "--templates", Rendered.templatesFolder.path])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains("cannot be written: File too large") && r.stderr.contains("Nothing was written."), "\(r.stderr)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: old.path).sorted() == before)
        #expect(try Data(contentsOf: old.appendingPathComponent("bao-cao-ket-qua.html")) == report)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: old.deletingLastPathComponent().path).filter {
            $0.contains("cchc-new")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func archiveOnAFullDiskLeavesTheStoreUnchanged() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("an-giang-2022")
        let r = try Self.limited(40, ["archive", rendered.path, "--store", f.store.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("File too large") && r.stderr.contains("The store was not changed."), "\(r.stderr)")
        // The set is rendered again before the store is touched: the store is not even created.
        #expect(!FileManager.default.fileExists(atPath: f.store.path))
    }
}
