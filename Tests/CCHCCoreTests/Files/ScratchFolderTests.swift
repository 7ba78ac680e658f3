import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// What a killed run left in the temporary folder (a scratch render, a browser profile) is
/// removed by the next run, and nothing else is (issue 26, finding 13).
@Suite struct ScratchFolderTests {
    /// The id of a process that has ended.
    private func deadProcess() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func leftoversOfEndedProcessesAreRemovedAndNothingElse() throws {
        let temporary = FileManager.default.temporaryDirectory
        let dead = try deadProcess()
        let leftovers = ["cchc-archive-\(dead)-1", "cchc-pdf-\(dead)-3", "cchc-verify-\(dead)-2"]
        let kept = ["cchc-archive-1-1", "cchc-archive-\(UUID().uuidString)", "cchc-notes-\(dead)-1", "cchc-pdf-\(dead)-x"]
        for name in leftovers + kept {
            let folder = temporary.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("profile"), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: folder.appendingPathComponent("profile/file"))
        }
        defer { for name in leftovers + kept { try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name)) } }
        ScratchFolder.removeLeftovers()
        for name in leftovers {
            #expect(!FileManager.default.fileExists(atPath: temporary.appendingPathComponent(name).path), "\(name)")
        }
        for name in kept {
            #expect(FileManager.default.fileExists(atPath: temporary.appendingPathComponent(name).path), "\(name)")
        }
    }
}
