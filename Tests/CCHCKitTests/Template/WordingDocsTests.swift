import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit
@testable import CCHCTemplate

/// docs/templates.md's table of the wording, checked against the built-in wording files and the
/// values cchc gives each kind: every sentence documented and every documented sentence in the
/// file; every placeholder of the file documented; every documented value given (issue 27,
/// item 4).
@Suite struct WordingDocsTests {
    /// A row of the table: the kind's file, its sentences and its values (`groups[].name`).
    struct Row {
        var file: String
        var sentences: Set<String>
        var values: [String]
    }

    static let rows: [Row] = {
        let text =
            (try? String(contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/templates.md"), encoding: .utf8)) ?? ""
        let after = text.components(separatedBy: "## Wording").dropFirst().first ?? ""
        let wording = after.components(separatedBy: "\n## ").first ?? ""
        return wording.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            return Row(file: names(cells[1])[0], sentences: Set(names(cells[2])), values: names(cells[3]))
        }
    }()

    /// The names in backticks of a cell, leaving out section tags (`{{#groups}}`) and what the
    /// parentheses explain.
    static func names(_ cell: String) -> [String] {
        cell.replacing(/\([^)]*\)/, with: "").matches(of: /`([^`]+)`/).map { String($0.1) }.filter { !$0.hasPrefix("{{") }
    }

    /// The sentence names of a wording file: each line's name before its colon, after any section
    /// tags at its start (`{{#surveyMax}}surveyCriteria: …`).
    static func sentences(in source: String) -> Set<String> {
        let uncommented = source.replacing(/\{\{!.*?\}\}/.dotMatchesNewlines(), with: "")
        var found = Set<String>()
        for line in uncommented.split(separator: "\n") {
            let bare = line.replacing(/^(\{\{[#^\/][^}]*\}\})+/, with: "")
            if let match = bare.firstMatch(of: /^([A-Za-z0-9]+):/) { found.insert(String(match.1)) }
        }
        return found
    }

    /// The placeholders of a wording file (`{{name}}`, `{{#name}}`), not in comments.
    static func placeholders(in source: String) -> Set<String> {
        let uncommented = source.replacing(/\{\{!.*?\}\}/.dotMatchesNewlines(), with: "")
        return Set(uncommented.matches(of: /\{\{[#^\/]?\s*([A-Za-z][\w.]*)\s*\}\}/).map { String($0.1) })
    }

    private func builtIn(_ file: String) throws -> String {
        String(decoding: try #require(TemplateSet.builtIn.file("wording/\(file).mustache")?.data()), as: UTF8.self)
    }

    @Test func everyKindHasARow() {
        #expect(Set(Self.rows.map(\.file)) == Set(DocumentKind.allCases.map(\.fileName)))
    }

    @Test func theSentencesAreThoseOfTheFiles() throws {
        for row in Self.rows {
            let inFile = Self.sentences(in: try builtIn(row.file))
            #expect(row.sentences.subtracting(inFile).isEmpty, "\(row.file): documented but not in the file")
            #expect(inFile.subtracting(row.sentences).isEmpty, "\(row.file): in the file but not documented")
        }
    }

    @Test func everyPlaceholderIsDocumented() throws {
        for row in Self.rows {
            let documented = Set(
                ["year", "secretariat"]
                    + row.values.flatMap { $0.split(separator: ".").map { String($0.replacing("[]", with: "")) } })
            let used = Self.placeholders(in: try builtIn(row.file))
            #expect(used.subtracting(documented).isEmpty, "\(row.file): used but not documented")
        }
    }

    /// Every documented value is given: a wording that prints them all renders every sample.
    @Test func everyDocumentedValueIsGiven() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-wording-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("templates/wording")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for row in Self.rows {
            let probe = (["year", "secretariat"] + row.values).map(Self.probe).joined(separator: " ")
            try Data((try builtIn(row.file) + "probe: \(probe)\n").utf8).write(
                to: folder.appendingPathComponent("\(row.file).mustache"))
        }
        let templates = try TemplateSet.overlay(root.appendingPathComponent("templates"))
        for dataset in ["an-giang-2022", "ha-nam-2018", "quang-binh-2021"] {
            let out = root.appendingPathComponent(dataset)
            #expect(throws: Never.self, "\(dataset)") {
                try RenderJob.run(TestPaths.input(dataset), .init(output: out, templates: templates, formats: [.txt]))
            }
        }
    }

    /// `groups[].fields[].code` → `{{#groups}}{{#fields}}{{code}}{{/fields}}{{/groups}}`.
    static func probe(_ path: String) -> String {
        let parts = path.split(separator: ".").map(String.init)
        let lists = parts.dropLast().map { $0.replacing("[]", with: "") }
        return lists.map { "{{#\($0)}}" }.joined() + "{{\(parts.last!)}}" + lists.reversed().map { "{{/\($0)}}" }.joined()
    }
}
