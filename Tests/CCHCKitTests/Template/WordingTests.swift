import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit
@testable import CCHCTemplate

/// The wording files: one sentence a line, placeholders filled, mistakes named with their file.
@Suite struct WordingTests {
    private func wording(_ source: String, name: String = "T/wording/quyet-dinh.mustache") throws -> Wording {
        Wording(try Template(name: name, source: source, escaping: .wording))
    }

    /// Each group's sentence is the one written for that group: a line that one group does not
    /// write (a condition the officer added) shifts nothing, fields are known within their group,
    /// and a value holding the marks cannot pass for another group (issue 27, item 4).
    @Test func perGroupSentencesAreTakenByTheirItemNotTheirPlace() throws {
        let w = try wording(
            "subject: x\n{{#groups}}\n{{#show}}groupSummary: {{name}} tốt\n{{/show}}chartTitle: Biểu đồ {{name}}\n{{#fields}}\nfieldAnalysis: {{name}}/{{code}}\n{{/fields}}\n{{/groups}}\n"
        )
        func group(_ name: String, show: Bool, fields: [String]) -> TemplateValue {
            .object([
                "name": .text(name), "show": .bool(show),
                "fields": .list(fields.map { .object(["name": .text(name), "code": .text($0)]) }),
            ])
        }
        let s = try w.sentences([
            "groups": .list([
                group("A", show: false, fields: ["1"]),
                group("B\u{E000}groups\u{E001}0\u{E001}", show: true, fields: ["1", "2"]),
            ])
        ])
        #expect(try s.perItem("groupSummary", of: "groups", count: 2) == ["", "Bgroups0 tốt"])
        #expect(try s.perItem("chartTitle", of: "groups", count: 2) == ["Biểu đồ A", "Biểu đồ Bgroups0"])
        #expect(try s.perItem("fieldAnalysis", of: "fields", count: 1, within: ("groups", 0)) == ["A/1"])
        #expect(try s.perItem("fieldAnalysis", of: "fields", count: 2, within: ("groups", 1)) == ["Bgroups0/1", "Bgroups0/2"])
    }

    /// A wording saved with Windows line ends (CRLF) reads as the same file with LF: no sentence
    /// keeps a carriage return, none runs into the next. The lines are read as bytes, so a
    /// sentence's Vietnamese text and a section's item come out whole.
    @Test func aWordingWithWindowsLineEndsReadsLikeOneWithLF() throws {
        let source =
            "subject: Báo cáo {{unit}}  \n\n{{#groups}}groupSummary: Nhóm {{name}} đạt\n{{/groups}}closing: Trân trọng./.\n"
        let values: TemplateObject = ["unit": "Sở Tư pháp", "groups": .list([.object(["name": "Ⅰ"]), .object(["name": "Ⅱ"])])]
        for text in [source, source.replacingOccurrences(of: "\n", with: "\r\n")] {
            let s = try wording(text).sentences(values)
            #expect(s.lines.map(\.name) == ["subject", "groupSummary", "groupSummary", "closing"])
            #expect(try s.one("subject") == "Báo cáo Sở Tư pháp")
            #expect(try s.perItem("groupSummary", of: "groups", count: 2) == ["Nhóm Ⅰ đạt", "Nhóm Ⅱ đạt"])
            #expect(try s.one("closing") == "Trân trọng./.")
        }
    }

