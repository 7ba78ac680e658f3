import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCTemplate

/// A template whose sections repeat inside themselves stops with a message naming its line,
/// before it fills the memory or runs for hours, and a render leaves nothing behind
/// (issue 26, finding 12).
@Suite struct TemplateBudgetTests {
    /// Six sections over one list, nested: 100⁶ copies of 10 kB of text if nothing stopped it.
    static let bomb =
        "<p>\n" + String(repeating: "{{#l}}", count: 6) + String(repeating: "0123456789", count: 1000)
        + String(repeating: "{{/l}}", count: 6) + "\n"

    private var list: TemplateValue { .object(["l": .list(Array(repeating: .object([:]), count: 100))]) }

    @Test func aDocumentGrowingPastItsSizeStopsAtTheSection() throws {
        let template = try Template(name: "html/bomb.mustache", source: Self.bomb, escaping: .html)
        let error = #expect(throws: TemplateError.self) { _ = try template.render(list) }
        #expect(error?.kind == .tooLarge(bytes: Template.maxDocumentBytes))
        #expect(error?.line == 2, "\(String(describing: error))")
        #expect(error?.description.contains("grows past 256 MB") == true)
    }

    @Test func aTemplateRunningPastItsStepsStops() throws {
        let template = try Template(
            name: "t", source: String(repeating: "{{#l}}", count: 6) + String(repeating: "{{/l}}", count: 6), escaping: .html)
        var out = ByteBuffer()
        let error = #expect(throws: TemplateError.self) {
            try template.render(list, partials: nil, into: &out, limits: (bytes: 1 << 20, steps: 100_000))
        }
        #expect(error?.kind == .tooMuchWork(steps: Template.maxSteps))
    }

    @Test func aRenderWithABombInItsTemplatesWritesNothingAndLeavesNothing() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bomb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("templates/html")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data(
            Self.bomb.replacingOccurrences(of: "{{#l}}", with: "{{#blocks}}").replacingOccurrences(
                of: "{{/l}}", with: "{{/blocks}}"
            ).utf8
        )
        .write(to: templates.appendingPathComponent("_appendices.mustache"))
        let out = root.appendingPathComponent("out")
        let error = #expect(throws: RenderError.self) {
            try RenderJob.run(
                TestPaths.input("an-giang-2022"),
                .init(output: out, templates: try TemplateSet.overlay(root.appendingPathComponent("templates")), formats: [.html])
            )
        }
        #expect(error?.localizedDescription.contains("grows past 256 MB") == true, "\(String(describing: error))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["templates"])
    }
}
