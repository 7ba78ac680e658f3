import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit
@testable import CCHCTemplate

/// The Word and PDF files read by other programs: LibreOffice opens every kind's DOCX and prints
/// it, python-docx reads it back, openxml-audit checks it against the OOXML schemas; the PDF
/// cchc prints with Chromium is read with poppler. On CI (CI=true) the tools must be there.
@Suite(
    .enabled(
        if: OfficeTools.available || Tools.required,
        "needs soffice, python-docx, openxml-audit, chromium and poppler (CI installs them)"),
    .serialized)
struct WordAndPDFOracleTests {
    /// Every kind once: the plan (a decision with the plan attached), the report, the decision,
    /// the commendation, the submission, the council, the guidance letter, the council's appraisal
    /// report and Sở Nội vụ's self-assessment and two appraisal rounds.
    static let documents = [
        "ke-hoach", "bao-cao-ket-qua", "quyet-dinh", "quyet-dinh-khen-thuong", "to-trinh", "quyet-dinh-thanh-lap-hoi-dong",
        "huong-dan-tu-danh-gia", "bao-cao-tham-dinh", "tu-danh-gia/snv",
        "ket-qua-tham-dinh/snv-lan-1", "ket-qua-tham-dinh/snv-lan-2",
    ]

    static func render(_ formats: [OutputFormat], kinds: [DocumentKind] = DocumentKind.allCases) throws -> URL {
        let out = Rendered.scratchFolder()
        let dataset = TestPaths.input("an-giang-2022")
        let whole = kinds.filter { $0 != .selfAssessment && $0 != .appraisal }
        let perUnit = kinds.filter { $0 == .selfAssessment || $0 == .appraisal }
        if !whole.isEmpty {
            try RenderJob.run(dataset, .init(output: out, templates: Rendered.templates, kinds: whole, formats: formats))
        }
        if !perUnit.isEmpty {
            try RenderJob.run(
                dataset, .init(output: out, templates: Rendered.templates, kinds: perUnit, formats: formats, unit: "snv"))
        }
        return out
    }

    @Test func libreOfficePrintsEveryKindsDocxAsAnNd30Document() throws {
        let out = try Self.render([.docx])
        defer { try? FileManager.default.removeItem(at: out) }
        let printed = out.deletingLastPathComponent().appendingPathComponent(out.lastPathComponent + "-lo")
        defer { try? FileManager.default.removeItem(at: printed) }
        let files = Self.documents.map { out.appendingPathComponent("\($0).docx").path }
        _ = try Tools.run(
            "soffice",
            [
                "-env:UserInstallation=file://\(printed.path)/profile", "--headless", "--convert-to", "pdf", "--outdir",
                printed.path,
            ] + files)
        for path in Self.documents {
            let pdf = printed.appendingPathComponent((path as NSString).lastPathComponent + ".pdf")
            try PrintedPages.check(pdf, document: path)
        }
    }

