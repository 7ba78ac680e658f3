import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCTemplate
@testable import CCHCWriters

/// The browser that prints the PDF runs no script and fetches nothing: a template's images,
/// stylesheets, frames and scripts pointing at a listener on this machine, or at a local file,
/// reach nothing while printing, and again while `verify --rerender` prints a store holding that
/// template (issue 26, finding 2).
@Suite(.serialized, .enabled(if: PDFPrinter.locate() != nil && Tools.path("pdftotext") != nil))
struct HostilePrintTests {
    /// Everything a page can ask for, each at the listener (and a file of this machine).
    /// `frames`: frames, objects and media too. How a frame that failed to load is printed depends
    /// on when the print starts, so a page with frames does not print the same bytes twice: the
    /// record test leaves them out (its archive compares bytes), the others have them.
    static func hostile(_ url: String, frames: Bool = true) -> String {
        """
        <link rel="stylesheet" href="\(url)/style.css">
        <style>@import url("\(url)/import.css"); body { background: url("\(url)/background.png"); }
        @font-face { font-family: X; src: url("\(url)/font.woff"); } p.x { font-family: X; }</style>
        <img src="\(url)/image.png"><img src="file:///etc/passwd">
        \(frames ? """
            <iframe src="\(url)/frame.html"></iframe><iframe src="file:///etc/passwd"></iframe>
            <object data="\(url)/object"></object><embed src="\(url)/embed">
            <video poster="\(url)/poster.png"></video><audio src="\(url)/audio.mp3" autoplay></audio>
            """ : "")
        <script>document.write("SCRIPT RAN"); fetch("\(url)/fetch"); new Image().src = "\(url)/script-image";
        navigator.sendBeacon("\(url)/beacon", "x"); new WebSocket("\(url.replacingOccurrences(of: "http", with: "ws"))/ws");</script>
        <p class="x">Hostile page</p>
        """
    }

    @Test func aPrintRunsNoScriptAndRequestsNothing() throws {
        let listener = try LoopbackListener()
        defer { listener.stop() }
        let printer = try PDFPrinter()
        defer { printer.stop() }
        let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\(Self.hostile(listener.url))</body></html>"
        let pdf = try printer.print(Array(html.utf8), date: PDFDate(nil, year: 2026))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-hostile-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(pdf).write(to: file)
        let text = try Tools.run("pdftotext", [file.path, "-"])
        #expect(text.contains("Hostile page"))
        #expect(!text.contains("SCRIPT RAN"), "the page's script ran")
        #expect(!text.contains("root:"), "a local file was read into the page")
        #expect(listener.settle())
        #expect(listener.requests.isEmpty, "\(listener.requests.map { $0.prefix(40) })")
    }

    /// A templates folder whose style partial holds `hostile`, and a copy of quang-binh-2021.
    private func hostileTemplates(_ f: ArchiveFixture, _ listener: LoopbackListener, frames: Bool) throws -> (TemplateSet, URL) {
        let templates = f.root.appendingPathComponent("templates")
        try? FileManager.default.removeItem(at: templates)
        try FileManager.default.createDirectory(at: templates.appendingPathComponent("html"), withIntermediateDirectories: true)
        let style = String(decoding: TemplateSet.builtIn.file("html/_style.mustache")!.data()!, as: UTF8.self)
        try Data((style + Self.hostile(listener.url, frames: frames)).utf8)
            .write(to: templates.appendingPathComponent("html/_style.mustache"))
        let dataset = f.root.appendingPathComponent("a/quang-binh-2021")
        if !FileManager.default.fileExists(atPath: dataset.path) {
            try FileManager.default.createDirectory(at: dataset.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestPaths.input("quang-binh-2021"), to: dataset)
        }
        return (try TemplateSet.overlay(templates), dataset)
    }

    @Test func aHostileTemplateWithFramesSendsNothingWhenRendered() throws {
        let listener = try LoopbackListener()
        defer { listener.stop() }
        let f = try ArchiveFixture()
        defer { f.remove() }
        let (templates, dataset) = try hostileTemplates(f, listener, frames: true)
        let out = f.root.appendingPathComponent("out")
        try RenderJob.run(dataset, .init(output: out, templates: templates, kinds: [.plan, .decision], formats: [.pdf]))
        #expect(listener.settle())
        #expect(listener.requests.isEmpty, "render: \(listener.requests.map { $0.prefix(40) })")
    }

    @Test func aHostileTemplateSendsNothingWhenRenderedArchivedAndVerified() throws {
        let listener = try LoopbackListener()
        defer { listener.stop() }
        let f = try ArchiveFixture()
        defer { f.remove() }
        let (templates, dataset) = try hostileTemplates(f, listener, frames: false)
        let out = f.root.appendingPathComponent("out")
        try RenderJob.run(dataset, .init(output: out, templates: templates, kinds: [.plan], formats: [.html, .pdf]))
        #expect(listener.settle())
        #expect(listener.requests.isEmpty, "render: \(listener.requests.map { $0.prefix(40) })")
        guard case .archived = try Archiver.archive(out, .init(store: f.store)) else {
            Issue.record("not archived")
            return
        }
        let report = try f.verify(rerender: true)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(listener.settle())
        #expect(listener.requests.isEmpty, "archive and verify: \(listener.requests.map { $0.prefix(40) })")
    }
}

/// A document the browser cannot lay out in time (a 900 kB word with no break) stops with an
/// error naming it, and the browser goes on printing the others (issue 26, finding 12).
@Suite(.serialized, .enabled(if: PDFPrinter.locate() != nil)) struct PrintTimeLimitTests {
    @Test func aDocumentPastItsTimeIsNamedAndTheNextPrints() throws {
        let printer = try PDFPrinter(printSeconds: 3)
        defer { printer.stop() }
        let word = String(repeating: "Ư", count: 450_000)
        let huge = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><h1>\(word)</h1></body></html>"
        let started = Date()
        let error = #expect(throws: PDFError.self) {
            _ = try printer.print(Array(huge.utf8), date: PDFDate(nil, year: 2026), document: "quyet-dinh.pdf")
        }
        #expect(error == .timedOut("quyet-dinh.pdf", 3))
        #expect(error?.localizedDescription.hasPrefix("quyet-dinh.pdf: not printed within 3 s") == true)
        #expect(Date().timeIntervalSince(started) < 20)
        let small = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>Sau đó</p></body></html>"
        let pdf = try printer.print(Array(small.utf8), date: PDFDate(nil, year: 2026), document: "ke-hoach.pdf")
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }
}
