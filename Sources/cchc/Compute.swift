import ArgumentParser
import CCHCKit
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
        let checked = Pipeline.check(URL(fileURLWithPath: dataset))
        guard checked.passes(strict: strict), let results = checked.results else {
            try Report.diagnostics(checked, dataset: dataset, strict: strict)
            return
        }
        try Report.diagnostics(checked, dataset: dataset, strict: strict)
        switch format {
        case .json: print(ResultsJSON.render(results), terminator: "")
        case .text: print(ResultsText.render(results), terminator: "")
        }
    }
}
