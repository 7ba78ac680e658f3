import ArgumentParser
import CCHCCore
import CCHCKit
import CCHCTemplate
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Start a new dataset: every file with its header row and a commented plan.yaml; with --framework and --units, the score rows to fill in."
    )

    @Argument(help: "The new dataset folder, e.g. tinh-x-2024 (new, or empty).")
    var folder: String

    @Option(
        help:
            "The criteria (bộ tiêu chí), copied as framework.csv; give it once per file when units.csv names several (framework-so.csv, framework-huyen.csv keep their names)."
    )
    var framework: [String] = []

    @Option(help: "The units, copied as units.csv.")
    var units: String?

    @Flag(help: "Write the tables as Excel workbooks (scores.xlsx, …, one sheet each) instead of CSV.")
    var xlsx = false

    @Option(help: "The year assessed (default: last year).")
    var year: Int?

    @Option(help: "A templates folder whose init/plan.yaml to start from; default $CCHC_TEMPLATES, else the built-in one.")
    var templates: String?

    func validate() throws {
        if framework.isEmpty != (units == nil) {
            throw ValidationError(
                "--framework and --units go together: the score rows are one per unit and criterion; give both, or neither")
        }
    }

    func run() throws {
        let lastYear = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
        do {
            var options = DatasetSkeleton.Options(
                folder: URL(fileURLWithPath: folder), frameworks: framework.map { URL(fileURLWithPath: $0) },
                units: units.map { URL(fileURLWithPath: $0) }, year: year ?? lastYear,
                templates: try TemplateSet.resolve(option: templates))
            options.workbooks = xlsx
            let outcome = try DatasetSkeleton.create(options)
            print("wrote \(folder)/: \(outcome.files.joined(separator: ", "))")
            if outcome.scoreRows + outcome.surveyRows > 0 {
                let kind = xlsx ? "xlsx" : "csv"
                print(
                    "scores.\(kind) has \(outcome.scoreRows) rows and survey.\(kind) \(outcome.surveyRows) to fill in (a number or N/A in each)"
                )
            }
            print("fill in plan.yaml (year, issuer, place), then: cchc validate \(folder)")
        } catch let error as InitError {
            throw Report.failure(error, "Nothing was written.")
        } catch let error as RenderError {
            throw Report.failure(error, "Nothing was written.")
        }
    }
}
