import CCHCCore
import CCHCKit
import CCHCTemplate
import CCHCTestSupport
import Foundation
import Testing

@Suite struct DocumentFormatTests {
    static let validator: XMLSchemaValidator = {
        let xsd = try! String(
            contentsOf: Rendered.templatesFolder.appendingPathComponent("xml/cchc-document.xsd"), encoding: .utf8)
        return try! XMLSchemaValidator(xsd: xsd, name: "cchc-document.xsd")
    }()

    /// The renderer validates every XML before writing it: a template edit that breaks the
    /// schema stops the render with the file and line, and writes nothing.
    @Test func anXMLTemplateThatBreaksTheSchemaStopsTheRender() throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Rendered.templatesFolder, to: templates)
        defer { try? FileManager.default.removeItem(at: templates) }
        let header = templates.appendingPathComponent("xml/_header.mustache")
        let source = try String(contentsOf: header, encoding: .utf8)
        #expect(source.contains("<Subject>"))
        try Data(
            source.replacingOccurrences(of: "<Subject>", with: "<Subjct>").replacingOccurrences(
                of: "</Subject>", with: "</Subjct>"
            ).utf8
        )
        .write(to: header)
        let out = Rendered.scratchFolder()
        let error = #expect(throws: RenderError.self) {
            try RenderJob.run(
                TestPaths.input("quang-binh-2021"), .init(output: out, templates: try TemplateSet.overlay(templates)))
        }
        #expect(error?.localizedDescription.contains(".xml:") == true, "\(error?.localizedDescription ?? "")")
        #expect(error?.localizedDescription.contains("Subjct") == true)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let xml = try #require(
            try Rendered.files("an-giang-2022", kinds: [.decision]).first { $0.path == "quyet-dinh.xml" }?.content)
        let commaValue = xml.replacingOccurrences(of: "value=\"95.33\"", with: "value=\"95,33\"")
        #expect(commaValue != xml)
        let problems = Self.validator.validate(commaValue)
        #expect(problems.contains { $0.message.contains("'95,33' is not a valid value") && $0.line > 1 })
        #expect(!Self.validator.validate(xml.replacingOccurrences(of: "<Subject>", with: "<Subjct>")).isEmpty)
        #expect(!Self.validator.validate("<Document").isEmpty)
        #expect(!Self.validator.validate("").isEmpty, "an empty document is rejected, not a crash")
    }

    /// 100 columns, but for the tables of a Phụ lục, which prints on landscape pages: 140.
    @Test(arguments: Rendered.datasets)
    func everyTextLineFitsInOneHundredColumns(dataset: String) throws {
        for file in try Rendered.files(dataset) where file.path.hasSuffix(".txt") {
            for (n, line, width) in TextWidths.limits(file.content) {
                #expect(
                    DisplayWidth.of(String(line)) <= width,
                    "\(dataset)/\(file.path):\(n + 1) is \(DisplayWidth.of(String(line))) columns")
            }
        }
    }

    @Test func htmlIsSelfContained() throws {
        for file in try Rendered.files("an-giang-2022") where file.path.hasSuffix(".html") {
            #expect(file.content.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
            #expect(file.content.contains("<meta charset=\"utf-8\">"))
            for forbidden in ["<script", "http://", "https://", "<link", "@import", "src="] {
                #expect(!file.content.contains(forbidden), "\(file.path) contains \(forbidden)")
            }
        }
    }

    @Test func theDecisionHasTheHeaderOfNghiDinh30() throws {
        let html = try #require(
            try Rendered.files("an-giang-2022", kinds: [.decision]).first { $0.path == "quyet-dinh.html" }?.content)
        #expect(html.contains("<div class=\"quoc-hieu\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>"))
        #expect(html.contains("<span>Độc lập - Tự do - Hạnh phúc</span>"))
        #expect(html.contains("<div class=\"issuer\">ỦY BAN NHÂN DÂN<br>TỈNH AN GIANG</div>"))
        #expect(html.contains("@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("font-family: \"Times New Roman\", \"Liberation Serif\", serif"))
    }
}

/// How wide each line of a text document may be: 100 columns; a table's line after a Phụ lục's
/// label (a landscape page) 140.
enum TextWidths {
    static func limits(_ text: String) -> [(Int, Substring, Int)] {
        var inAppendix = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { n, line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("PHỤ LỤC") { inAppendix = true }
            let tableLine = line.contains(" | ") || line.contains("-+-")
            return (n, line, inAppendix && tableLine ? 140 : 100)
        }
    }
}
