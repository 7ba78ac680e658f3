import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCStore

/// What a render writes into its staging folder: text NFC, and with `hashing` each file's SHA-256
/// as written, which the archive compares by instead of reading its own render back (issue 31).
@Suite struct StagedWriteTests {
    @Test func aTextFileIsWrittenNFCAndHashedAsWritten() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-staged-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let staging = try OutputWriter.prepareStaging(for: parent.appendingPathComponent("out"))
        defer { OutputWriter.discard(staging) }
        // "Tiến độ" with its diacritics as combining marks (NFD), as a template saved on a Mac may hold.
        let decomposed = "Tie\u{0302}\u{0301}n \u{0111}o\u{0323}\u{0302}"
        let files = [
            RenderedFile(path: "a/van-ban.html", content: "<p>\(decomposed)</p>"),
            RenderedFile(path: "a/van-ban.docx", bytes: Array(decomposed.utf8)),
        ]
        let hashes = try OutputWriter.writeStaged(files, to: staging, hashing: true)
        let html = try Data(contentsOf: staging.appendingPathComponent("a/van-ban.html"))
        #expect(String(decoding: html, as: UTF8.self) == "<p>Tiến độ</p>")
        #expect(html.elementsEqual("<p>Ti\u{1EBF}n \u{0111}\u{1ED9}</p>".utf8))
        // A binary file is written as it is.
        let docx = try Data(contentsOf: staging.appendingPathComponent("a/van-ban.docx"))
        #expect(docx.elementsEqual(decomposed.utf8))
        // The hashes are those of the bytes on disk (the reference: coreutils' sha256sum of each file).
        #expect(hashes == ["a/van-ban.html", "a/van-ban.docx"].map { try! sha256sum(staging.appendingPathComponent($0)) })
        #expect(try OutputWriter.writeStaged(files, to: staging).isEmpty, "no hashing unless asked")
    }

    private func sha256sum(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: output, as: UTF8.self).prefix(64))
    }
}