    @Test func pdfIsPrintedForEveryKindWithItsFontsEmbedded() throws {
        let out = try Self.render([.pdf])
        defer { try? FileManager.default.removeItem(at: out) }
        for path in Self.documents {
            let pdf = out.appendingPathComponent("\(path).pdf")
            try PrintedPages.check(pdf, document: path)
            let fonts = try Tools.run("pdffonts", [pdf.path]).split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty)
            for line in fonts {
                #expect(
                    line.range(of: #"\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$"#, options: .regularExpression) != nil,
                    "\(path): \(line)")
                #expect(line.contains("LiberationSerif") || line.contains("Times"), "\(path): \(line)")
            }
            let info = try Tools.run("pdfinfo", ["-isodates", pdf.path])
            // The plan decision is dated 22/3/2023; the others are drafts of 2023: the year's first day.
            let date = path == "ke-hoach" ? "2023-03-22T00:00:00Z" : "2023-01-01T00:00:00Z"
            #expect(info.contains("CreationDate:    \(date)"), "\(path): the document's date, not the clock: \(info)")
        }
    }

    @Test func theSameRenderGivesTheSameDocxAndPdfBytes() throws {
        let first = try Self.render([.docx, .pdf], kinds: [.decision, .appraisal])
        let second = try Self.render([.docx, .pdf], kinds: [.decision, .appraisal])
        defer { for f in [first, second] { try? FileManager.default.removeItem(at: f) } }
        for path in ["quyet-dinh.pdf", "quyet-dinh.docx", "ket-qua-tham-dinh/snv-lan-2.pdf"] {
            let a = try Data(contentsOf: first.appendingPathComponent(path))
            let b = try Data(contentsOf: second.appendingPathComponent(path))
            #expect(a == b, "\(path) differs between two renders")
        }
    }

    @Test func pythonDocxReadsTheTablesAndTheirHeaderRows() throws {
        let out = try Self.render([.docx])
        defer { try? FileManager.default.removeItem(at: out) }
        let script = """
            import sys, docx
            from docx.oxml.ns import qn
            for path in sys.argv[1:]:
                d = docx.Document(path)
                text = "\\n".join(p.text for p in d.paragraphs)
                cells = "\\n".join(p.text for t in d.tables for r in t.rows for c in r.cells for p in c.paragraphs)
                heads = [t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn('w:tblHeader')) is not None for t in d.tables]
                styles = set(p.style.name for p in d.paragraphs)
                print(path, len(d.tables), sum(heads), len(d.sections), "motto" if "Độc lập - Tự do - Hạnh phúc" in cells else "-",
                      "type" if "Tên loại" in styles and "Trích yếu" in styles else "-")
            """
        let files = Self.documents.map { out.appendingPathComponent("\($0).docx").path }
        let lines = try Tools.run(executable: "/usr/bin/env", ["python3", "-c", script] + files).split(separator: "\n")
        #expect(lines.count == files.count)
        for (path, line) in zip(Self.documents, lines) {
            let fields = line.split(separator: " ").map(String.init)
            let package = try DocxPackage(Array(Data(contentsOf: out.appendingPathComponent("\(path).docx"))))
            let grids = package.text("word/document.xml").components(separatedBy: "<w:tblStyle w:val=\"TableGrid\"/>").count - 1
            #expect(fields.count == 6, "\(line)")
            guard fields.count == 6 else { continue }
            #expect(
                Int(fields[1]) == grids + 2,
                "\(path): python-docx finds \(fields[1]) tables, cchc wrote \(grids) and the two blocks")
            #expect(Int(fields[2]) == grids, "\(path): every data table's first row repeats as a header")
            // A công văn has no type name and no trích yếu block: its "V/v" is in the header.
            #expect(fields[4] == "motto" && fields[5] == (path == "huong-dan-tu-danh-gia" ? "-" : "type"), "\(line)")
        }
    }

    @Test func openXmlAuditFindsNothingInAnyPart() throws {
        let out = try Self.render([.docx])
        defer { try? FileManager.default.removeItem(at: out) }
        for path in Self.documents {
            let report = try Tools.run(
                executable: "/usr/bin/env", ["python3", "-m", "openxml_audit", out.appendingPathComponent("\(path).docx").path],
                allowFailure: true)
            #expect(report.contains("Errors: 0") && report.contains("no findings"), "\(path):\n\(report)")
        }
    }

    @Test func askingForPdfWithoutABrowserSaysWhatToInstallAndWritesNothing() throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CLI.run(
            ["render", "Inputs/quang-binh-2021", "--out", out.path, "--formats", "html,pdf"],
            environment: ["CCHC_CHROMIUM": "none"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("apt install chromium fonts-liberation2"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
        // Without --formats and without a browser: the standard formats, no PDF, no complaint.
        let plain = try CLI.run(
            ["render", "Inputs/quang-binh-2021", "--out", out.path, "--quiet"], environment: ["CCHC_CHROMIUM": "none"])
        #expect(plain.status == 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(written.contains("ke-hoach.docx") && !written.contains("ke-hoach.pdf"))
    }

    /// Ctrl-C during a PDF render: the browser and its scratch folder go with cchc.
    @Test func anInterruptedRenderLeavesNoBrowserBehind() throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        // Held once the first browser is up: Ctrl-C lands while it prints.
        let barrier = try Barrier("browser-started")
        defer { barrier.remove() }
        let process = Process()
        process.executableURL = TestPaths.executable
        process.arguments = ["render", "Inputs/an-giang-2022", "--out", out.path, "--formats", "pdf", "--quiet"]
        process.currentDirectoryURL = TestPaths.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(barrier.environment) { _, new in new }
        try process.run()
        let marker = "cchc-pdf-\(process.processIdentifier)-"
        #expect(barrier.waitUntilHeld())
        #expect(!OfficeTools.processes(containing: marker).isEmpty, "the browser started")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(
            process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT,
            "\(process.terminationReason) \(process.terminationStatus)")
        #expect(OfficeTools.processes(containing: marker).isEmpty, "a browser outlived cchc")
        let temporary = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
        #expect(!temporary.contains { $0.hasPrefix(marker) }, "the browser's scratch folder is left")
    }

    @Test func aPdfRenderIsArchivedAndVerifiedByRenderingAgain() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let rendered = try f.render("quang-binh-2021", formats: [.html, .docx, .pdf])
        guard case .archived(_, let files) = try Archiver.archive(rendered, .init(store: f.store)) else {
            Issue.record("not archived")
            return
        }
        #expect(files > 9)
        let manifest = try String(
            contentsOf: f.record("2021-quang-binh-2021").appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("documents/ke-hoach.pdf") && manifest.contains("documents/ke-hoach.docx"))
        let report = try f.verify(rerender: true)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(
            report.rerendered == 9,
            "two documents (the plan and the self-assessment; a province gets no council's notice) in three formats and the three results files rendered again and compared"
        )
    }
}

