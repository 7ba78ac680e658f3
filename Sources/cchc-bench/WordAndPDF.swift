import CCHCDocuments
import CCHCKit
import CCHCTemplate
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The cost of the Word and PDF formats, each side by side with what it is measured against in
/// the same process:
/// - `docx [units]`: CPU seconds to write every document of a synthetic national set as DOCX
///   against rendering and validating its XML (in memory, on every core; best of 3 alternating
///   runs each) — issue 15 asks for no more than the XML.
/// - `pdf [dataset]`: whole renders to PDF as `cchc render --formats pdf` does them (browser
///   start included): every document, then the 34 issue 15 names; wall, the machine's CPU and
///   cores busy, the cost per document and pages per second; beside them the render to HTML.
enum WordAndPDF {
    static func cpu(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    static func docx(units: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-docx-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        try SyntheticDataset.write(units: units, groups: 34, to: root)
        let checked = Pipeline.check(root)
        guard let dataset = checked.dataset, let results = checked.results else {
            throw BenchFailure("the synthetic dataset has errors")
        }
        let documents = try DocumentSet.build(dataset, results)
        let templates = TemplateSet.builtIn
        let xml = try DocumentRenderer(templates: templates, formats: [.xml])
        let docx = try DocumentRenderer(templates: templates, formats: [.docx])
        var best: [String: (cpu: Double, wall: Double, bytes: Int)] = [:]
        for _ in 0..<3 {
            for (name, renderer) in [("xml (rendered and validated)", xml), ("docx", docx)] {
                let (cpu0, wall0) = (cpu(RUSAGE_SELF), National.now())
                let files = try renderer.render(documents)
                let spent = (
                    cpu: cpu(RUSAGE_SELF) - cpu0, wall: National.now() - wall0, bytes: files.reduce(0) { $0 + $1.bytes.count }
                )
                if spent.cpu < best[name]?.cpu ?? .infinity { best[name] = spent }
            }
        }
        print("docx: \(documents.count) documents of a \(units)-unit set, in memory on every core, best of 3 alternating runs")
        for name in ["xml (rendered and validated)", "docx"] {
            let b = best[name]!
            print(
                String(
                    format: "  %-30@ CPU %6.2f s   wall %6.2f s   %7.1f MB", name as NSString, b.cpu, b.wall,
                    Double(b.bytes) / 1e6))
        }
        print(String(format: "  docx / xml CPU: %.2f", best["docx"]!.cpu / best["xml (rendered and validated)"]!.cpu))
    }

    static func pdf(dataset: URL) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-pdf-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        let checked = Pipeline.check(dataset)
        let named: [DocumentKind] = [.plan, .report, .decision, .selfAssessment]
        var lines: [String] = []
        let runs: [(String, [OutputFormat], [DocumentKind])] = [
            ("html", [.html], DocumentKind.allCases), ("pdf", [.pdf], DocumentKind.allCases), ("pdf", [.pdf], named),
        ]
        for (i, (name, formats, kinds)) in runs.enumerated() {
            let out = work.appendingPathComponent("\(i)")
            let (busy0, wall0) = (machineBusy(), National.now())
            let paths = try RenderJob.run(checked, .init(output: out, kinds: kinds, formats: formats))
            let wall = National.now() - wall0
            let busy = machineBusy() - busy0
            let documents = paths.filter { $0.hasSuffix(".\(name)") }
            var pages = 0
            if name == "pdf" {
                for path in documents { pages += try pageCount(out.appendingPathComponent(path)) }
            }
            var line = String(
                format: "  %-4@ %3d documents   wall %6.2f s   machine CPU %6.2f s (%.1f of %d cores busy)", name as NSString,
                documents.count, wall, busy, busy / wall, ProcessInfo.processInfo.activeProcessorCount)
            if name == "pdf" {
                line += String(
                    format: "\n       %d pages; %.3f s wall per document; %.1f pages per second", pages,
                    wall / Double(documents.count), Double(pages) / wall)
            }
            lines.append(line)
        }
        print("pdf: \(dataset.lastPathComponent), whole renders as cchc render does them (browser start included)")
        print("  (the last: plan, report, decision and self-assessments, the 34 documents issue 15 names)")
        for line in lines { print(line) }
    }

    /// CPU seconds the whole machine has spent busy (/proc/stat: every core, every process),
    /// so that the browser's page processes count too: they are reaped by Chromium's own
    /// zygote, and `getrusage(RUSAGE_CHILDREN)` never sees them.
    static func machineBusy() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first
        else { return 0 }
        let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count >= 5 else { return 0 }
        let idle = fields[3] + fields[4]  // idle, iowait
        return (fields.reduce(0, +) - idle) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The pages of a PDF Chromium wrote: its `/Type /Page` objects.
    static func pageCount(_ url: URL) throws -> Int {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return text.components(separatedBy: "/Type /Page\n").count - 1 + text.components(separatedBy: "/Type /Page ").count - 1
            + text.components(separatedBy: "/Type /Page/").count - 1 + text.components(separatedBy: "/Type /Page>").count - 1
    }
}
