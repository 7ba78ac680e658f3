import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore

/// A year's work through the built binary: installed elsewhere, templates edited, a project
/// moved, a dataset started with `cchc init`, a decision reworded.
@Suite struct CLIWorkflowTests {
    /// The binary alone, copied where an officer installs it, renders from a folder with no
    /// Templates/ beside it: the built-in templates are part of it.
    @Test func anInstalledBinaryRendersFromAnyFolder() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let bin = f.root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let installed = bin.appendingPathComponent("cchc")
        try FileManager.default.copyItem(at: TestPaths.executable, to: installed)
        let work = f.root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.input("an-giang-2022"), to: work.appendingPathComponent("an-giang-2022"))
        let render = try CLI.run(["render", "an-giang-2022", "--quiet"], executable: installed, in: work)
        #expect(render.status == 0, "\(render.stderr)")
        let out = work.appendingPathComponent("Output/an-giang-2022")
        #expect(FileTree.files(in: out, hidden: false).count == 408)
        // The same bytes as a render with the repository's Templates/ folder.
        let withFolder = f.root.appendingPathComponent("with-folder")
        let again = try CLI.run(
            ["render", "an-giang-2022", "--out", withFolder.path, "--templates", Rendered.templatesFolder.path, "--quiet"],
            executable: installed, in: work)
        #expect(again.status == 0, "\(again.stderr)")
        for path in FileTree.files(in: out, hidden: false) where path != RenderProvenance.fileName {
            #expect(
                FileManager.default.contents(atPath: out.appendingPathComponent(path).path)
                    == FileManager.default.contents(atPath: withFolder.appendingPathComponent(path).path), "\(path)")
        }
        // cchc-render.json names the dataset from the output folder; no templates folder.
        let provenance = try RenderProvenance.read(out)
        #expect(provenance.dataset == "../../an-giang-2022" && provenance.templates == nil)
    }

    /// `cchc templates --out T`, one sentence changed in T, and the render with `--templates T`
    /// (or `CCHC_TEMPLATES=T`) shows it; the archive keeps the changed file and verify renders it again.
    @Test func editedTemplatesShowInTheRenderAndTheArchive() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        func run(_ arguments: [String]) throws -> CLI.Run { try CLI.run(arguments, in: f.root) }
        let written = try run(["templates", "--out", "T"])
        #expect(written.status == 0 && written.stdout.hasPrefix("wrote 57 templates into T/"), "\(written.stderr)")
        #expect(try run(["templates", "--out", "T"]).stderr.hasPrefix("error: T: already exists and is not an empty folder"))
        // Keep only the file that changes: the others are inherited from the built-in set.
        let decision = f.root.appendingPathComponent("T/html/ke-hoach.mustache")
        let kept = try String(contentsOf: decision, encoding: .utf8)
        try FileManager.default.removeItem(at: f.root.appendingPathComponent("T"))
        try FileManager.default.createDirectory(at: decision.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(kept.contains("{{> signature}}"))
        try Data(kept.replacingOccurrences(of: "{{> signature}}", with: "<p>Đã soát xét.</p>{{> signature}}").utf8).write(
            to: decision)
        try FileManager.default.copyItem(
            at: TestPaths.input("quang-binh-2021"), to: f.root.appendingPathComponent("quang-binh-2021"))
        let render = try run(["render", "quang-binh-2021", "--templates", "T", "--quiet"])
        #expect(render.status == 0, "\(render.stderr)")
        let html = try String(
            contentsOf: f.root.appendingPathComponent("Output/quang-binh-2021/ke-hoach.html"), encoding: .utf8)
        #expect(html.contains("<p>Đã soát xét.</p>"))
        #expect(try RenderProvenance.read(f.root.appendingPathComponent("Output/quang-binh-2021")).templates == "../T")
        let environment = try CLI.run(
            ["render", "quang-binh-2021", "--out", "E", "--quiet"], in: f.root, environment: ["CCHC_TEMPLATES": "T"])
        #expect(environment.status == 0, "\(environment.stderr)")
        #expect(try String(contentsOf: f.root.appendingPathComponent("E/ke-hoach.html"), encoding: .utf8) == html)
        let archive = try run(["archive", "Output/quang-binh-2021", "--store", "store"])
        #expect(archive.status == 0, "\(archive.stderr)")
        let archived = f.root.appendingPathComponent("store/records/2021-quang-binh-2021/templates/html/ke-hoach.mustache")
        #expect(FileManager.default.contents(atPath: archived.path) == FileManager.default.contents(atPath: decision.path))
        let verify = try run(["verify", "store", "--rerender"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    /// A project folder (dataset, templates, output) moved as a whole still archives: the render
    /// recorded where its dataset and templates are relative to it.
    @Test func aProjectMovedAsAWholeStillArchives() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let project = f.root.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestPaths.input("quang-binh-2021"), to: project.appendingPathComponent("quang-binh-2021"))
        #expect(try CLI.run(["templates", "--out", "T"], in: project).status == 0)
        #expect(try CLI.run(["render", "quang-binh-2021", "--templates", "T", "--quiet"], in: project).status == 0)
        let moved = f.root.appendingPathComponent("moved")
        try FileManager.default.moveItem(at: project, to: moved)
        let archive = try CLI.run(["archive", "Output/quang-binh-2021", "--store", "../store"], in: moved)
        #expect(archive.status == 0 && archive.stdout.hasPrefix("archived 2021-quang-binh-2021"), "\(archive.stderr)")
    }

    @Test func initStartsADatasetThatSaysWhatIsMissing() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let sample = TestPaths.input("quang-binh-2021").path
        let half = try CLI.run(["init", "x", "--framework", "\(sample)/framework.csv"], in: f.root)
        #expect(half.status == 64 && half.stderr.contains("--framework and --units go together"), "\(half.stderr)")
        let made = try CLI.run(
            ["init", "x", "--framework", "\(sample)/framework.csv", "--units", "\(sample)/units.csv", "--year", "2021"],
            in: f.root)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(
            made.stdout
                == "wrote x/: plan.yaml, framework.csv, units.csv, scores.csv, survey.csv, previous.csv, targets.csv\nscores.csv has 26 rows and survey.csv 8 to fill in (a number or N/A in each)\nfill in plan.yaml (year, issuer, place), then: cchc validate x\n"
        )
        let validate = try CLI.run(["validate", "x"], in: f.root)
        #expect(validate.status == 1 && validate.stderr.hasSuffix("validate: 4 errors found.\n"), "\(validate.stderr)")
        let again = try CLI.run(["init", "x"], in: f.root)
        #expect(again.status == 1 && again.stderr.hasPrefix("error: x: already exists and is not an empty folder"))
    }

    /// Điều 2 of the decision reworded in one file, the copy of the built-in wording: every
    /// format of the decision says it the new way, and nothing else changes.
    @Test func rewordingArticle2ChangesEveryFormat() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        func run(_ arguments: [String]) throws -> CLI.Run { try CLI.run(arguments, in: f.root) }
        #expect(try run(["templates", "--out", "T"]).status == 0)
        let file = f.root.appendingPathComponent("T/wording/quyet-dinh.mustache")
        let wording = try String(contentsOf: file, encoding: .utf8)
        let old = "article2: Thủ trưởng các cơ quan, đơn vị căn cứ kết quả"
        #expect(wording.contains(old))
        try Data(wording.replacingOccurrences(of: old, with: "article2: Người đứng đầu các cơ quan, đơn vị căn cứ kết quả").utf8)
            .write(to: file)
        let before = f.root.appendingPathComponent("before")
        let after = f.root.appendingPathComponent("after")
        #expect(try run(["render", TestPaths.input("an-giang-2022").path, "--out", before.path, "--quiet"]).status == 0)
        let r = try run(["render", TestPaths.input("an-giang-2022").path, "--out", after.path, "--templates", "T", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        for format in ["html", "xml", "txt"] {
            let text = try String(contentsOf: after.appendingPathComponent("quyet-dinh.\(format)"), encoding: .utf8)
            #expect(text.contains("Người đứng đầu các cơ quan, đơn vị căn cứ kết quả"), "quyet-dinh.\(format)")
            #expect(!text.contains("Thủ trưởng các cơ quan, đơn vị căn cứ kết quả"), "quyet-dinh.\(format)")
        }
        let changed = FileTree.files(in: after, hidden: false).filter { path in
            path != RenderProvenance.fileName
                && FileManager.default.contents(atPath: after.appendingPathComponent(path).path)
                    != FileManager.default.contents(atPath: before.appendingPathComponent(path).path)
        }
        #expect(changed == ["quyet-dinh.docx", "quyet-dinh.html", "quyet-dinh.txt", "quyet-dinh.xml"])
    }
}
