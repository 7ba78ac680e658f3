import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore

/// `render` writes only into a new or empty folder or one of its own earlier renders, and never
/// deletes what it did not write.
@Suite(.serialized) struct OutputFolderTests {
    @Test func renderingIntoTheDatasetIsRefusedAndDeletesNothing() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let dataset = f.root.appendingPathComponent("quang-binh-2021")
        try FileManager.default.copyItem(at: TestPaths.input("quang-binh-2021"), to: dataset)
        try Data("ghi chú".utf8).write(to: dataset.appendingPathComponent("notes.txt"))
        let before = try snapshot(dataset)
        let r = try CLI.run(["render", dataset.path, "--out", dataset.path])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "\(dataset.path): holds files cchc did not write (README.md, framework.csv, notes.txt, plan.yaml, scores.csv and 2 more); cchc writes only into a folder that does not exist yet, an empty folder, or one it rendered into before\nNothing was written."
            ), "\(r.stderr)")
        #expect(try snapshot(dataset) == before)
    }

    @Test(arguments: ["templates", "store", "home", "dot", "root"])
    func aFolderOfTheUsersIsRefused(which: String) throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let folder: URL
        switch which {
        case "templates":
            folder = f.root.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: Rendered.templatesFolder, to: folder)
        case "store":
            try Archiver.archive(try f.render("quang-binh-2021"), .init(store: f.store))
            folder = f.store
        case "home":
            folder = f.root.appendingPathComponent("home")
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(".config"), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: folder.appendingPathComponent(".bashrc"))
        case "root": folder = URL(fileURLWithPath: "/")
        default: folder = TestPaths.packageRoot
        }
        let mine = !["dot", "root"].contains(which)
        let before = mine ? try snapshot(folder) : [:]
        let out = which == "dot" ? "." : folder.path
        let r = try CLI.run(["render", "Inputs/quang-binh-2021", "--out", out])
        #expect(r.status == 1, "\(r.stdout)")
        #expect(r.stderr.contains("holds files cchc did not write") && r.stderr.contains("Nothing was written."), "\(r.stderr)")
        if mine { #expect(try snapshot(folder) == before) }
    }

    @Test func aFileAsTheOutputIsRefused() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let file = f.root.appendingPathComponent("some-file.txt")
        try Data("mine".utf8).write(to: file)
        let r = try CLI.run(["render", "Inputs/quang-binh-2021", "--out", file.path])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "\(file.path): is a file, not a folder; cchc writes only into a folder that does not exist yet, an empty folder, or one it rendered into before"
            ), "\(r.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
    }

    @Test func aSymlinkedOutputIsFollowedAndStaysALink() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let target = f.root.appendingPathComponent("real-out")
        let link = f.root.appendingPathComponent("out-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for _ in 0..<2 {
            let r = try CLI.run(["render", "Inputs/quang-binh-2021", "--out", link.path, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("ke-hoach.html").path))
        let dangling = f.root.appendingPathComponent("dangling")
        try FileManager.default.createSymbolicLink(
            atPath: dangling.path, withDestinationPath: f.root.appendingPathComponent("nowhere").path)
        let r = try CLI.run(["render", "Inputs/quang-binh-2021", "--out", dangling.path])
        #expect(r.status == 1 && r.stderr.contains("is a symbolic link whose target does not exist"), "\(r.stderr)")
    }

    @Test func aFileAddedToAPreviousRenderMakesItRefuseRatherThanDelete() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let out = try f.render("quang-binh-2021")
        let checked = Pipeline.check(TestPaths.input("quang-binh-2021"))
        // A previous render is replaced (twice, so the marker's own list is used too).
        try RenderJob.run(checked, .init(output: out, templates: Rendered.templates))
        try RenderJob.run(checked, .init(output: out, templates: Rendered.templates))
        try Data("đã ký".utf8).write(to: out.appendingPathComponent("tu-danh-gia/ban-ky.txt"))
        let before = try snapshot(out)
        let error = #expect(throws: RenderError.self) {
            try RenderJob.run(checked, .init(output: out, templates: Rendered.templates))
        }
        #expect(
            error?.localizedDescription
                == "\(out.path): holds tu-danh-gia/ban-ky.txt, which cchc did not write; move it out of the folder or choose another --out (cchc never deletes what it did not write)"
        )
        #expect(try snapshot(out) == before)
        // A narrowed render refuses too: the rule is the same whatever is rendered.
        #expect(throws: RenderError.self) {
            try RenderJob.run(checked, .init(output: out, templates: Rendered.templates, kinds: [.decision]))
        }
    }

    @Test func aNarrowedRenderKeepsTheFolderRecognisable() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let out = f.root.appendingPathComponent("narrow")
        let checked = Pipeline.check(TestPaths.input("quang-binh-2021"))
        try RenderJob.run(checked, .init(output: out, templates: Rendered.templates, kinds: [.selfAssessment], formats: [.html]))
        try RenderJob.run(checked, .init(output: out, templates: Rendered.templates, kinds: [.plan], formats: [.txt]))
        let marker = try JSONDecoder().decode(
            RenderProvenance.self, from: Data(contentsOf: out.appendingPathComponent("cchc-render.json")))
        #expect(marker.files == ["ke-hoach.txt", "results.csv", "results.json", "results.xlsx", "tu-danh-gia/quang-binh.html"])
        // and a whole render then replaces all of it
        try RenderJob.run(checked, .init(output: out, templates: Rendered.templates))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("tu-danh-gia/quang-binh.xml").path))
    }

    @Test func anUnsafeDatasetFolderNameCannotNameTheDefaultOutput() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let dataset = f.root.appendingPathComponent("tỉnh x 2024")
        try FileManager.default.copyItem(at: TestPaths.input("quang-binh-2021"), to: dataset)
        let r = try CLI.run(["render", dataset.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("the dataset folder's name cannot name the output folder: it contains 'ỉ'"), "\(r.stderr)")
    }

    /// A narrowed render moves its marker in first: a render that looks at the folder before
    /// taking its turn never finds a file that no list owns (it would refuse the folder).
    @Test func aFolderBeingFilledIsNeverTakenForAStrangers() throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        // Held after the marker and the first file moved in, the folder half filled.
        let barrier = try Barrier("file-moved-in", 2)
        defer { barrier.remove() }
        let render = try CLI.start(
            ["render", TestPaths.input("quang-binh-2021").path, "--out", out.path, "--formats", "html", "--quiet"],
            environment: barrier.environment)
        #expect(barrier.waitUntilHeld())
        var refusals: [String] = []
        do { _ = try OutputFolder.claim(out) } catch { refusals.append("\(error)") }
        barrier.release()
        render.waitUntilExit()
        #expect(render.terminationStatus == 0)
        #expect(refusals.isEmpty, "\(refusals.first ?? "")")
    }
}
