import CCHCCore
import CCHCInput
import CCHCStore
import CCHCWriters
import Foundation

/// `cchc sheets`: one scoring workbook per unit or per lead agency, written into an output
/// folder by the rules of a render (new, empty, or one `cchc sheets` wrote before), whole or not
/// at all.
public enum ScoringSheets {
    /// What was written, and what was not and why.
    public struct Outcome: Sendable {
        /// The workbooks' file names, in the order of units.csv or of the leads.
        public var files: [String] = []
        /// Warnings for the officer: a lead of no criterion, criteria no lead is named for.
        public var warnings: [String] = []
    }

    /// Writes the workbooks of `form` for every unit or lead of the dataset at `dataset` into `output`.
    @discardableResult
    public static func write(dataset: URL, form: ScoringForm, output: URL) throws -> Outcome {
        var diagnostics = DiagnosticEngine()
        guard let setup = ScoringSetup.load(dataset, diagnostics: &diagnostics) else {
            throw RenderError.dataset(diagnostics.diagnostics.filter { $0.severity == .error })
        }
        var outcome = Outcome()
        var files: [RenderedFile] = []
        for id in setup.ids(form) {
            let book = ScoringWorkbook(setup, form, id: id)
            guard let writer = book.writer() else { continue }
            files.append(RenderedFile(path: book.fileName, bytes: Array(try writer.data())))
        }
        if form.audience == .leads {
            outcome.warnings = setup.unled.map { framework, codes in
                "\(framework): criteria \(codes.map(\.description).joined(separator: ", ")) name no lead agency (column lead), so no agency's workbook holds them; expected the agency that appraises each field in its row"
            }
            if files.isEmpty {
                throw RenderError.dataset([
                    Diagnostic(
                        .error, file: SourceName(setup.units.first?.framework ?? DatasetFiles.defaultFramework),
                        "no criterion names a lead agency, so there is no agency to send a workbook to; expected the column lead with the agency that appraises each field, e.g. 2,CẢI CÁCH THỂ CHẾ,,,Sở Tư pháp"
                    )
                ])
            }
        }
        try commit(files, form: form, dataset: dataset, output: output)
        outcome.files = files.map(\.path)
        return outcome
    }

    /// Writes `files` and the folder's marker beside `output`, then puts them in its place.
    private static func commit(_ files: [RenderedFile], form: ScoringForm, dataset: URL, output: URL) throws {
        let folder = try OutputFolder.claim(output).folder
        let lock = try OutputLock(folder)
        defer { withExtendedLifetime(lock) {} }
        if let marker = try? RenderProvenance.read(folder), marker.sheets == nil {
            throw RenderError.outputRefused(
                path: output.path,
                reason: "holds documents of `cchc render`; expected a new folder, an empty one or one `cchc sheets` wrote before")
        }
        let staging = try OutputWriter.prepareStaging(for: folder)
        do {
            var marker = RenderProvenance(
                tool: "cchc \(CCHC.version)", dataset: RelativePath.from(output, to: dataset), kinds: [], formats: [],
                files: files.map(\.path).sorted())
            marker.sheets = form.audience.rawValue + (form.round == .only ? "" : " --round \(form.round.rawValue)")
            let markerFile = RenderedFile(path: RenderProvenance.fileName, content: marker.encoded())
            _ = try OutputWriter.writeStaged(files + [markerFile], to: staging)
            try OutputWriter.requireComplete(staging, files.map(\.path) + [RenderProvenance.fileName])
            let (_, now) = try OutputFolder.claim(folder)
            try OutputWriter.swapIn(staging, for: folder, previous: now)
        } catch {
            OutputWriter.discard(staging)
            throw error
        }
    }
}
