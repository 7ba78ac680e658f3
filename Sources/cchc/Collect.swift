import ArgumentParser
import CCHCCore
import CCHCInput
import CCHCKit
import Foundation

struct Collect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge returned scoring workbooks into the dataset's scores table.",
        discussion: """
            Reads every workbook given (or every .xlsx in a folder given), whatever its file name, \
            checks it against the dataset, and writes its values into scores.csv (or the workbook \
            the scores are kept in), whole or not at all. Nothing is written while a workbook is \
            refused, or while a cell would change without --replace. Then says, per unit or \
            agency, what came back and what is still empty.
            """)

    @Argument(help: "The dataset folder, e.g. Inputs/an-giang-2022.")
    var dataset: String

    @Argument(help: "Returned workbooks, or folders of them.")
    var workbooks: [String]

    @Flag(help: "Take the workbook's value where the scores table already holds another one.")
    var replace = false

    func run() throws {
        let outcome: ScoresCollector.Outcome
        do {
            outcome = try ScoresCollector.collect(
                dataset: URL(fileURLWithPath: dataset), paths: workbooks.map { (URL(fileURLWithPath: $0), $0) }, replace: replace)
        } catch let RenderError.dataset(problems) {
            throw Report.failure(RenderError.dataset(problems.map { $0.located(in: dataset) }), "Nothing was written.")
        } catch {
            throw Report.failure(error, "Nothing was written.")
        }
        for d in outcome.diagnostics.diagnostics { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
        for conflict in outcome.conflicts {
            FileHandle.standardError.write(
                Data((CollectText.conflict(conflict, table: outcome.table, replaced: replace) + "\n").utf8))
        }
        print(CollectText.status(outcome.status), terminator: "")
        let table = (dataset.hasSuffix("/") ? dataset : dataset + "/") + outcome.table
        if outcome.held {
            let errors = outcome.diagnostics.errors.count
            let why =
                errors > 0
                ? "\(errors) error\(errors == 1 ? "" : "s")"
                : "\(outcome.conflicts.count) cell\(outcome.conflicts.count == 1 ? "" : "s") in conflict (--replace takes the workbooks' values)"
            FileHandle.standardError.write(Data("collect: \(why). Nothing was written.\n".utf8))
            throw ExitCode.failure
        }
        print(
            outcome.written == 0
                ? "\(table): unchanged (nothing new in the workbooks)."
                : "\(table): \(outcome.written) cell\(outcome.written == 1 ? "" : "s") written.")
    }
}

/// What `collect` prints.
enum CollectText {
    static func conflict(_ c: ScoresMerge.Conflict, table: String, replaced: Bool) -> String {
        let v = c.value
        var at = c.file
        at.sheet = at.sheet ?? "scores"
        let cell = Diagnostic(.warning, file: at, line: v.line, column: v.cell, "").description.replacingOccurrences(
            of: ": warning: ", with: "")
        return
            "\(cell): conflict: unit \(v.unit), code \(v.code), column \(v.column): \(table) holds '\(c.existing)', the workbook '\(v.text)'; "
            + (replaced ? "replaced (--replace)" : "kept; give --replace to take the workbook's value")
    }

    /// Per kind of workbook, one line per unit or agency: received or not, complete or what is still empty.
    static func status(_ status: [CollectStatus]) -> String {
        var out = ""
        var form: ScoringForm?
        let width = min(status.map(\.id.count).max() ?? 0, 40)
        for s in status {
            if s.form != form {
                form = s.form
                let done = status.filter { $0.form == s.form && $0.isComplete }.count
                let all = status.filter { $0.form == s.form }.count
                out += "Workbooks for \(s.form.audience.rawValue)\(s.form.roundSuffix): \(done) of \(all) complete\n"
            }
            let name = s.id.padding(toLength: max(width, s.id.count), withPad: " ", startingAt: 0)
            guard !s.files.isEmpty else {
                out += "  \(name)  not received\n"
                continue
            }
            let state =
                !s.refused.isEmpty
                ? "refused: \(s.refused.joined(separator: ", ")) (see the errors above)"
                : s.empty.isEmpty
                    ? "complete"
                    : "\(s.empty.count) of \(s.rows) rows still empty: " + s.empty.prefix(8).joined(separator: ", ")
                        + (s.empty.count > 8 ? " …" : "")
            out += "  \(name)  received (\(s.files.joined(separator: ", "))), \(state)\n"
        }
        return out
    }
}
