import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore
@testable import CCHCTemplate

/// The built-in templates are in the binary; a user's folder replaces only the files it has.
@Suite struct TemplateSetTests {
    private func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cchc-templates-\(UUID().uuidString)")
    }

    /// The build embeds Templates/ whole and as it is now: every file, byte for byte.
    @Test func theBuiltInSetIsTheRepositorysTemplatesFolder() throws {
        let folder = Rendered.templatesFolder
        let onDisk = FileTree.files(in: folder, hidden: false).sorted()
        #expect(TemplateSet.builtIn.files.map(\.path) == onDisk)
        #expect(onDisk.count == 57)
        for file in TemplateSet.builtIn.files {
            #expect(
                file.data() == FileManager.default.contents(atPath: folder.appendingPathComponent(file.path).path), "\(file.path)"
            )
            #expect(file.url == nil && file.label == "(built-in) \(file.path)")
        }
    }

    @Test func aFolderReplacesOnlyTheFilesItHas() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("html"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("html/_signature.mustache"))
        try Data("ignored".utf8).write(to: folder.appendingPathComponent("html/notes.txt"))
        let set = try TemplateSet.overlay(folder)
        #expect(set.overridden == ["html/_signature.mustache"])
        #expect(set.files.map(\.path) == TemplateSet.builtIn.files.map(\.path))
        #expect(set.file("html/_signature.mustache")?.data() == Data("mine".utf8))
        #expect(set.file("html/_signature.mustache")?.label == folder.relativePath + "/html/_signature.mustache")
        #expect(set.file("txt/quyet-dinh.mustache")?.data() == TemplateSet.builtIn.file("txt/quyet-dinh.mustache")?.data())
    }

    @Test func theOptionComesFirstThenTheEnvironmentThenTheBuiltInSet() throws {
        let a = scratch()
        let b = scratch()
        defer { for f in [a, b] { try? FileManager.default.removeItem(at: f) } }
        for f in [a, b] { try FileManager.default.createDirectory(at: f, withIntermediateDirectories: true) }
        #expect(try TemplateSet.resolve(option: a.path, environment: ["CCHC_TEMPLATES": b.path]).folder?.path == a.path)
        #expect(try TemplateSet.resolve(option: nil, environment: ["CCHC_TEMPLATES": b.path]).folder?.path == b.path)
        #expect(try TemplateSet.resolve(option: nil, environment: [:]).folder == nil)
        #expect(try TemplateSet.resolve(option: nil, environment: ["CCHC_TEMPLATES": ""]).folder == nil)
        let error = #expect(throws: RenderError.self) {
            try TemplateSet.resolve(option: nil, environment: ["CCHC_TEMPLATES": a.path + "-missing"])
        }
        #expect(
            error?.localizedDescription
                == "\(a.path)-missing: not found; expected a templates folder such as `cchc templates --out DIR` writes (see --templates)"
        )
    }

    @Test func theSetIsWrittenOnlyIntoANewOrEmptyFolder() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try TemplateSet.builtIn.write(to: folder)
        #expect(paths.count == 57)
        #expect(FileTree.files(in: folder, hidden: true).sorted() == paths)
        #expect(try TemplateSet.overlay(folder).overridden == paths)
        // Written again over the user's folder: refused, the folder as it was.
        try Data("edited".utf8).write(to: folder.appendingPathComponent("html/quyet-dinh.mustache"))
        let error = #expect(throws: RenderError.self) { try TemplateSet.builtIn.write(to: folder) }
        #expect(
            error?.localizedDescription.hasSuffix(
                "already exists and is not an empty folder; expected a new folder name (your own templates are never written over)"
            ) == true)
        #expect(
            FileManager.default.contents(atPath: folder.appendingPathComponent("html/quyet-dinh.mustache").path)
                == Data("edited".utf8))
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
        #expect(!beside.contains(".\(folder.lastPathComponent).cchc-new"))
    }
}
