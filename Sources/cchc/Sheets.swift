import ArgumentParser
import CCHCCore
import CCHCInput
import CCHCKit
import Foundation

struct Sheets: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the scoring workbooks to send out: one per unit, or one per lead agency of the council.",
        discussion: """
            --for units: each unit's criteria, with self, evidence and explanation to fill (round 2: its \
            response to round 1). --for leads: each lead agency's fields for every unit, with the \
            unit's scores shown and the appraisal to fill (round 1 fills round1/comment1, round 2 \
            and a single round appraised/comment). Send them as they are; bring them back with \
            `cchc collect`.
            """)

    enum Audience: String, ExpressibleByArgument, CaseIterable { case units, leads }

    @Argument(help: "The dataset folder, e.g. Inputs/an-giang-2022.")
    var dataset: String

    @Option(help: "The folder to write into: new, empty, or one `cchc sheets` wrote before.")
    var out: String

    @Option(name: .customLong("for"), help: "units (self-assessment) or leads (appraisal by the council's lead agencies).")
    var audience: Audience

    @Option(help: "The appraisal round, 1 or 2, when the year has two; leave out for a single round.")
    var round: Int?

    func validate() throws {
        if let round, ![1, 2].contains(round) { throw ValidationError("--round: '\(round)'; expected 1 or 2") }
    }

    func run() throws {
        let form = ScoringForm(
            audience == .units ? .units : .leads, round: round.flatMap(ScoringForm.Round.init(rawValue:)) ?? .only)
        let outcome: ScoringSheets.Outcome
        do {
            outcome = try ScoringSheets.write(
                dataset: URL(fileURLWithPath: dataset), form: form, output: URL(fileURLWithPath: out))
        } catch let RenderError.dataset(problems) {
            throw Report.failure(RenderError.dataset(problems.map { $0.located(in: dataset) }), "Nothing was written.")
        } catch {
            throw Report.failure(error, "Nothing was written.")
        }
        for warning in outcome.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        print("\(outcome.files.count) workbook\(outcome.files.count == 1 ? "" : "s") written to \(out)")
    }
}
