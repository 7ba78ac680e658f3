import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCStore

/// The commands refuse what would destroy an officer's files or leave them with a raw system
/// error (issue 26).
@Suite struct HostileCLITests {
    private func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Finding 5: `synth --out` over a real dataset wrote its files over it with exit 0.
    @Test func synthRefusesAFolderThatHoldsFiles() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let dataset = root.appendingPathComponent("an-giang-2022")
        try FileManager.default.copyItem(at: TestPaths.input("an-giang-2022"), to: dataset)
        let before = try FileTree.files(in: dataset, hidden: true).sorted().map {
            try Data(contentsOf: dataset.appendingPathComponent($0))
        }
        let run = try CLI.run(["synth", "--units", "3", "--groups", "1", "--out", dataset.path])
        #expect(run.status != 0)
        #expect(
            run.stderr.contains("already exists and is not an empty folder; expected a new folder name for the dataset"),
            "\(run.stderr)")
        let after = try FileTree.files(in: dataset, hidden: true).sorted().map {
            try Data(contentsOf: dataset.appendingPathComponent($0))
        }
        #expect(before == after)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["an-giang-2022"])
        // A new folder, and an empty one, are written whole.
        let fresh = root.appendingPathComponent("synth")
        #expect(try CLI.run(["synth", "--units", "3", "--groups", "1", "--out", fresh.path]).status == 0)
        #expect(try CLI.run(["validate", fresh.path]).status == 0)
    }
}

/// An output folder cchc cannot put in place is refused up front in plain words, not with the
/// system's error after the render (issue 26, finding 13).
@Suite struct OutputFolderLimitTests {
    @Test func aMountPointIsRefusedNamingAFolderInsideIt() {
        // /proc is a mount point on every Linux machine.
        let error = #expect(throws: RenderError.self) { try OutputFolder.claim(URL(fileURLWithPath: "/proc")) }
        #expect(
            error?.localizedDescription.hasPrefix("/proc: is a mount point (a disk or share of its own)") == true,
            "\(String(describing: error))")
        #expect(error?.localizedDescription.contains("--out /proc/cchc-output") == true)
    }

    @Test func aNameTooLongToWriteBesideIsRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-long-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent(String(repeating: "a", count: 240))
        let run = try CLI.run(["render", "Inputs/quang-binh-2021", "--out", out.path, "--formats", "txt"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("the folder's name has 240 bytes; expected a name of at most 200 bytes"), "\(run.stderr)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        #expect(left.isEmpty, "\(left)")
    }
}