/// A printed PDF's pages as a reader checks them: A4, appendices landscape, page 1 and each
/// appendix's first page unnumbered, the next pages numbered from 2, the text with its marks.
enum PrintedPages {
    static func check(_ pdf: URL, document: String) throws {
        let info = try Tools.run("pdfinfo", ["-f", "1", "-l", "200", pdf.path])
        let sizes = info.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains(" size: ") }.map { line -> Bool in
            let numbers = line.split(separator: ":")[1].split(separator: " ").compactMap { Double($0) }
            // A4 is 595 × 842 points (210 × 297 mm), either way round.
            let sides = numbers.prefix(2).sorted()
            let a4 = sides.count == 2 && abs(sides[0] - 595.3) < 2 && abs(sides[1] - 841.9) < 2
            #expect(a4, "\(document): not A4: \(line)")
            return numbers.count >= 2 && numbers[0] > numbers[1]
        }
        #expect(!sizes.isEmpty, "\(document): \(info)")
        #expect(sizes.first == false, "\(document): page 1 is portrait")
        var appendixStart = false
        for page in 1...sizes.count {
            let text = try Tools.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", pdf.path, "-"])
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let first = lines.first ?? ""
            let startsAppendix = lines.prefix(2).contains { $0.hasPrefix("PHỤ LỤC") || $0 == "KẾ HOẠCH" || $0 == "DANH SÁCH" }
            if page == 1 {
                #expect(Int(first) == nil, "\(document): page 1 is numbered \(first)")
                #expect(
                    text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && text.contains("Độc lập - Tự do - Hạnh phúc"),
                    "\(document)")
            } else if startsAppendix && Int(first) == nil {
                appendixStart = true
                if lines.prefix(2).contains(where: { $0.hasPrefix("PHỤ LỤC") }) {
                    #expect(
                        sizes[page - 1]
                            == (["quyet-dinh", "huong-dan-tu-danh-gia"].contains(document) || document.hasSuffix("-lan-2")),
                        "\(document): page \(page), Phụ lục's orientation")
                }
            } else if appendixStart {
                #expect(first == "2", "\(document): page \(page), an appendix's second page, is numbered '\(first)'")
                appendixStart = false
            } else if page == 2 {
                #expect(first == "2", "\(document): page 2 is numbered '\(first)'")
            } else {
                #expect(Int(first) != nil, "\(document): page \(page) has no number")
            }
        }
        let all = try Tools.run("pdftotext", [pdf.path, "-"])
        #expect(all.contains("Sở Nội vụ") || all.contains("SỞ NỘI VỤ"), "\(document): the text with its diacritics")
    }
}

enum OfficeTools {
    static let available =
        Tools.available && ["soffice", "pdffonts"].allSatisfy { Tools.path($0) != nil }
        && (try? Tools.run(executable: "/usr/bin/env", ["python3", "-c", "import docx, openxml_audit"])) != nil

    /// The command lines of running processes that contain `text`.
    static func processes(containing text: String) -> [String] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.filter { Int($0) != nil }.compactMap { id in
            guard let data = FileManager.default.contents(atPath: "/proc/\(id)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return line.contains(text) ? line : nil
        }
    }
}
