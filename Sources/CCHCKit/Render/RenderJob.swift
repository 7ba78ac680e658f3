import Foundation

/// `cchc render` as one call: check the dataset, build and render the documents, then write them.
/// Nothing is written unless every step before writing succeeded.
public enum RenderJob {
    public struct Options: Sendable {
        public var output: URL
        public var templates: URL
        public var kinds: [DocumentKind]
        public var formats: [OutputFormat]
        public var unit: String?
        public var strict: Bool

        public init(
            output: URL, templates: URL, kinds: [DocumentKind] = DocumentKind.allCases,
            formats: [OutputFormat] = OutputFormat.allCases, unit: String? = nil, strict: Bool = false
        ) {
            (self.output, self.templates, self.kinds, self.formats, self.unit, self.strict) = (
                output, templates, kinds, formats, unit, strict
            )
        }

        /// A whole render replaces the output folder at once; a partial one updates its files.
        public var rendersEverything: Bool {
            unit == nil && Set(kinds) == Set(DocumentKind.allCases) && Set(formats) == Set(OutputFormat.allCases)
        }
    }

    /// Renders `dataset` into memory; throws before anything is written.
    public static func prepare(_ checked: Pipeline.Checked, _ options: Options, progress: (@Sendable (Int, Int) -> Void)? = nil)
        throws -> [RenderedFile]
    {
        try render(checked, options, progress: progress).files
    }

    /// The documents and every file of a render, in memory.
    /// - Parameter progress: called with (documents done, documents in all), from any thread.
    public static func render(_ checked: Pipeline.Checked, _ options: Options, progress: (@Sendable (Int, Int) -> Void)? = nil)
        throws
        -> (documents: [OfficialDocument], files: [RenderedFile])
    {
        guard checked.passes(strict: options.strict), let dataset = checked.dataset, let results = checked.results else {
            throw RenderError.dataset(checked.diagnostics.filter { $0.severity == .error || options.strict })
        }
        if let unit = options.unit, !dataset.units.contains(where: { $0.id == unit }) { throw RenderError.unknownUnit(unit) }
        let renderer = try DocumentRenderer(templates: options.templates, formats: options.formats)
        let documents = DocumentSet.build(dataset, results, kinds: options.kinds, unit: options.unit)
        let total = documents.count
        var files = try renderer.render(documents, progress: progress.map { report in { @Sendable done in report(done, total) } })
        let provenance = RenderProvenance(
            tool: "cchc \(CCHC.version)", dataset: dataset.folder.standardizedFileURL.path,
            templates: options.templates.standardizedFileURL.path, kinds: options.kinds.map(\.rawValue),
            formats: options.formats.map(\.rawValue), unit: options.unit)
        files.append(RenderedFile(path: "results.json", content: ResultsJSON.render(results)))
        files.append(RenderedFile(path: "results.csv", content: ResultsCSV.render(results)))
        files.append(RenderedFile(path: RenderProvenance.fileName, content: provenance.encoded()))
        return (documents, files)
    }

    /// The names of the files `prepare` adds beside the documents.
    public static let sidecars: Set<String> = ["results.json", "results.csv", RenderProvenance.fileName]

    /// Checks, renders and writes; returns the files written.
    @discardableResult
    public static func run(_ folder: URL, _ options: Options) throws -> [RenderedFile] {
        let files = try prepare(Pipeline.check(folder), options)
        try OutputWriter.write(files, to: options.output, replacingAll: options.rendersEverything)
        return files
    }
}
