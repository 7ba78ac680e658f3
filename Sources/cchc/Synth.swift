import ArgumentParser
import CCHCKit
import Foundation

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic synthetic dataset (48 leaves in 8 fields) for scale tests.")

    @Option(help: "Number of units.")
    var units: Int = 3321

    @Option(help: "Number of ranking groups.")
    var groups: Int = 34

    @Option(help: "The folder to write: a new or empty folder (a dataset is never written over).")
    var out: String

    @Flag(help: "Write the tables as Excel workbooks (scores.xlsx, …) instead of CSV.")
    var xlsx = false

    func validate() throws {
        guard units > 0, groups > 0 else { throw ValidationError("--units and --groups must be at least 1") }
    }

    func run() throws {
        try SyntheticDataset.write(units: units, groups: groups, to: URL(fileURLWithPath: out), workbooks: xlsx)
        print("wrote \(out): \(units) units in \(groups) groups")
    }
}