    @Test func aPerGroupSentenceOutsideItsSectionOrTwiceIsAnError() throws {
        let outside = try wording("subject: x\ngroupSummary: chung\n{{#groups}}\ngroupSummary: {{name}}\n{{/groups}}\n")
            .sentences(["groups": .list([.object(["name": .text("A")])])])
        let error = #expect(throws: TemplateError.self) { try outside.perItem("groupSummary", of: "groups", count: 1) }
        #expect(
            error?.description
                == "T/wording/quyet-dinh.mustache:2:1: error: 'groupSummary' is written once for each item of {{#groups}}; expected the line inside {{#groups}} … {{/groups}}\n    groupSummary: chung"
        )
        let twice = try wording("{{#groups}}\ngroupSummary: {{name}}\ngroupSummary: lần nữa\n{{/groups}}\n")
            .sentences(["groups": .list([.object(["name": .text("A")])])])
        let repeated = #expect(throws: TemplateError.self) { try twice.perItem("groupSummary", of: "groups", count: 1) }
        #expect(repeated?.kind == .repeatedSentence("groupSummary", "groups"))
        #expect(repeated?.line == 2)
    }

    /// A value typed with line breaks (Alt+Enter in Excel) stays inside its sentence: it can
    /// neither add a căn cứ nor cut an article (issue 26, finding 3).
    @Test func aValueWithLineBreaksCannotAddOrCutASentence() throws {
        let w = try wording(
            "base: Căn cứ A\narticle1: Công bố {{group}} kèm theo\n{{#units}}unit: {{{name}}} đạt {{score}}\n{{/units}}article2: Giao {{group}}\n"
        )
        let forged = "sở\nbase: Căn cứ Nghị định số 999\r\nrecipient: Forged\u{0B}x\u{0C}y\u{85}z\u{2028}w\u{2029}v"
        let s = try w.sentences([
            "group": .text(forged),
            "units": .list([.object(["name": .text("A\nunit: B"), "score": .text("90")])]),
        ])
        #expect(s.all("base") == ["Căn cứ A"])
        #expect(s.all("recipient").isEmpty)
        #expect(s.all("unit") == ["A unit: B đạt 90"])
        #expect(try s.one("article2") == "Giao sở base: Căn cứ Nghị định số 999  recipient: Forged x y z w v")
        #expect(s.sequence(["base", "article1", "unit", "article2"]).map(\.name) == ["base", "article1", "unit", "article2"])
    }

    @Test func sentencesAreReadByNameInTheirOrder() throws {
        let w = try wording(
            "{{! a comment }}\nsubject: Công bố năm {{year}}\n\nbase: Căn cứ A\nbase: Căn cứ {{x}}\nempty:\n{{#flag}}kept: yes{{/flag}}\n"
        )
        let s = try w.sentences(["year": .text("2022"), "x": .text("B"), "flag": .bool(false)])
        #expect(try s.one("subject") == "Công bố năm 2022")
        #expect(s.all("base") == ["Căn cứ A", "Căn cứ B"])
        #expect(try s.one("empty") == "")
        #expect(s.all("kept").isEmpty)
        #expect(s.sequence(["base", "subject"]).map(\.name) == ["subject", "base", "base"])
    }

    @Test func aMissingSentenceNamesTheFileAndTheLineToAdd() throws {
        let s = try wording("subject: x\n").sentences([:])
        let error = #expect(throws: TemplateError.self) { try s.one("article2") }
        #expect(
            error?.description
                == "T/wording/quyet-dinh.mustache:1:1: error: no sentence 'article2'; expected a line 'article2: …' (the built-in wording has one to start from)\n    "
        )
    }

    @Test func aLineThatIsNotASentenceAndAnUnknownNameAreErrors() throws {
        let notASentence = #expect(throws: TemplateError.self) {
            try wording("subject: x\nĐiều 2 giao Sở Nội vụ\n").sentences([:])
        }
        #expect(
            notASentence?.description.hasPrefix(
                "T/wording/quyet-dinh.mustache:2:1: error: 'Điều 2 giao Sở Nội vụ' is not a sentence line; expected 'name: the text'"
            )
                == true)
        let unknown = #expect(throws: TemplateError.self) { try wording("subject: x\narticle2: năm {{yaer}}\n").sentences([:]) }
        #expect(
            unknown?.description
                == "T/wording/quyet-dinh.mustache:2:15: error: 'yaer' is not a name the document's data has\n    article2: năm {{yaer}}"
        )
    }

    /// Every built-in wording file compiles and gives every sentence its document asks for, on
    /// every sample: the golden documents then show the very text of the built-in wording.
    @Test func theBuiltInWordingCoversEveryKindOfEverySample() throws {
        var errors: [TemplateError] = []
        let wordings = DocumentKind.wordings(.builtIn, errors: &errors)
        #expect(errors.isEmpty)
        #expect(Set(wordings.keys) == Set(DocumentKind.allCases.map(\.fileName)))
        for name in ["an-giang-2022", "ha-nam-2018", "quang-binh-2021"] {
            let checked = Pipeline.check(TestPaths.input(name))
            let (dataset, results) = (try #require(checked.dataset), try #require(checked.results))
            // Plan, report, decision, commendation and submission (none that ranks for a unit alone); each unit's
            // self-assessment and appraisal results (two rounds for An Giang; none for a
            // province, which Bộ Nội vụ appraises), and with them the guidance letter and the
            // council's appraisal report.
            let rounds = name == "an-giang-2022" ? 2 : 1
            let ranking = dataset.units.count > 1 ? 4 : 0
            let appraised = dataset.units.filter(\.isAppraisedByCouncil).count
            #expect(
                try DocumentSet.build(dataset, results, wordings: wordings).count == 1 + ranking + dataset.units.count
                    + appraised * rounds + (appraised > 0 ? 2 : 0) + (dataset.council.isEmpty ? 0 : 1))
        }
    }
}
