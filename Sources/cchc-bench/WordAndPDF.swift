import CCHCKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The cost of the Word and PDF formats, each side by side with what it is measured against in
/// the same process:
/// - `docx [units]`: CPU seconds to write every document of a synthetic national set as DOCX
///   against rendering and validating its XML (in memory, on every core; best of 3 alternating
///   runs each) — issue 15 asks for no more than the XML.
/// - `pdf [dataset]`: a whole render to PDF as `cchc render --formats pdf` does it (browser start
///   included), wall and CPU (cchc and the browser), the cost per document and pages per second;
///   beside it the same render to HTML alone.
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
        var lines: [String] = []
        for (name, formats) in [("html", [OutputFormat.html]), ("pdf", [OutputFormat.pdf])] {
            let out = work.appendingPathComponent(name)
            let (cpu0, children0, wall0) = (cpu(RUSAGE_SELF), cpu(RUSAGE_CHILDREN), National.now())
            let paths = try RenderJob.run(checked, .init(output: out, formats: formats))
            let wall = National.now() - wall0
            let spent = cpu(RUSAGE_SELF) - cpu0 + cpu(RUSAGE_CHILDREN) - children0
            let documents = paths.filter { $0.hasSuffix(".\(name)") }
            var pages = 0
            if name == "pdf" {
                for path in documents { pages += try pageCount(out.appendingPathComponent(path)) }
            }
            var line = String(
                format: "  %-4@ %3d documents   wall %6.2f s   CPU %6.2f s (cchc and browser; %.1f cores busy)", name as NSString,
                documents.count, wall, spent, spent / wall)
            if name == "pdf" {
                line += String(
                    format: "\n       %d pages; %.3f s wall per document; %.1f pages per second", pages,
                    wall / Double(documents.count),
                    Double(pages) / wall)
            }
            lines.append(line)
        }
        print("pdf: \(dataset.lastPathComponent), a whole render as cchc render does it (browser start included)")
        for line in lines { print(line) }
    }

    /// The pages of a PDF Chromium wrote: its `/Type /Page` objects.
    static func pageCount(_ url: URL) throws -> Int {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return text.components(separatedBy: "/Type /Page\n").count - 1 + text.components(separatedBy: "/Type /Page ").count - 1
            + text.components(separatedBy: "/Type /Page/").count - 1 + text.components(separatedBy: "/Type /Page>").count - 1
    }
}
