import CCHCCore
import CCHCDocuments
import CCHCStore
import CCHCTemplate
import CCHCWriters
import Foundation
import Synchronization

/// What a render wrote: the paths, in document order, and each document file's archive
/// metadata (by path).
public struct RenderOutcome: Sendable {
    public var paths: [String] = []
    public var metadata: [String: DocumentMetadata] = [:]
    /// The kinds asked for but not written: those that rank, for a dataset of one unit.
    public var skipped: [DocumentKind] = []
    /// The SHA-256 of each file as written, by path, when the render was asked to hash
    /// (`RenderJob.Options.hashes`): the archive and `verify --rerender` compare by them.
    public var hashes: [String: String] = [:]
    /// The SHA-256 of the HTML each PDF is the print of, by the PDF's path.
    public var printOf: [String: String] = [:]
}

/// Step 4b: renders documents with the user's templates, each format from its folder.
public struct DocumentRenderer: Sendable {
    public let formats: [OutputFormat]
    /// One writer per format, in the order they write (the XML after the PDF it counts pages of).
    private let writers: [any DocumentWriter]
    /// The wording of each kind (`wording/<kind>.mustache`), by the kind's file name.
    public let wordings: [String: Wording]

    /// Compiles the templates `formats` need from `templates` (and reads the XSD for XML). PDF is
    /// the HTML printed by `printer`, so it needs the HTML templates and a printer.
    public init(templates: TemplateSet, formats: [OutputFormat], printer: PDFPrinter? = nil) throws {
        self.formats = formats
        var errors: [TemplateError] = []
        let libraries = DocumentWriters.libraries(templates, for: formats, errors: &errors)
        wordings = DocumentKind.wordings(templates, errors: &errors)
        if !errors.isEmpty { throw RenderError.templates(errors) }
        writers = try DocumentWriters.make(formats, libraries: libraries, templates: templates, printer: printer)
    }

    /// Renders every document in every format in memory, on every core (the benchmark times
    /// the formats with it; `cchc` itself always streams).
    public func render(_ documents: [OfficialDocument], progress: (@Sendable (Int) -> Void)? = nil) throws -> [RenderedFile] {
        try inParallel(documents.count, progress: progress) { i in try renderOne(documents[i]).files }
    }

    /// Builds, renders, validates and writes each document into `folder` as soon as it is ready,
    /// on every core, so only a few documents are in memory at once. Returns the paths written,
    /// in document order, with each file's archive metadata. On any error the caller discards
    /// `folder` (a staging folder).
    public func renderStreaming(
        _ specs: [DocumentSpec], factory: DocumentFactory, into folder: URL, hashing: Bool = false,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> RenderOutcome {
        // The report and the decision hold tables of every unit: they start first, so that no
        // core is left idle at the end while another finishes one of them.
        let schedule = specs.indices.filter { specs[$0].isLarge } + specs.indices.filter { !specs[$0].isLarge }
        let scheduled = try inParallel(specs.count, progress: progress) { k -> [Written] in
            let i = schedule[k]
            guard let document = try factory.build(specs[i]) else { return [] }
            let (files, printOf) = try renderOne(document)
            let hashes = try OutputWriter.writeStaged(files, to: folder, hashing: hashing)
            return [
                Written(
                    index: i, paths: files.map(\.path), metadata: formats.map { DocumentMetadata(document, format: $0) },
                    hashes: hashes, printOf: printOf)
            ]
        }
        var outcome = RenderOutcome()
        for written in scheduled.sorted(by: { $0.index < $1.index }) {
            outcome.paths += written.paths
            for (path, m) in zip(written.paths, written.metadata) { outcome.metadata[path] = m }
            for (path, hash) in zip(written.paths, written.hashes) { outcome.hashes[path] = hash }
            if let printOf = written.printOf, let pdf = written.paths.first(where: { $0.hasSuffix(".pdf") }) {
                outcome.printOf[pdf] = printOf
            }
        }
        return outcome
    }

    /// Runs `body` for every index on every core and joins the results in index order. Template
    /// errors of all documents are reported together; any other error is thrown as it is.
    private func inParallel<Value: Sendable>(
        _ count: Int, progress: (@Sendable (Int) -> Void)?, _ body: @escaping @Sendable (Int) throws -> [Value]
    ) throws -> [Value] {
        let done = Atomic<Int>(0)
        // The first error that is not a template's mistake (a write, a print), or a template past
        // its budget, stops the documents not yet begun: each would only fail the same way.
        let stopped = Atomic<Bool>(false)
        let outcomes = Parallel.map(count) { i -> Result<[Value], Error> in
            if stopped.load(ordering: .relaxed) { return .failure(Skipped()) }
            let outcome = Result { try body(i) }
            if case .failure(let error) = outcome, (error as? TemplateError)?.isOverBudget ?? true {
                stopped.store(true, ordering: .relaxed)
            }
            if let progress { progress(done.add(1, ordering: .relaxed).newValue) }
            return outcome
        }
        var values: [Value] = []
        var templateErrors: [TemplateError] = []
        for outcome in outcomes {
            switch outcome {
            case .failure(is Skipped): continue
            case .success(let produced): values += produced
            case .failure(let error as TemplateError): if !templateErrors.contains(error) { templateErrors.append(error) }
            case .failure(let error): throw error
            }
        }
        if !templateErrors.isEmpty { throw RenderError.templates(templateErrors) }
        return values
    }

    /// `document` in every format, each by its writer.
    /// A document's files in the order of `formats`, whatever order they were written in.
    /// With the SHA-256 of the HTML its PDF is the print of, when there is a PDF.
    private func renderOne(_ document: OfficialDocument) throws -> (files: [RenderedFile], printOf: String?) {
        var written: [OutputFormat: [UInt8]] = [:]
        // HTML, XML and text see the same values: built once for the three.
        var shared: DocumentContext.SharedContext?
        for writer in writers {
            if let templated = writer as? TemplateWriter {
                if shared == nil { shared = DocumentContext.SharedContext(document) }
                written[writer.format] = try templated.write(document, earlier: written, shared: shared)
            } else {
                written[writer.format] = try writer.write(document, earlier: written)
            }
        }
        let printOf = written[.pdf] == nil ? nil : written[.html].map { Hashing.sha256(TextDecoder.nfc($0)) }
        let files = formats.compactMap { format in
            written[format].map { RenderedFile(path: "\(document.path).\(format.rawValue)", bytes: $0) }
        }
        return (files, printOf)
    }

    /// What one document's render wrote.
    private struct Written: Sendable {
        var index: Int
        var paths: [String]
        var metadata: [DocumentMetadata]
        var hashes: [String]
        var printOf: String?
    }

    /// A document not rendered because an earlier one failed.
    private struct Skipped: Error {}
}
