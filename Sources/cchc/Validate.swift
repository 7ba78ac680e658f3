import ArgumentParser
import CCHCKit
import Foundation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dataset and print every problem as file:line: error: message.")

    @Argument(help: "The dataset folder, e.g. Inputs/an-giang-2022.")
    var dataset: String

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let batch = try Pipeline.checking.run(
            Pipeline.Batch(URL(fileURLWithPath: dataset), strict: strict), log: Progress.steps(quiet: false))
        try Report.diagnostics(batch, dataset: dataset)
        let warnings = batch.diagnostics.diagnostics.count
        print(warnings == 0 ? "OK" : "OK (\(warnings) warning\(warnings == 1 ? "" : "s"))")
    }
}
