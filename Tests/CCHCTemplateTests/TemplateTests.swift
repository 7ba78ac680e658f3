import CCHCTestSupport
import Testing

@testable import CCHCCore
@testable import CCHCTemplate

/// The Mustache spec's behaviour for the subset CCHC's templates use: interpolation, sections,
/// inverted sections, partials, comments, standalone lines; plus CCHC's strictness about names.
@Suite struct TemplateTests {
    private func render(
        _ source: String, _ data: TemplateValue, escaping: Template.Escaping = .html,
        partials: [String: String] = [:]
    ) throws -> String {
        let template = try Template(name: "t", source: source, escaping: escaping)
        let library = try TemplateLibrary(partials: partials, escaping: escaping)
        return try template.render(data, partials: library)
    }

    @Test(arguments: [
        ("Hello, {{subject}}!", "Hello, world!"),
        ("{{forbidden}}", "&amp; &quot; &lt; &gt; &#39;"),
        ("{{{forbidden}}}", "& \" < > '"),
        ("{{& forbidden}}", "& \" < > '"),
        ("{{ subject }}", "world"),
        ("{{a.b.c}}", "deep"),
        ("{{#list}}{{.}},{{/list}}", "1,2,3,"),
        ("{{#yes}}shown{{/yes}}{{#no}}hidden{{/no}}", "shown"),
        ("{{^no}}inverted{{/no}}{{^yes}}hidden{{/yes}}", "inverted"),
        ("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", "none"),
        ("{{#blank}}x{{/blank}}{{^blank}}empty text is falsey{{/blank}}", "empty text is falsey"),
        ("{{#a}}{{b.c}}{{/a}}", "deep"),
        ("{{#people}}{{name}} of {{subject}};{{/people}}", "An of world;Bình of world;"),
        ("12345{{! comment }}67890", "1234567890"),
        ("Begin.\n{{! comment\nspans lines }}\nEnd.\n", "Begin.\nEnd.\n"),
        ("| This Is\n{{#yes}}\n|\n{{/yes}}\n| A Line\n", "| This Is\n|\n| A Line\n"),
        ("  {{#yes}}\n  indented\n  {{/yes}}\n", "  indented\n"),
        ("| A {{#yes}}inline{{/yes}} B |", "| A inline B |"),
        ("{{#word}}[{{.}}]{{/word}}", "[Sở Nội vụ]"),
    ])
    func specBehaviour(source: String, expected: String) throws {
        let data: TemplateValue = .obj([
            "subject": "world", "forbidden": "& \" < > '", "yes": true, "no": false, "empty": .list([]), "blank": "",
            "a": .obj(["b": .obj(["c": "deep"])]), "list": .list(["1", "2", "3"]), "word": "Sở Nội vụ",
            "people": .list([.obj(["name": "An"]), .obj(["name": "Bình"])]),
        ])
        #expect(try render(source, data) == expected)
    }

    @Test func escapingKeepsCombiningMarksAndNonASCIIText() throws {
        let text = "Sở Tư pháp & \"Nguye\u{0302}\u{0303}n\" <b>&\u{0301}x</b>"
        #expect(
            try render("{{x}}", .obj(["x": .text(text)]))
                == "Sở Tư pháp &amp; &quot;Nguye\u{0302}\u{0303}n&quot; &lt;b&gt;&amp;\u{0301}x&lt;/b&gt;")
    }

    @Test func textFormatDoesNotEscape() throws {
        #expect(try render("{{x}}", .obj(["x": "a < b & c"]), escaping: .none) == "a < b & c")
    }

    @Test func partialsRenderInTheCurrentContextAndStandaloneLinesVanish() throws {
        let out = try render(
            "<ul>\n{{#people}}\n{{> row}}\n{{/people}}\n</ul>\n",
            .obj(["people": .list([.obj(["name": "An"]), .obj(["name": "<Bình>"])])]), partials: ["row": "<li>{{name}}</li>\n"])
        #expect(out == "<ul>\n<li>An</li>\n<li>&lt;Bình&gt;</li>\n</ul>\n")
    }

    @Test func anUnknownNameIsAnErrorWithLineAndColumn() throws {
        let error = #expect(throws: TemplateError.self) {
            try render("line one\n  {{header.subjet}}\n", .obj(["header": .obj(["subject": "x"])]))
        }
        #expect(error?.kind == .unknownName("header.subjet"))
        #expect(error?.line == 2 && error?.column == 3)
        #expect(error?.description.hasPrefix("t:2:3: error: 'header.subjet' is not a name the document's data has") == true)
    }

    @Test(arguments: [
        ("{{#a}}x", TemplateError.Kind.unclosedSection("a"), 1, 1),
        ("ok\n{{#a}}x{{/b}}", .mismatchedSection(expected: "a", found: "b"), 2, 8),
        ("{{/a}}", .mismatchedSection(expected: nil, found: "a"), 1, 1),
        ("a {{name", .unclosedTag, 1, 3),
        ("{{=<% %>=}}", .badTag("{{=<% %>=}}"), 1, 1),
        ("{{}}", .badTag("{{}}"), 1, 1),
    ])
    func syntaxErrorsAreLocated(source: String, kind: TemplateError.Kind, line: Int, column: Int) {
        let error = #expect(throws: TemplateError.self) { try Template(name: "t", source: source, escaping: .html) }
        #expect(error?.kind == kind)
        #expect(error?.line == line && error?.column == column)
    }

    @Test func aMissingPartialIsAnError() {
        let error = #expect(throws: TemplateError.self) { try render("{{> nothing}}", .obj([:])) }
        #expect(error?.kind == .unknownPartial("nothing"))
    }

    @Test func recursivePartialsStop() {
        let error = #expect(throws: TemplateError.self) { try render("{{> loop}}", .obj([:]), partials: ["loop": "{{> loop}}"]) }
        #expect(error?.kind == .recursion("loop"))
    }
}
