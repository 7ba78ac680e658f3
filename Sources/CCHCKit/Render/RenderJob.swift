import CCHCCompute
import CCHCCore
import CCHCDocuments
import CCHCInput
import CCHCStore
import CCHCTemplate
import CCHCWriters
import Foundation

/// `cchc render` as one call: check the dataset, build and render the documents, then write them.
/// Nothing is written unless every step before writing succeeded. `archive` and `verify
/// --rerender` render through here too, into a scratch folder: there is one render path.
public enum RenderJob {
    public struct Options: Sendable {
        public var output: URL
        public var templates: TemplateSet
        public var kinds: [DocumentKind]
        public var formats: [OutputFormat]
        public var unit: String?
        public var strict: Bool
        /// Fonts the PDF uses before the system's (`$CCHC_FONTS` when `nil`).
        public var fonts: URL?
        /// Whether to hash each file as it is written (`RenderOutcome.hashes`), for the archive.
        public var hashes = false

        public init(
            output: URL, templates: TemplateSet = .builtIn, kinds: [DocumentKind] = DocumentKind.allCases,
            formats: [OutputFormat] = OutputFormat.standard, unit: String? = nil, strict: Bool = false, fonts: URL? = nil
        ) {
            (self.output, self.templates, self.kinds, self.formats, self.unit, self.strict, self.fonts) = (
                output, templates, kinds, formats, unit, strict, fonts
            )
        }

        /// A whole render (every kind, every unit, at least the standard formats) replaces the
        /// output folder at once; a partial one updates its files.
        public var rendersEverything: Bool {
            unit == nil && Set(kinds) == Set(DocumentKind.allCases) && Set(formats).isSuperset(of: OutputFormat.standard)
        }
    }

    /// The names of the files a render writes beside the documents.
    public static let sidecars: Set<String> = [
        "results.json", "results.csv", "results.xlsx", surveyResults, RenderProvenance.fileName,
    ]

    /// The survey's tally, per unit, criterion and group, written when the dataset has raw forms.
    public static let surveyResults = "survey-results.csv"

    /// Checks, renders and writes (load → validate → compute → render); returns the paths written
    /// (relative to the output folder). Problems in the dataset are thrown as `RenderError.dataset`.
    @discardableResult
    public static func run(_ folder: URL, _ options: Options) throws -> [String] {
        let batch: Pipeline.Batch
        do {
            batch = try Pipeline.checking.then(.render(options)).run(Pipeline.Batch(folder, strict: options.strict))
        } catch PipelineError.failed(_, let error as RenderError) {
            throw error
        }
        guard let rendered = batch.rendered else { throw RenderError.dataset(batch.problems) }
        return rendered.paths
    }

    /// Renders and writes a checked dataset; returns the paths written.
    @discardableResult
    public static func run(_ checked: Pipeline.Checked, _ options: Options, progress: (@Sendable (Int, Int) -> Void)? = nil)
        throws -> [String]
    {
        try stream(checked, options, progress: progress).paths
    }

