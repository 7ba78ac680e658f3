import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit
@testable import CCHCTemplate

/// The lists a sentence names (units that fell, units to reward, weak fields, their changes) are
/// written by the wording, separators and words included: an officer who changes them changes
/// the document, and nothing of them is put together in Swift (issue 27, item 4).
@Suite struct WordingListsTests {
    /// The report of an-giang-2022 as text, with `edit` applied to the built-in report wording.
    private func report(_ edit: (String) -> String) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-lists-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("templates/wording")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let builtIn = String(
            decoding: try #require(TemplateSet.builtIn.file("wording/bao-cao-ket-qua.mustache")?.data()), as: UTF8.self)
        let edited = edit(builtIn)
        #expect(edited != builtIn)
        try Data(edited.utf8).write(to: folder.appendingPathComponent("bao-cao-ket-qua.mustache"))
        let out = root.appendingPathComponent("out")
        try RenderJob.run(
            TestPaths.input("an-giang-2022"),
            .init(
                output: out, templates: try TemplateSet.overlay(root.appendingPathComponent("templates")), kinds: [.report],
                formats: [.txt]))
        let text = try String(contentsOf: out.appendingPathComponent("bao-cao-ket-qua.txt"), encoding: .utf8)
        return text.replacing("\n  ", with: " ").replacing("\n", with: " ")
    }

    @Test func theBuiltInWordingWritesTheListsAsBefore() throws {
        let text = try report { $0 + "{{! unchanged }}\n" }
        #expect(text.contains("tăng nhiều nhất là Sở Công Thương (tăng 19 bậc, chỉ số tăng 18,63 điểm)"))
        #expect(text.contains("Đề nghị khen thưởng sở, ban, ngành đạt thứ hạng cao: Sở Công Thương (95,33%); "))
    }

    @Test func theOfficerWritesTheSeparatorsAndTheWords() throws {
        let text = try report {
            $0.replacing(
                "{{name}} ({{index}}%){{^last}}; {{/last}}{{/awarded}}",
                with: "{{name}} ({{index}}%){{^last}} và {{/last}}{{/awarded}}"
            )
            .replacing("{{#ranksUp}}tăng {{ranksUp}} bậc{{/ranksUp}}", with: "{{#ranksUp}}lên {{ranksUp}} hạng{{/ranksUp}}")
            .replacing("chỉ số tăng {{indexUp}} điểm", with: "chỉ số cao hơn {{indexUp}} điểm")
        }
        #expect(text.contains("tăng nhiều nhất là Sở Công Thương (lên 19 hạng, chỉ số cao hơn 18,63 điểm)"))
        #expect(text.contains("Đề nghị khen thưởng sở, ban, ngành đạt thứ hạng cao: Sở Công Thương (95,33%) và "))
        #expect(!text.contains("(tăng 19 bậc, chỉ số tăng 18,63 điểm)"))
    }
}
