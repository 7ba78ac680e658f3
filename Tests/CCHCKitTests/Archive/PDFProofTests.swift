import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore
@testable import CCHCWriters

/// A PDF record stays provable after the browser is upgraded (issue 31, item 2): printed again by
/// another Chromium, a PDF is proved by the HTML it is the print of and by its pages' text; by
/// the same Chromium, only its bytes prove it.
@Suite(.enabled(if: Tools.available || Tools.required, "needs chromium (CI installs it)"))
struct PDFProofTests {
    /// The bytes of `pdf` as another build of the browser would have named itself in them.
    static func printedBy(_ other: String, _ pdf: [UInt8]) throws -> [UInt8] {
        let now = try #require(PDFText(pdf).printer())
        #expect(now.utf8.count == other.utf8.count)
        var out = pdf
        while let found = out.firstRange(of: Array(now.utf8)) { out.replaceSubrange(found, with: Array(other.utf8)) }
        return out
    }

    @Test func aRecordPrintedByAnotherBrowserIsProvedByItsHTMLAndText() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        // PDF alone: the record's manifest says which HTML each PDF is the print of.
        try Archiver.archive(try f.render("quang-binh-2021", formats: [.pdf]), .init(store: f.store))
        let id = "2021-quang-binh-2021"
        let pdfs = try ArchiveStore(f.store).manifest(id).files.filter { $0.path.hasSuffix(".pdf") }
        #expect(pdfs.count == 2 && pdfs.allSatisfy { $0.printOf?.count == 64 })
        #expect(
            try f.verify(rerender: true).notes.contains { $0.contains("(the same browser: each PDF is compared byte for byte)") })
        // The record as a browser of 2024 printed it: another name in every PDF, hashed into the manifest.
        for pdf in pdfs {
            let file = f.record(id).appendingPathComponent(pdf.path)
            let old = try Data(contentsOf: file)
            let other = try Self.printedBy("HeadlessChrome/120.0.0.0", [UInt8](old))
            try Data(other).write(to: file)
            try f.record(id).appendingPathComponent("manifest.json").replacing(
                Hashing.sha256(old), with: Hashing.sha256(Data(other)))
        }
        try f.rewriteUnsignedLog()
        let report = try f.verify(rerender: true)
        #expect(report.ok, "\(report.problems)")
        #expect(report.notes.filter { $0.contains("printed by HeadlessChrome/120.0.0.0, now by HeadlessChrome/") }.count == 2)
        #expect(
            report.notes.contains {
                $0.contains("its PDFs were printed by HeadlessChrome/120.0.0.0, and are printed now by HeadlessChrome/")
                    && $0.contains("(another browser:")
            })
        #expect(report.notes.contains { $0.contains("ke-hoach.pdf") && $0.contains("proved by the HTML it is the print of") })
    }

    /// Through the binary: archived with this machine's Chromium, verified with a "newer" one (the
    /// same browser under another product name, so that its PDFs are other bytes), `verify
    /// --rerender` names both browsers, proves each PDF and exits 0.
    @Test func verifyNamesBothBrowsersAndProvesThePDFs() throws {
        let chromium = try #require(Tools.path("chromium"))
        let root = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let newer = root.appendingPathComponent("chromium-157")
        try """
        #!/bin/sh
        exec \(chromium) --user-agent="Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/157.0.0.1 Safari/537.36" "$@"

        """.write(to: newer, atomically: true, encoding: .utf8)
        chmod(newer.path, 0o755)
        let dataset = TestPaths.input("quang-binh-2021").path
        let out = root.appendingPathComponent("out").path
        let store = root.appendingPathComponent("store").path
        let render = try CLI.run(
            ["render", dataset, "--out", out, "--formats", "html,pdf", "--quiet"], environment: ["CCHC_CHROMIUM": chromium])
        #expect(render.status == 0, "\(render.stderr)")
        let archive = try CLI.run(["archive", out, "--store", store], environment: ["CCHC_CHROMIUM": chromium])
        #expect(archive.status == 0, "\(archive.stderr)")
        let verify = try CLI.run(["verify", store, "--rerender"], environment: ["CCHC_CHROMIUM": newer.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("OK: 1 record"), "\(verify.stdout)")
        #expect(
            verify.stderr.contains(
                "records/2021-quang-binh-2021: its PDFs were printed by HeadlessChrome/"), "\(verify.stderr)")
        #expect(verify.stderr.contains("and are printed now by HeadlessChrome/157.0.0.1 (another browser:"), "\(verify.stderr)")
        #expect(
            verify.stderr.contains("documents/ke-hoach.pdf: printed by HeadlessChrome/")
                && verify.stderr.contains("now by HeadlessChrome/157.0.0.1: proved by the HTML it is the print of"),
            "\(verify.stderr)")
    }

    @Test func aPDFIsNotProvedByAnotherPrintersNameAlone() throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(TestPaths.input("quang-binh-2021"), .init(output: out, formats: [.pdf]))
        let plan = [UInt8](try Data(contentsOf: out.appendingPathComponent("ke-hoach.pdf")))
        let unit = [UInt8](try Data(contentsOf: out.appendingPathComponent("tu-danh-gia/quang-binh.pdf")))
        let old = try Self.printedBy("HeadlessChrome/120.0.0.0", plan)
        #expect(PDFProof.check(archived: old, fresh: plan, archivedSource: "a", freshSource: "a").isProved)
        let cases: [(PDFProof.Verdict, String)] = [
            // The same browser, other bytes.
            (PDFProof.check(archived: unit, fresh: plan, archivedSource: "a", freshSource: "a"), "by the same browser"),
            // Another HTML printed.
            (
                PDFProof.check(archived: old, fresh: plan, archivedSource: "a", freshSource: "b"),
                "the HTML it is the print of differs"
            ),
            // No word of what it printed (a record made before cchc said so, without its .html).
            (PDFProof.check(archived: old, fresh: plan, archivedSource: nil, freshSource: "a"), "does not say which HTML"),
            // The same HTML, said to be, but another text: another document.
            (
                PDFProof.check(
                    archived: try Self.printedBy("HeadlessChrome/120.0.0.0", unit), fresh: plan, archivedSource: "a",
                    freshSource: "a"),
                "differs from a fresh print's"
            ),
        ]
        for (verdict, reason) in cases {
            guard case .failed(let problem) = verdict else {
                Issue.record("proved, expected: \(reason)")
                continue
            }
            #expect(problem.contains(reason), "\(problem)")
        }
    }
}

extension PDFProof.Verdict {
    var isProved: Bool {
        if case .proved = self { return true }
        return false
    }
}