    /// Renders and writes a checked dataset. Each document is streamed into a staging folder as
    /// soon as it is ready, so memory stays flat however many units there are. A whole render
    /// swaps the folder in at the end (nothing is visible until everything succeeded); a partial
    /// one (some kinds, formats or one unit) then moves its files into the output folder, each
    /// replacing its old version in one rename, and leaves the other files there as they are.
    /// - Parameter progress: called with (documents done, documents in all), from any thread.
    /// - Returns: the paths written, in document order, with each document file's metadata.
    public static func stream(_ checked: Pipeline.Checked, _ options: Options, progress: (@Sendable (Int, Int) -> Void)? = nil)
        throws -> RenderOutcome
    {
        let (dataset, results) = try inputs(checked, options)
        // One browser for the whole render, started only when PDF is asked for and always stopped.
        let printer = options.formats.contains(.pdf) ? try PDFPrinter(fonts: options.fonts) : nil
        defer { printer?.stop() }
        let renderer = try DocumentRenderer(templates: options.templates, formats: options.formats, printer: printer)
        let factory = DocumentFactory(dataset, results, wordings: renderer.wordings)
        let specs = factory.specs(kinds: options.kinds, unit: options.unit)
        let folder = try OutputFolder.claim(options.output).folder
        let lock = try OutputLock(folder)
        defer { withExtendedLifetime(lock) {} }
        let (_, previous) = try OutputFolder.claim(folder)  // as it is once this render has its turn
        let staging = try OutputWriter.prepareStaging(for: folder)
        // results.json, .csv and .xlsx (and survey-results.csv) are written while the documents render.
        let sidecars = Background {
            let files = try resultsFiles(results, survey: dataset.surveyForms)
            let hashes = try OutputWriter.writeStaged(files, to: staging, hashing: options.hashes)
            return Dictionary(zip(files.map(\.path), hashes), uniquingKeysWith: { a, _ in a })
        }
        do {
            let total = specs.count
            var outcome = try renderer.renderStreaming(
                specs, factory: factory, into: staging, hashing: options.hashes,
                progress: progress.map { report in { @Sendable done in report(done, total) } })
            outcome.hashes.merge(try sidecars.wait()) { a, _ in a }
            outcome.paths +=
                ["results.json", "results.csv", "results.xlsx"] + (dataset.surveyForms == nil ? [] : [surveyResults])
            outcome.skipped = factory.skipped.filter(options.kinds.contains)
            var owned = Set(outcome.paths)
            if !options.rendersEverything { owned.formUnion(previous?.files ?? []) }
            owned.remove(RenderProvenance.fileName)
            let marker = provenance(dataset, options, files: owned.sorted())
            try OutputWriter.writeStaged([marker], to: staging)
            outcome.paths.append(RenderProvenance.fileName)
            try OutputWriter.requireComplete(staging, outcome.paths)
            if options.rendersEverything {
                // A file saved into the output while the render ran is the officer's: refused, named.
                let (_, now) = try OutputFolder.claim(folder)
                try OutputWriter.swapIn(staging, for: folder, previous: now)
            } else {
                // The marker first: a render that looks at the folder before taking its turn then
                // finds every file listed, never one moved in ahead of the list that owns it.
                let markerFirst = [RenderProvenance.fileName] + outcome.paths.filter { $0 != RenderProvenance.fileName }
                try OutputWriter.moveIn(markerFirst, from: staging, to: folder)
                OutputWriter.discard(staging)
            }
            return outcome
        } catch {
            _ = try? sidecars.wait()
            OutputWriter.discard(staging)
            throw error
        }
    }

    /// The dataset and results to render, or every error that stops the render (also a `--unit`
    /// that is not in the dataset).
    package static func inputs(_ checked: Pipeline.Checked, _ options: Options) throws -> (Dataset, Results) {
        guard checked.passes(strict: options.strict), let dataset = checked.dataset, let results = checked.results else {
            throw RenderError.dataset(checked.diagnostics.filter { $0.severity == .error || options.strict })
        }
        if let unit = options.unit, !dataset.units.contains(where: { $0.id == unit }) {
            throw RenderError.unknownUnit(unit, known: dataset.units.map(\.id))
        }
        return (dataset, results)
    }

    /// results.json, results.csv and results.xlsx, written beside the documents, and with the
    /// survey's raw forms, survey-results.csv.
    package static func resultsFiles(_ results: Results, survey: SurveyTally.Outcome? = nil) throws -> [RenderedFile] {
        [
            RenderedFile(path: "results.json", content: ResultsJSON.render(results)),
            RenderedFile(path: "results.csv", content: ResultsCSV.render(results)),
            RenderedFile(path: "results.xlsx", bytes: Array(try ResultsWorkbook.render(results))),
        ] + (survey.map { [RenderedFile(path: surveyResults, content: $0.csv())] } ?? [])
    }

    /// cchc-render.json: what the documents were rendered from, and the files cchc wrote.
    package static func provenance(_ dataset: Dataset, _ options: Options, files: [String]?) -> RenderedFile {
        let provenance = RenderProvenance(
            tool: "cchc \(CCHC.version)", dataset: RelativePath.from(options.output, to: dataset.folder),
            templates: options.templates.folder.map { RelativePath.from(dataset.folder, to: $0) },
            kinds: options.kinds,
            formats: options.formats, unit: options.unit, files: files)
        return RenderedFile(path: RenderProvenance.fileName, content: provenance.encoded())
    }
}
