import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit

/// The batch as named steps: the runner runs them in order, says where it is, stops where the
/// data says so, and names the step an error comes from.
@Suite struct PipelineTests {
    /// Collects what the steps log.
    final class Lines: Sendable {
        let lines = Locked<[String]>([])
        var log: StepLog { StepLog { line in self.lines.withLock { $0.append(line) } } }
        var all: [String] { lines.withLock { $0 } }
    }

    private func scratchOutput() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cchc-pipeline-\(UUID().uuidString)")
    }

    private func remove(_ out: URL) {
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(
            at: out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).cchc-lock"))
    }

    @Test func theStepsRunInOrderAndSayWhereTheyAre() throws {
        let out = scratchOutput()
        defer { remove(out) }
        let lines = Lines()
        let pipeline = Pipeline.checking.then(.render(.init(output: out, templates: Rendered.templates)))
        let batch = try pipeline.run(Pipeline.Batch(TestPaths.input("quang-binh-2021")), log: lines.log)
        #expect(lines.all == ["[1/4] load", "[2/4] validate", "[3/4] compute", "[4/4] render"])
        #expect(batch.stoppedAt == nil)
        #expect(batch.results?.groups.first?.units.count == 1)
        #expect(batch.rendered?.paths.contains("ke-hoach.html") == true)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("ke-hoach.html").path))
    }

    @Test func aDatasetWithErrorsStopsAtValidateAndRendersNothing() throws {
        let scratch = try ScratchDataset(["scores.csv": "unit;code;self;appraised\ntp;1.1;1;1\ntp;1.2;1;9\n"])
        defer { scratch.remove() }
        let out = scratchOutput()
        defer { remove(out) }
        let lines = Lines()
        let pipeline = Pipeline.checking.then(.render(.init(output: out, templates: Rendered.templates)))
        let batch = try pipeline.run(Pipeline.Batch(scratch.folder), log: lines.log)
        #expect(lines.all == ["[1/4] load", "[2/4] validate"])
        #expect(batch.stoppedAt == .validate)
        #expect(batch.results == nil && batch.rendered == nil)
        // load found the score above its max, validate that tc has no rows: both are reported.
        #expect(batch.problems.map { "\($0.file):\($0.line.map(String.init) ?? "-")" } == ["scores.csv:-", "scores.csv:3"])
        #expect(batch.problems.first?.message.hasPrefix("unit tc (Sở Tài chính) has no scores") == true)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aFolderThatIsNotADatasetStopsAtLoad() throws {
        let lines = Lines()
        let batch = try Pipeline.checking.run(Pipeline.Batch(TestPaths.input("no-such-dataset")), log: lines.log)
        #expect(lines.all == ["[1/3] load"])
        #expect(batch.stoppedAt == .load && batch.dataset == nil)
        #expect(batch.problems.first?.message.hasPrefix("is not a dataset folder") == true)
    }

    /// quang-binh-2021's plan.yaml states a survey total that differs (a warning of load).
    @Test func strictStopsAtTheFirstStepThatEndsWithAWarning() throws {
        let lenient = try Pipeline.checking.run(Pipeline.Batch(TestPaths.input("quang-binh-2021")))
        #expect(lenient.stoppedAt == nil && !lenient.diagnostics.warnings.isEmpty)
        let strict = try Pipeline.checking.run(Pipeline.Batch(TestPaths.input("quang-binh-2021"), strict: true))
        #expect(strict.stoppedAt == .validate && strict.results == nil)
        #expect(!strict.problems.isEmpty && strict.problems.allSatisfy { $0.severity == .warning })
        #expect(strict.problems.first?.message.hasPrefix("'survey.total'") == true)
    }

    @Test func aStepThatFailsIsNamedInItsError() throws {
        let file = scratchOutput()
        defer { remove(file) }
        try Data("not a folder".utf8).write(to: file)
        let pipeline = Pipeline.checking.then(.render(.init(output: file, templates: Rendered.templates)))
        let error = #expect(throws: PipelineError.self) {
            try pipeline.run(Pipeline.Batch(TestPaths.input("quang-binh-2021")))
        }
        guard case .failed(let step, let underlying)? = error else {
            Issue.record("expected a failed step, got \(String(describing: error))")
            return
        }
        #expect(step == .render)
        #expect(underlying is RenderError)
        #expect(error?.localizedDescription.hasPrefix("render: \(file.path): ") == true, "\(error?.localizedDescription ?? "")")
        #expect(try String(contentsOf: file, encoding: .utf8) == "not a folder")
    }

    /// A source of last year's results that hands out a fixed table.
    struct FixedPrevious: PreviousResultsSource {
        var csv: String
        func previousResults(for folder: URL, year: Int, diagnostics: inout DiagnosticEngine) -> PreviousResults? {
            CSVReader.read(Data(csv.utf8), file: SourceName("fixed-\(year).csv"), diagnostics: &diagnostics).map {
                PreviousResults(table: $0)
            }
        }
    }

    @Test func lastYearsResultsComeFromTheInjectedSource() throws {
        // The dataset's own previous.csv is broken: with another source, it is not read at all.
        let scratch = try ScratchDataset(["previous.csv": "not;a;previous;file\n"])
        defer { scratch.remove() }
        #expect(scratch.check().errors.contains { $0.file == "previous.csv" })
        let source = FixedPrevious(csv: "unit,index,rank\ntp,70.5,2\ntc,80,1\n")
        let checked = Pipeline.check(scratch.folder, previous: source)
        #expect(checked.errors.isEmpty, "\(checked.errors)")
        let units = checked.results?.groups.flatMap(\.units) ?? []
        #expect(units.first { $0.id == "tp" }?.previousRank == 2)
        #expect(units.first { $0.id == "tp" }?.previousIndex == Points("70.5"))
        // A problem in the source's table is reported under the name the source gives it (the year before 2024).
        let bad = Pipeline.check(scratch.folder, previous: FixedPrevious(csv: "unit,index,rank\ntp,x,2\n"))
        #expect(bad.errors.map(\.file) == ["fixed-2023.csv"])
    }
}
