import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCStore
@testable import CCHCTemplate

/// A manifest's kinds, formats and roles are enums: one it does not know is an error, never
/// dropped (issue 27, item 5).
@Suite struct ManifestTypesTests {
    private func manifest() throws -> String {
        let manifest = ArchiveManifest(
            format: "cchc-archive/1", record: "2022-x", dataset: "x", year: 2022, tool: "cchc", signedOffBy: "A",
            date: "2023-01-10", kinds: [.decision], formats: [.html], unit: nil,
            files: [ArchivedFile(path: "documents/quyet-dinh.html", sha256: "00", bytes: 1, role: .document)])
        return String(decoding: try manifest.encoded(), as: UTF8.self)
    }

    @Test func aKnownManifestReadsBack() throws {
        let decoded = try ArchiveManifest.decode(Data(try manifest().utf8))
        #expect(decoded.kinds == [.decision] && decoded.formats == [.html] && decoded.files.first?.role == .document)
    }

    @Test(arguments: [
        ("\"decision\"", "\"verdict\""), ("\"html\"", "\"odt\""), ("\"role\" : \"document\"", "\"role\" : \"notes\""),
    ])
    func anUnknownNameIsAnError(known: String, unknown: String) throws {
        let text = try manifest()
        #expect(text.contains(known), "\(text)")
        #expect(throws: DecodingError.self) { try ArchiveManifest.decode(Data(text.replacing(known, with: unknown).utf8)) }
    }
}
