import CCHCCompute
import CCHCCore
import CCHCDocuments
import CCHCInput
import CCHCKit
import CCHCStore
import CCHCTemplate
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The national-scale benchmark: for each size, a synthetic dataset (48 leaves, 34 groups) goes
/// through every stage inside one process; each size runs in its own process so that its peak
/// memory is its own.
enum National {
    struct Row {
        var units: Int
        var stages: [(String, Double)]
        var wall: Double
        var megabytes: Double
        var peakMB: Double
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// One size, in this process, in a new folder under `work`: prints one tab-separated line of
    /// results. The files stay until every size has run: on ext4 without a journal, files
    /// created in the minutes after a large deletion get their inodes slowly, so deleting one
    /// size's output would slow the writing of the next.
    static func runOne(units: Int, templates: URL, work: URL) throws {
        let root = work.appendingPathComponent("national-\(units)")
        let dataset = root.appendingPathComponent("national-\(units)")
        try SyntheticDataset.write(units: units, groups: 34, to: dataset)
        let stages = Stages()
        let wallStart = now()
        let (loaded, diagnostics) = stages.time("load+validate") { () -> (Dataset?, DiagnosticEngine) in
            var loaded = DatasetLoader.load(dataset)
            DatasetLoader.validate(loaded, diagnostics: &loaded.diagnostics)
            return (loaded.dataset, loaded.diagnostics)
        }
        guard let data = loaded, !diagnostics.hasErrors else { throw BenchFailure("the synthetic dataset has errors") }
        let results = stages.time("compute") { Calculator.compute(data) }
        let out = root.appendingPathComponent("out")
        let options = RenderJob.Options(output: out, templates: try TemplateSet.overlay(templates))
        let checked = Pipeline.Checked(dataset: data, results: results, diagnostics: diagnostics.diagnostics)
        let paths = try stages.time("render+validate+write (streamed, as cchc render)") { try RenderJob.run(checked, options) }
        let wall = now() - wallStart
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peak = Double(usage.ru_maxrss) / 1024
        let bytes = paths.reduce(0) { total, path in
            total
                + ((try? FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(path).path)[.size] as? Int) ?? 0)
        }
        try breakdown(data, results, templates: templates, root: root, stages)
        // What a render would take if building and rendering documents cost nothing: reading,
        // checking and scoring the input, libxml2 on every XML file and the kernel writing every
        // file, each on both cores as the render runs them.
        let floorStages = ["load+validate", "compute", "  XML validation alone", "  write alone (both cores)"]
        stages.list.append(
            (
                "floor (load+validate, compute, XML validation alone, write alone: no document built)",
                stages.list.filter { floorStages.contains($0.0) }.reduce(0) { $0 + $1.1 }
            ))
        let line =
            ([
                String(units), String(format: "%.3f", wall), String(format: "%.1f", Double(bytes) / 1e6),
                String(format: "%.0f", peak),
            ] + stages.list.map { "\($0.0)=\(String(format: "%.3f", $0.1))" })
        print(line.joined(separator: "\t"))
    }

    /// The breakdown of a render: in memory, one format at a time, then the XML validated again
    /// alone and every file written again (not counted in wall or peak).
    static func breakdown(_ data: Dataset, _ results: Results, templates: URL, root: URL, _ stages: Stages) throws {
        let documents = try stages.time("  documents (models)") { try DocumentSet.build(data, results) }
        var rendered: [RenderedFile] = []
        for format in OutputFormat.standard {
            let single = try DocumentRenderer(templates: try TemplateSet.overlay(templates), formats: [format])
            rendered += try stages.time("  \(format.rawValue)\(format == .xml ? " (rendered and validated)" : "")") {
                try single.render(documents)
            }
        }
        let validator = try XMLSchemaValidator(templates: try TemplateSet.overlay(templates))
        let xml = rendered.filter { $0.path.hasSuffix(".xml") }
        try stages.time("  XML validation alone") {
            try onEveryCore(xml, failure: "the XML does not validate") { validator.validate($0.bytes).isEmpty }
        }
        let again = try OutputWriter.prepareStaging(for: root.appendingPathComponent("written-again"))
        defer { OutputWriter.discard(again) }
        try stages.time("  write alone (both cores)") {
            try onEveryCore(rendered, failure: "writing again failed") { file in
                (try? OutputWriter.writeStaged([file], to: again)) != nil
            }
        }
    }

    /// The time of each stage of one size, in the order run.
    final class Stages {
        var list: [(String, Double)] = []

        func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let start = now()
            let value = try body()
            list.append((name, now() - start))
            return value
        }
    }

    /// `body` for every item, the items dealt out to every core in turn, as the render does;
    /// throws `failure` when `body` returned false for any.
    static func onEveryCore<Item: Sendable>(_ items: [Item], failure: String, _ body: @Sendable (Item) -> Bool) throws {
        let failed = Atomic<Int>(0)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        DispatchQueue.concurrentPerform(iterations: cores) { worker in
            for i in stride(from: worker, to: items.count, by: cores) where !body(items[i]) { failed.add(1, ordering: .relaxed) }
        }
        guard failed.load(ordering: .relaxed) == 0 else { throw BenchFailure(failure) }
    }

    /// Every size, each run in a child process; writes the Markdown table to `output`. Each size
    /// runs `runs` times and the fastest run is kept: on a shared machine the slower runs measure
    /// the neighbours.
    static func runAll(sizes: [Int], runs: Int, templates: URL, output: URL) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        var rows: [Row] = []
        for units in sizes {
            var fastest: Row?
            for run in 1...max(1, runs) {
                let row = try child(units: units, templates: templates, work: work.appendingPathComponent("run-\(run)"))
                FileHandle.standardError.write(Data("\(units) units, run \(run): \(String(format: "%.3f", row.wall)) s\n".utf8))
                if row.wall < fastest?.wall ?? .infinity { fastest = row }
            }
            if let fastest { rows.append(fastest) }
        }
        let table = markdown(rows)
        try Data(table.utf8).write(to: output)
        print(table, terminator: "")
    }

    /// One size in a child process (`national-one`), so that each size starts with a fresh heap
    /// and its own peak memory.
    static func child(units: Int, templates: URL, work: URL) throws -> Row {
        // The previous run's files are flushed first: otherwise the kernel writes them back
        // (ext4 allocates their blocks then) on one of the two cores during this run.
        sync()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["national-one", String(units), templates.path, work.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\t").map(String.init)
        guard process.terminationStatus == 0, fields.count >= 4 else { throw BenchFailure("size \(units) failed: \(text)") }
        let stages = fields.dropFirst(4).compactMap { f -> (String, Double)? in
            let kv = f.split(separator: "=", maxSplits: 1)
            return kv.count == 2 ? (String(kv[0]), Double(kv[1]) ?? 0) : nil
        }
        return Row(
            units: units, stages: stages, wall: Double(fields[1]) ?? 0, megabytes: Double(fields[2]) ?? 0,
            peakMB: Double(fields[3]) ?? 0)
    }

    static func markdown(_ rows: [Row]) -> String {
        let names = rows.first?.stages.map(\.0) ?? []
        var out = "| units | wall (s) | units/s | MB written | peak RSS (MB) | " + names.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: 5 + names.count) + "\n"
        for r in rows {
            out +=
                "| \(r.units) | \(String(format: "%.2f", r.wall)) | \(String(format: "%.0f", Double(r.units) / max(r.wall, 0.001))) | "
            out += "\(String(format: "%.0f", r.megabytes)) | \(String(format: "%.0f", r.peakMB)) | "
            out += r.stages.map { String(format: "%.2f", $0.1) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
