import ArgumentParser
import CCHCKit
import CCHCWriters
import Foundation

struct Compute: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute totals, indexes and ranks, and print them as JSON or a text table.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    @Argument(help: "The dataset folder, e.g. Inputs/an-giang-2022.")
    var dataset: String

    @Option(help: "json (the results: groups, units, ranks, indexes, fields, warnings) or text.")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let batch = try Pipeline.checking.run(
            Pipeline.Batch(URL(fileURLWithPath: dataset), strict: strict), log: Progress.steps(quiet: false))
        try Report.diagnostics(batch, dataset: dataset)
        guard let results = batch.results else { return }
        switch format {
        case .json: print(ResultsJSON.render(results), terminator: "")
        case .text: print(ResultsText.render(results), terminator: "")
        }
    }
}
