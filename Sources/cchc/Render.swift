import ArgumentParser
import CCHCCore
import CCHCDocuments
import CCHCInput
import CCHCKit
import CCHCStore
import CCHCTemplate
import Foundation

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the plan, self-assessments, results report and decision as HTML, XML, text, Word (.docx) and PDF.")

    @Argument(help: "The dataset folder, e.g. Inputs/an-giang-2022.")
    var dataset: String

    @Option(help: "Where to write (default Output/<dataset name>).")
    var out: String?

    @Option(help: "Kinds to write: plan, self-assessment, appraisal, report, decision (comma-separated).")
    var kinds: String = DocumentKind.allCases.map(\.rawValue).joined(separator: ",")

    @Option(
        help:
            "Formats to write: html, xml, txt, docx, pdf (comma-separated; default html, xml, txt, docx, and pdf when Chromium is installed)."
    )
    var formats: String?

    @Option(help: "A folder of fonts the PDF uses before the system's (e.g. Times New Roman); default $CCHC_FONTS.")
    var fonts: String?

    @Option(help: "Only this unit's self-assessment and appraisal result.")
    var unit: String?

    @Option(
        help:
            "A folder of templates to use in place of the built-in ones (only the files it has); default $CCHC_TEMPLATES, else the built-in set."
    )
    var templates: String?

    @Option(
        name: .customLong("previous-from"),
        help: "Take last year's ranks and indexes from this archive store instead of previous.csv.")
    var previousFrom: String?

    @Option(
        name: .customLong("previous-key"),
        help: "The public key (PATH.pub) the record of --previous-from must be signed with.")
    var previousKey: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        let kinds = try parsedKinds()
        _ = try parsedFormats()
        if let unit, !kinds.contains(.selfAssessment) && !kinds.contains(.appraisal) {
            throw ValidationError(
                "--unit \(unit) picks one unit's self-assessment and appraisal result, but --kinds includes neither self-assessment nor appraisal; add one, or leave out --unit"
            )
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: dataset)
        let output: URL
        do {
            output = try out.map { URL(fileURLWithPath: $0) } ?? OutputFolder.defaultFolder(for: folder)
        } catch let error as RenderError {
            throw Report.failure(error, "Nothing was written.")
        }
        let outputPath = out ?? output.relativePath
        let templateSet: TemplateSet
        do { templateSet = try TemplateSet.resolve(option: templates) } catch let error as RenderError {
            throw Report.failure(error, "Nothing was written.")
        }
        let options = RenderJob.Options(
            output: output, templates: templateSet, kinds: try parsedKinds(),
            formats: try parsedFormats(), unit: unit, strict: strict, fonts: fonts.map { URL(fileURLWithPath: $0) })
        let previous: any PreviousResultsSource =
            previousFrom.map { PreviousFromArchive(URL(fileURLWithPath: $0), key: previousKey.map { URL(fileURLWithPath: $0) }) }
            ?? PreviousCSV()
        let pipeline = Pipeline.checking.then(.render(options, progress: quiet ? nil : Progress.documents()))
        let batch: Pipeline.Batch
        do {
            batch = try pipeline.run(
                Pipeline.Batch(folder, previous: previous, strict: strict), log: Progress.steps(quiet: quiet))
        } catch let error as PipelineError {
            // A `--unit` the dataset does not have is a wrong command line (exit 64), found once the units are read.
            if case .failed(_, let cause as RenderError) = error, case .unknownUnit = cause {
                throw ValidationError(cause.localizedDescription)
            }
            throw Report.failure(error, "Nothing was written.")
        }
        if batch.rendered != nil { Progress.finish(quiet: quiet) }
        // Warnings are shown unless --quiet; errors always, and then nothing was rendered.
        if !quiet || batch.stoppedAt != nil { try Report.diagnostics(batch, dataset: dataset) }
        if !quiet, let rendered = batch.rendered {
            print(Summary.of(rendered.paths, in: outputPath))
            // With one unit nothing is ranked; otherwise a skipped commendation has no one to commend.
            let oneUnit = rendered.skipped.contains(.report)
            let ranking = rendered.skipped.filter {
                ![.appraisal, .council, .appraisalReport, .guidance].contains($0) && ($0 != .commendation || oneUnit)
            }
            if rendered.skipped.contains(.commendation) && !oneUnit {
                print(
                    "skipped commendation: no unit to commend (plan.yaml's awards gives no rule for any group, or its rule selects no unit)"
                )
            }
            if !ranking.isEmpty {
                print(
                    "skipped \(ranking.map(\.rawValue).joined(separator: ", ")): the dataset has one unit, and a ranking of one unit (\"xếp thứ 1/1\") means nothing"
                )
            }
            if rendered.skipped.contains(.appraisal) {
                print(
                    "skipped appraisal, appraisal-report, guidance\(rendered.skipped.contains(.council) ? ", council" : ""): the units are provinces, which Bộ Nội vụ guides and appraises; no council or secretariat of the province writes to them"
                )
            } else if rendered.skipped.contains(.council) {
                print("skipped council: no council members (council.csv: name,title,agency,role; or council: in plan.yaml)")
            }
        }
    }

    private func parsedKinds() throws -> [DocumentKind] {
        try Self.parseList(
            kinds, option: "--kinds", what: "kind", expected: DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))
    }

    private func parsedFormats() throws -> [OutputFormat] {
        guard let formats else { return OutputFormat.defaults() }
        return try Self.parseList(formats, option: "--formats", what: "format", expected: "html, xml, txt, docx, pdf")
    }

    /// A comma-separated option's names, each one of `Value`'s raw values.
    private static func parseList<Value: RawRepresentable>(_ text: String, option: String, what: String, expected: String)
        throws -> [Value] where Value.RawValue == String
    {
        try text.split(separator: ",").map { name in
            guard let value = Value(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("\(option): '\(name)' is not a \(what); expected \(expected)")
            }
            return value
        }
    }
}

/// What was written where, one line per document (the per-unit folders counted).
enum Summary {
    static func of(_ paths: [String], in folder: String) -> String {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        let perUnit = ["tu-danh-gia/", "ket-qua-tham-dinh/"]
        var lines = paths.filter { p in !perUnit.contains { p.hasPrefix($0) } }.map { "wrote \(base)\($0)" }
        for prefix in perUnit {
            let count = paths.filter { $0.hasPrefix(prefix) }.count
            if count > 0 { lines.append("wrote \(base)\(prefix) (\(count) files)") }
        }
        return lines.joined(separator: "\n")
    }
}
