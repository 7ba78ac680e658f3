import CCHCTestSupport
import Foundation
import Testing
import ZIPFoundation

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCTemplate
@testable import CCHCWriters

/// The house style of the .docx comes from `docx/reference.docx` of the template set, as Pandoc's
/// `--reference-doc` (issue 27, item 3): restyle it in Word, and every later .docx takes it.
@Suite struct WordReferenceTests {
    static let shipped = TestPaths.packageRoot.appendingPathComponent("Templates/docx/reference.docx")

    /// Templates/docx/reference.docx is the reference cchc makes from its built-in styles
    /// (RECORD_SNAPSHOTS=1 writes it again, and fails).
    @Test func theShippedReferenceIsTheOneCchcMakes() throws {
        let made = Data(try WordReference.document())
        if Golden.recording {
            try made.write(to: Self.shipped)
            Issue.record("recorded \(Self.shipped.path): open it in LibreOffice to look at it, then run again")
            return
        }
        #expect(FileManager.default.contents(atPath: Self.shipped.path) == made)
        // Read back as an officer's reference would be, it gives the built-in parts.
        let read = try WordReference(docx: made, label: "reference.docx")
        #expect(read.styles == WordReference.builtInParts.styles && read.theme == WordReference.builtInParts.theme)
        #expect(read.fontTable == WordReference.builtInParts.fontTable)
    }

    /// The reference with its body text at 13 pt instead of 14: every .docx's body is 13 pt, the
    /// rest as before, and LibreOffice still prints it.
    @Test func aRestyledReferenceRestylesEveryDocx() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-reference-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("templates/docx")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let styles = String(decoding: WordReference.builtInParts.styles, as: UTF8.self)
        let normal = "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
        let (before, after) = (styles.components(separatedBy: normal)[0], styles.components(separatedBy: normal)[1])
        let thirteen =
            before.replacingOccurrences(of: "w:val=\"28\"", with: "w:val=\"26\"") + normal
            + after.replacingOccurrences(
                of: "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>", with: "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>", options: [],
                range: after.startIndex..<after.range(of: "</w:style>")!.upperBound)
        try Self.reference(styles: thirteen).write(to: templates.appendingPathComponent("reference.docx"))
        let out = root.appendingPathComponent("out")
        try RenderJob.run(
            TestPaths.input("quang-binh-2021"),
            .init(
                output: out, templates: try TemplateSet.overlay(root.appendingPathComponent("templates")), kinds: [.plan],
                formats: [.docx]))
        let docx = try DocxPackage([UInt8](try Data(contentsOf: out.appendingPathComponent("ke-hoach.docx"))))
        let written = docx.text("word/styles.xml")
        #expect(written == thirteen)
        #expect(
            written.contains(
                "<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"26\"/>"
            ))
        // The body is the same as with the built-in style: only the styles changed.
        let builtIn = try DocxPackage(
            try Rendered.files("quang-binh-2021", kinds: [.plan]).first { $0.path == "ke-hoach.docx" }!.bytes)
        #expect(docx.text("word/document.xml") == builtIn.text("word/document.xml"))
        if Tools.path("soffice") != nil {
            let printed = root.appendingPathComponent("printed")
            _ = try Tools.run(
                "soffice",
                [
                    "-env:UserInstallation=file://\(printed.path)/profile", "--headless", "--convert-to", "pdf", "--outdir",
                    printed.path,
                    out.appendingPathComponent("ke-hoach.docx").path,
                ])
            let text = try Tools.run("pdftotext", [printed.appendingPathComponent("ke-hoach.pdf").path, "-"])
            #expect(text.contains("KẾ HOẠCH") && text.contains("cải cách hành chính"))
        }
    }

    @Test func aReferenceWithoutTheStylesCchcUsesIsRefusedNamingThem() throws {
        let styles = String(decoding: WordReference.builtInParts.styles, as: UTF8.self)
            .replacingOccurrences(of: "w:styleId=\"TableText\"", with: "w:styleId=\"Ndungbng\"")
        let error = #expect(throws: RenderError.self) {
            try WordReference(docx: try Self.reference(styles: styles), label: "T/docx/reference.docx")
        }
        #expect(
            error?.localizedDescription
                == "T/docx/reference.docx: cannot be written: lacks the styles Nội dung bảng (TableText); expected the reference `cchc templates` writes, restyled in Word or LibreOffice (change the styles, do not rename or delete them)"
        )
        #expect(throws: RenderError.self) { try WordReference(docx: Data("not a zip".utf8), label: "x") }
    }

    /// The shipped reference with `styles` as its styles part.
    static func reference(styles: String) throws -> Data {
        let archive = try Archive(data: try Data(contentsOf: shipped), accessMode: .update)
        try archive.remove(try #require(archive["word/styles.xml"]))
        let bytes = Data(styles.utf8)
        try GMTimeLock.withLock {
            try archive.addEntry(with: "word/styles.xml", type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }
}
