import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit

/// Tests/CCHCKitTests/Fixtures/bad/: one folder per bad dataset, holding only the files that
/// differ from the worked example (`X.missing` removes X, `X.directory` puts a folder in its
/// place) and `expected.txt`, every diagnostic exactly as `cchc validate` prints it, relative to
/// the dataset. Rewrite with RECORD_SNAPSHOTS=1 and review.
@Suite struct BadDatasetCorpusTests {
    static let root = TestPaths.fixtures.appendingPathComponent("bad")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()

    @Test func everyDatasetOfTheCorpusIsAFolderWithItsExpectedMessages() {
        #expect(Self.cases.count == 93, "docs/testing.md counts 93 bad datasets")
        for name in Self.cases {
            let expected = Self.root.appendingPathComponent(name).appendingPathComponent("expected.txt")
            #expect(FileManager.default.fileExists(atPath: expected.path), "\(name) has no expected.txt")
        }
    }

    @Test(arguments: cases)
    func reportsExactlyWhatIsExpected(name: String) throws {
        let folder = Self.root.appendingPathComponent(name)
        let scratch = try Self.materialize(folder)
        defer { scratch.remove() }
        let checked = scratch.check()
        let actual = checked.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let expectedURL = folder.appendingPathComponent("expected.txt")
        if Golden.recording { try Golden.record(actual, to: expectedURL) }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected)
        let onlyWarnings = name.contains("warning-")
        #expect(checked.passes(strict: false) == onlyWarnings, "errors decide whether the dataset computes")
    }

    static func materialize(_ folder: URL) throws -> ScratchDataset {
        var overrides: [String: String?] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "expected.txt" }
        for name in names where name.hasSuffix(".missing") || name.hasSuffix(".directory") {
            overrides[String(name.split(separator: ".").dropLast().joined(separator: "."))] = .some(nil)
        }
        let scratch = try ScratchDataset(overrides)
        for name in names {
            if name.hasSuffix(".directory") {
                let target = String(name.dropLast(".directory".count))
                try FileManager.default.createDirectory(
                    at: scratch.folder.appendingPathComponent(target), withIntermediateDirectories: false)
            } else if !name.hasSuffix(".missing") {
                try scratch.write(name, bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
            }
        }
        return scratch
    }
}
