import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCTemplate

/// What `render` does with bad data and bad templates: a clear error, nothing written.
@Suite struct RenderJobTests {
    @Test func writesEveryFileAndNoTemporaryOnes() throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let files = try RenderJob.run(TestPaths.input("quang-binh-2021"), .init(output: out, templates: Rendered.templates))
        // Quảng Bình assesses itself alone: no report or decision ranks one unit (issue 13, defect 13),
        // and no council's notice goes to a province (issue 28, item 11): the plan and the
        // self-assessment in four formats, the results and cchc-render.json.
        #expect(files.count == 8 + 4)
        #expect(!files.contains { $0.hasPrefix("quyet-dinh.") || $0.hasPrefix("bao-cao-ket-qua.") })
        let written = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.contains(".") }
        #expect(Set(written) == Set(files))
        // What the render writes beside the folder (its staging folder, its lock file) is gone.
        let beside = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(!beside.contains { $0.hasPrefix(".\(out.lastPathComponent).cchc-") }, "\(beside.filter { $0.hasPrefix(".") })")
    }

    @Test func aDatasetWithErrorsWritesNothingAndLeavesTheOldOutput() throws {
        let scratch = try ScratchDataset([
            "scores.csv": "unit;code;self;appraised\ntp;1.1;x;1\ntp;1.2;1;1\ntc;1.1;1;1\ntc;1.2;1;1\n"
        ])
        defer { scratch.remove() }
        let out = Rendered.scratchFolder()
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: out.appendingPathComponent("quyet-dinh.html"))
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(throws: RenderError.self) { try RenderJob.run(scratch.folder, .init(output: out, templates: Rendered.templates)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["quyet-dinh.html"])
        #expect(try String(contentsOf: out.appendingPathComponent("quyet-dinh.html"), encoding: .utf8) == "old")
    }

    @Test func aTemplateWithAnUnknownNameIsReportedWithLineAndColumnAndNothingIsWritten() throws {
        let templates = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: templates) }
        let file = templates.appendingPathComponent("html/quyet-dinh.mustache")
        let source = try String(contentsOf: file, encoding: .utf8)
        try Data(source.replacingOccurrences(of: "{{header.authority}}", with: "{{header.authorty}}").utf8).write(to: file)
        let out = Rendered.scratchFolder()
        let error = #expect(throws: RenderError.self) {
            try RenderJob.run(
                TestPaths.input("an-giang-2022"), .init(output: out, templates: try TemplateSet.overlay(templates)))
        }
        let message = error?.localizedDescription ?? ""
        // The message names the template that was read, where it was read.
        #expect(message.contains("\(templates.path)/html/quyet-dinh.mustache:5:21: error: 'header.authorty' is not a name"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aTemplateSyntaxErrorIsReported() throws {
        let templates = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: templates) }
        try Data("{{#rows}}\n<tr>\n".utf8).write(to: templates.appendingPathComponent("txt/_broken.mustache"))
        let error = #expect(throws: RenderError.self) {
            try RenderJob.run(
                TestPaths.input("quang-binh-2021"),
                .init(output: Rendered.scratchFolder(), templates: try TemplateSet.overlay(templates)))
        }
        #expect(
            error?.localizedDescription.contains(
                "\(templates.path)/txt/_broken.mustache:1:1: error: section {{#rows}} is never closed") == true)
    }

    @Test func aTemplateThatIsNotUTF8IsNamedWithItsRealPath() throws {
        let templates = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: templates) }
        // "Điều 2" saved in Windows-1258: Đ is 0xD0, which is not UTF-8 on its own.
        try Data([0xD0, 0x69, 0xEA, 0x75, 0x20, 0x32, 0x0A]).write(to: templates.appendingPathComponent("html/_footer.mustache"))
        let error = #expect(throws: RenderError.self) {
            try RenderJob.run(
                TestPaths.input("quang-binh-2021"),
                .init(output: Rendered.scratchFolder(), templates: try TemplateSet.overlay(templates)))
        }
        #expect(
            error?.localizedDescription.hasPrefix(
                "\(templates.path)/html/_footer.mustache:1:1: error: the file is not UTF-8 text; save it as UTF-8 (in a text editor: Save as, encoding UTF-8)"
            ) == true, "\(error?.localizedDescription ?? "")")
    }

    @Test func oneUnitOnly() throws {
        let files = try Rendered.files("an-giang-2022", kinds: [.selfAssessment], unit: "stp")
        #expect(
            files.map(\.path) == [
                "tu-danh-gia/stp.html", "tu-danh-gia/stp.xml", "tu-danh-gia/stp.txt", "tu-danh-gia/stp.docx", "results.json",
                "results.csv",
                "results.xlsx", "cchc-render.json",
            ])
        #expect(throws: RenderError.self) { try Rendered.files("an-giang-2022", unit: "khong-co") }
    }

    /// A narrowed render replaces its own files, keeps the folder's others and leaves no staging
    /// folder or temporary file behind; its files are those a render in memory gives.
    @Test func aPartialRenderReplacesItsFilesAndKeepsTheOthers() throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(TestPaths.input("an-giang-2022"), .init(output: out, templates: Rendered.templates))
        try Data("old".utf8).write(to: out.appendingPathComponent("tu-danh-gia/stp.html"))
        try Data("other".utf8).write(to: out.appendingPathComponent("quyet-dinh.html"))
        let options = RenderJob.Options(output: out, templates: Rendered.templates, kinds: [.selfAssessment], unit: "stp")
        let paths = try RenderJob.run(TestPaths.input("an-giang-2022"), options)
        let inMemory = try Rendered.files("an-giang-2022", kinds: [.selfAssessment], unit: "stp")
        #expect(paths == inMemory.map(\.path))
        for file in inMemory where file.path != "cchc-render.json" {
            #expect(try Data(contentsOf: out.appendingPathComponent(file.path)) == Data(file.bytes), "\(file.path)")
        }
        #expect(try String(contentsOf: out.appendingPathComponent("quyet-dinh.html"), encoding: .utf8) == "other")
        let written = try FileManager.default.subpathsOfDirectory(atPath: out.path)
        #expect(!written.contains { $0.contains("cchc-new") || $0.contains("cchc-lock") })
        let beside = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(!beside.contains { $0.hasPrefix(".\(out.lastPathComponent).cchc-new-") }, "no staging folder left")
    }

    /// Renders into one folder at once from one process (as the browser tests do) each get a
    /// staging folder of their own; none removes another's.
    @Test func rendersAtOnceIntoOneFolderDoNotShareAStagingFolder() throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let formats: [OutputFormat] = i % 2 == 0 ? [.html] : OutputFormat.standard
            do {
                try RenderJob.run(
                    TestPaths.input("quang-binh-2021"), .init(output: out, templates: Rendered.templates, formats: formats))
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("ke-hoach.html").path))
        let beside = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(!beside.contains { $0.hasPrefix(".\(out.lastPathComponent).cchc-new-") }, "no staging folder left")
    }

    /// A narrowed render that fails changes nothing in the output folder.
    @Test func aFailingPartialRenderChangesNothing() throws {
        let templates = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: templates) }
        let file = templates.appendingPathComponent("txt/tu-danh-gia.mustache")
        try Data((try String(contentsOf: file, encoding: .utf8) + "{{unknownName}}\n").utf8).write(to: file)
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(TestPaths.input("an-giang-2022"), .init(output: out, templates: Rendered.templates))
        try Data("old".utf8).write(to: out.appendingPathComponent("tu-danh-gia/stp.html"))
        let options = RenderJob.Options(output: out, templates: try TemplateSet.overlay(templates), kinds: [.selfAssessment])
        let before = try snapshot(out)
        #expect(throws: RenderError.self) { try RenderJob.run(TestPaths.input("an-giang-2022"), options) }
        #expect(try snapshot(out) == before)
        #expect(try String(contentsOf: out.appendingPathComponent("tu-danh-gia/stp.html"), encoding: .utf8) == "old")
    }

    private func copyOfTemplates() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Rendered.templatesFolder, to: copy)
        return copy
    }
}
