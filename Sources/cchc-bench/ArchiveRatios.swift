import CCHCKit
import CCHCStore
import CCHCTemplate
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `cchc-bench archive [units] [--runs N]`: what archiving and verifying a render cost beside
/// the render itself, in one process, on the same synthetic set: `render` (html, xml, txt, as
/// `cchc render --formats html,xml,txt`), `archive` of that output into a new store, `verify`
/// (hashes) and `verify --rerender`, each run `runs` times in turn; prints wall and CPU (user +
/// system) of the fastest run of each and their ratios to the render's.
enum ArchiveRatios {
    struct Cost {
        var wall = Double.infinity
        var cpu = Double.infinity
    }

    static func run(units: Int, runs: Int) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-archive-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        let dataset = work.appendingPathComponent("national")
        try SyntheticDataset.write(units: units, groups: 34, to: dataset)
        var costs: [String: Cost] = [:]
        for run in 0..<runs {
            let out = work.appendingPathComponent("out-\(run)")
            let store = ArchiveStore(work.appendingPathComponent("store-\(run)"))
            try measure("render", &costs) {
                try RenderJob.run(dataset, .init(output: out, formats: [.html, .xml, .txt]))
            }
            try measure("archive", &costs) { try Archiver.archive(out, .init(store: store.root)) }
            try measure("verify", &costs) { try requireSound(ArchiveVerifier.verify(store, key: nil, rerender: false)) }
            try measure("verify --rerender", &costs) { try requireSound(ArchiveVerifier.verify(store, key: nil, rerender: true)) }
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: store.root)
        }
        let render = costs["render"] ?? Cost()
        print("\(units) units, fastest of \(runs) runs each, alternating in one process")
        print("| command | wall (s) | CPU (s) | wall ÷ render | CPU ÷ render |")
        print("|---|---|---|---|---|")
        for name in ["render", "archive", "verify", "verify --rerender"] {
            guard let c = costs[name] else { continue }
            print(
                String(
                    format: "| %@ | %.2f | %.2f | %.2f | %.2f |", name, c.wall, c.cpu, c.wall / render.wall, c.cpu / render.cpu))
        }
    }

    /// Runs `body` and keeps its fastest wall and CPU time under `name`.
    private static func measure(_ name: String, _ costs: inout [String: Cost], _ body: () throws -> Any) rethrows {
        let (wall0, cpu0) = (now(), cpu())
        _ = try body()
        let (wall, used) = (now() - wall0, cpu() - cpu0)
        var c = costs[name] ?? Cost()
        (c.wall, c.cpu) = (min(c.wall, wall), min(c.cpu, used))
        costs[name] = c
    }

    private static func requireSound(_ report: ArchiveVerifier.Report) throws -> ArchiveVerifier.Report {
        guard report.problems.isEmpty else { throw BenchFailure("verify found problems: \(report.problems.prefix(3))") }
        return report
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// CPU time of this process so far, every thread, user and system.
    private static func cpu() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
