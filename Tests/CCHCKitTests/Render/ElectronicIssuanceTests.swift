import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit

/// `documents.issuance: electronic` (issue 30, item 6): the number and the date left for the
/// document system, in every kind and every "(Kèm theo …)" line; 32 mm left for the images of the
/// signature and the seal; the PDF unencrypted with every font embedded, signed by pyHanko as a
/// token-signing tool would and found valid by poppler's pdfsig; in the .docx, the number, the
/// date and the signer's name are plain-text content controls python-docx reads back.
@Suite(
    .enabled(
        if: (OfficeTools.available && SigningTools.available) || Tools.required,
        "needs chromium, poppler, python-docx and pyHanko (CI installs them)"))
struct ElectronicIssuanceTests {
    static let fixtures = TestPaths.fixture("docx")

    /// An Giang's sample issued electronically: its plan.yaml numbers the plan's decision (342,
    /// 22/3/2023), which is then not printed.
    static func dataset(_ root: URL) throws -> URL {
        let dataset = root.appendingPathComponent("an-giang-2022")
        try FileManager.default.copyItem(at: TestPaths.input("an-giang-2022"), to: dataset)
        let plan = dataset.appendingPathComponent("plan.yaml")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\ndocuments:\n", with: "\ndocuments:\n  issuance: electronic\n").utf8).write(
            to: plan)
        return dataset
    }

    @Test func theNumberDateAndSignatureAreLeftForTheDocumentSystemAndTheToken() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-electronic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dataset = try Self.dataset(root)
        let validate = try CLI.run(["validate", dataset.path])
        #expect(validate.stderr.contains("'documents.plan-decision.number': not printed: with 'documents.issuance: electronic'"))
        let out = root.appendingPathComponent("out")
        try RenderJob.run(dataset, .init(output: out, kinds: [.plan, .decision], formats: [.txt, .html, .docx, .pdf]))
        // The plan's decision prints no number or date, and neither does the plan's "(Ban hành kèm theo …)".
        let plan = try String(contentsOf: out.appendingPathComponent("ke-hoach.txt"), encoding: .utf8)
        #expect(plan.contains("Số:      /QĐ-UBND") && plan.contains("An Giang, ngày     tháng     năm 2023"))
        #expect(
            !plan.contains("342") && plan.contains("(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày     tháng     năm 2023"))

        // The .docx: three plain-text content controls, read back by python-docx.
        let controls = try Tools.run(
            executable: "/usr/bin/env",
            [
                "python3", Self.fixtures.appendingPathComponent("content_controls.py").path,
                out.appendingPathComponent("quyet-dinh.docx").path,
            ])
        #expect(
            controls == """
                cchc-number | Số văn bản | text | '     '
                cchc-date | Ngày ban hành | text | 'ngày     tháng     năm 2023'
                cchc-signer | Người ký | text | 'Nguyễn Thanh Bình'

                """, "\(controls)")

        // The PDF: 30–35 mm between the signer's title and name, not encrypted, every font embedded.
        let pdf = out.appendingPathComponent("quyet-dinh.pdf")
        let gap = try Self.signatureGap(pdf, title: "TỊCH", name: "Nguyễn")
        #expect(gap >= 30 && gap <= 35, "\(gap) mm")
        #expect(try Tools.run("pdfinfo", [pdf.path]).contains("Encrypted:       no"))
        let fonts = try Tools.run("pdffonts", [pdf.path]).split(separator: "\n").dropFirst(2)
        // Each font's line ends "emb sub uni object ID": emb must be yes.
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.split(separator: " ").dropLast(4).last == "yes" }, "\(fonts)")

        // Signed as a token-signing tool signs it; pdfsig finds the signature valid over the whole file.
        let key = root.appendingPathComponent("key.pem")
        let cert = root.appendingPathComponent("cert.pem")
        _ = try Tools.run(
            "openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", cert.path, "-days", "30", "-subj",
                "/CN=Van thu",
            ])
        let signed = root.appendingPathComponent("signed.pdf")
        _ = try Tools.run(
            executable: "/usr/bin/env",
            ["python3", Self.fixtures.appendingPathComponent("sign_pdf.py").path, pdf.path, signed.path, key.path, cert.path])
        let report = try Tools.run("pdfsig", [signed.path], allowFailure: true)
        #expect(report.contains("Signature is Valid.") && report.contains("Total document signed"), "\(report)")
    }

    /// Any other issuance is an error at its line.
    @Test func anUnknownIssuanceIsAnError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-electronic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dataset = try Self.dataset(root)
        let plan = dataset.appendingPathComponent("plan.yaml")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "issuance: electronic", with: "issuance: digital").utf8).write(to: plan)
        let validate = try CLI.run(["validate", dataset.path])
        #expect(validate.status == 1)
        #expect(
            validate.stderr.contains(
                "plan.yaml:78:3: error: 'documents.issuance': 'digital'; expected paper (the default) or electronic"),
            "\(validate.stderr)")
    }

    /// Paper issuance (the default) prints what plan.yaml gives and no content control.
    @Test func paperIssuanceIsUnchanged() throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(TestPaths.input("an-giang-2022"), .init(output: out, kinds: [.plan], formats: [.txt, .docx]))
        #expect(try String(contentsOf: out.appendingPathComponent("ke-hoach.txt"), encoding: .utf8).contains("Số: 342/QĐ-UBND"))
        let controls = try Tools.run(
            executable: "/usr/bin/env",
            [
                "python3", Self.fixtures.appendingPathComponent("content_controls.py").path,
                out.appendingPathComponent("ke-hoach.docx").path,
            ])
        #expect(controls.isEmpty)
    }

    /// The distance in mm from the bottom of the word `title` to the top of the word `name` on
    /// the last page that has both (pdftotext's word boxes, in points).
    static func signatureGap(_ pdf: URL, title: String, name: String) throws -> Double {
        let boxes = try Tools.run("pdftotext", ["-bbox", pdf.path, "-"])
        var gap: Double?
        var titleBottom: Double?
        for line in boxes.split(separator: "\n") {
            if line.contains("<page ") { titleBottom = nil }
            guard line.contains("<word "), let yMin = Self.attribute("yMin", line), let yMax = Self.attribute("yMax", line) else {
                continue
            }
            if line.contains(">\(title)</word>") { titleBottom = yMax }
            if line.contains(">\(name)</word>"), let bottom = titleBottom { gap = (yMin - bottom) * 25.4 / 72 }
        }
        return try #require(gap, "no \(title) above \(name) in \(pdf.lastPathComponent)")
    }

    private static func attribute(_ name: String, _ line: Substring) -> Double? {
        guard let start = line.range(of: "\(name)=\"") else { return nil }
        return Double(line[start.upperBound...].prefix { $0 != "\"" })
    }
}

/// pyHanko (pip) and openssl: what signs a PDF here as a token-signing tool would.
enum SigningTools {
    static let available =
        Tools.path("openssl") != nil
        && (try? Tools.run(executable: "/usr/bin/env", ["python3", "-c", "import pyhanko"])) != nil
}
