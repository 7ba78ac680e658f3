import CCHCKit
import CCHCTestSupport
import Foundation
import Testing

/// Prints documents with a real browser (headless Chromium) and reads the PDF back with poppler,
/// and checks the HTML with tidy. On CI (CI=true) the tools must be there; elsewhere the suite
/// runs when they are installed.
@Suite(.enabled(if: Tools.available || Tools.required, "needs chromium, pdftotext, pdfinfo and tidy (CI installs them)"))
struct BrowserTests {
    @Test(arguments: [
        "ke-hoach", "tu-danh-gia/snv", "ket-qua-tham-dinh/snv-lan-1", "ket-qua-tham-dinh/snv-lan-2", "bao-cao-ket-qua",
        "quyet-dinh",
    ])
    func printsOnA4WithItsDiacritics(path: String) throws {
        let out = try renderedSample("print")
        defer { try? FileManager.default.removeItem(at: out) }
        let html = out.appendingPathComponent("\(path).html")
        // Printed beside the rendered folder, not into it: a render never adopts a stranger's file.
        let pdf = out.deletingLastPathComponent().appendingPathComponent(
            "\(out.lastPathComponent)-\(path.replacingOccurrences(of: "/", with: "-")).pdf")
        defer { try? FileManager.default.removeItem(at: pdf) }
        _ = try Tools.run(
            "chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--print-to-pdf=\(pdf.path)", html.absoluteString,
            ])
        let info = try Tools.run("pdfinfo", [pdf.path])
        #expect(info.contains("(A4)"), "\(path): \(info)")
        // Lines wrap differently in print: compare with every run of white space made one space.
        let text = try Tools.run("pdftotext", [pdf.path, "-"]).precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let own =
            [
                "ke-hoach": "NỘI DUNG TRIỂN KHAI",
                "tu-danh-gia/snv": "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2022",
                "ket-qua-tham-dinh/snv-lan-1": "KẾT QUẢ THẨM ĐỊNH LẦN 1",
                "ket-qua-tham-dinh/snv-lan-2": "KẾT QUẢ THẨM ĐỊNH LẦN 2",
                "bao-cao-ket-qua": "Năm 2022, 31 cơ quan, đơn vị được đánh giá, xếp hạng Chỉ số cải cách hành chính",
                "quyet-dinh": "Điều 1. Công bố Chỉ số cải cách hành chính năm 2022",
            ][path] ?? ""
        for phrase in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "An Giang, ngày", own] {
            #expect(text.contains(phrase), "\(path): «\(phrase)» did not survive printing")
        }
    }

    @Test func tidyFindsNoErrorOrWarning() throws {
        let out = try renderedSample("tidy")
        defer { try? FileManager.default.removeItem(at: out) }
        for path in ["ke-hoach", "tu-danh-gia/snv", "ket-qua-tham-dinh/snv-lan-2", "bao-cao-ket-qua", "quyet-dinh"] {
            let report = try Tools.run("tidy", ["-q", "-e", out.appendingPathComponent("\(path).html").path], allowFailure: true)
            #expect(report.isEmpty, "\(path): \(report)")
        }
    }

    /// NĐ30 numbers each Phụ lục (and the plan a decision issues) on its own from 1, its first
    /// page unnumbered; the decision's own pages are numbered from its second page.
    @Test(arguments: [("quyet-dinh", "PHỤ LỤC I"), ("ke-hoach", "KẾ HOẠCH")])
    func eachAppendixIsNumberedOnItsOwn(path: String, heading: String) throws {
        let out = try renderedSample("pages")
        defer { try? FileManager.default.removeItem(at: out) }
        let pdf = out.deletingLastPathComponent().appendingPathComponent("\(out.lastPathComponent)-\(path).pdf")
        defer { try? FileManager.default.removeItem(at: pdf) }
        _ = try Tools.run(
            "chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
                out.appendingPathComponent("\(path).html").absoluteString,
            ])
        let info = try Tools.run("pdfinfo", [pdf.path])
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        // The first line each page prints: its number, or the text that starts it.
        let firsts = try (1...max(pages, 1)).map { page in
            try Tools.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", pdf.path, "-"]).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
        }
        let start = try #require(
            firsts.firstIndex { $0.hasPrefix(heading) }, "\(path): no page starts with \(heading): \(firsts)")
        #expect(start > 0 && firsts[0].hasPrefix("ỦY BAN NHÂN DÂN"), "\(path): page 1 is unnumbered: \(firsts)")
        #expect((1..<start).allSatisfy { firsts[$0] == "\($0 + 1)" }, "\(path): the decision's pages: \(firsts)")
        #expect(start + 1 < firsts.count && firsts[start + 1] == "2", "\(path): the appendix's second page is 2: \(firsts)")
    }

    /// The sample rendered as HTML into a folder of its own: the tests run at the same time.
    private func renderedSample(_ name: String) throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-browser-\(name)-\(UUID().uuidString)")
        try RenderJob.run(TestPaths.input("an-giang-2022"), .init(output: out, templates: Rendered.templates, formats: [.html]))
        return out
    }
}

enum Tools {
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"
    static let available = ["chromium", "pdftotext", "pdfinfo", "tidy"].allSatisfy { path($0) != nil }

    static func path(_ tool: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/bin"].map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool; its standard output and error, joined.
    static func run(_ tool: String, _ arguments: [String], allowFailure: Bool = false) throws -> String {
        guard let executable = path(tool) else { throw ToolMissing(tool: tool) }
        let output = try run(executable: executable, arguments, allowFailure: allowFailure)
        return tool == "chromium" ? "" : output
    }

    /// Runs a program by its path; its standard output and error, joined.
    static func run(executable: String, _ arguments: [String], allowFailure: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()  // one pipe for both streams: no deadlock
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        if !allowFailure && process.terminationStatus != 0 { throw ToolFailed(tool: executable, output: output) }
        return output
    }

    struct ToolMissing: Error { var tool: String }
    struct ToolFailed: Error {
        var tool: String
        var output: String
    }
}
