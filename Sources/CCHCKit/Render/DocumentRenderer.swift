import Foundation
import Synchronization

/// One rendered file, in memory until every file of the run has rendered and validated.
public struct RenderedFile: Sendable {
    /// Relative to the output folder, e.g. `tu-danh-gia/snv.html`.
    public var path: String
    /// The file's content, UTF-8.
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, content: String) {
        self.init(path: path, bytes: Array(content.utf8))
    }

    /// The content as text.
    public var content: String { String(decoding: bytes, as: UTF8.self) }
}

/// What a render wrote: the paths, in document order, and each document file's archive
/// metadata (by path).
public struct RenderOutcome: Sendable {
    public var paths: [String] = []
    public var metadata: [String: DocumentMetadata] = [:]
    /// The kinds asked for but not written: those that rank, for a dataset of one unit.
    public var skipped: [DocumentKind] = []
}

/// Step 4b: renders documents with the user's templates, each format from its folder.
public struct DocumentRenderer: Sendable {
    public let formats: [OutputFormat]
    private let libraries: [OutputFormat: TemplateLibrary]
    private let validator: XMLSchemaValidator?
    private let printer: PDFPrinter?
    /// The .docx writer, with the house style of the set's `docx/reference.docx`.
    private let docx: DocxWriter
    /// The wording of each kind (`wording/<kind>.mustache`), by the kind's file name.
    public let wordings: [String: Wording]

    /// Compiles the templates `formats` need from `templates` (and reads the XSD for XML). PDF is
    /// the HTML printed by `printer`, so it needs the HTML templates and a printer.
    public init(templates: TemplateSet, formats: [OutputFormat], printer: PDFPrinter? = nil) throws {
        self.formats = formats
        let templated = OutputFormat.templated(formats)
        var libraries: [OutputFormat: TemplateLibrary] = [:]
        var errors: [TemplateError] = []
        for format in templated {
            let files = templates.files(of: format).map { f in
                (name: String(f.path.dropFirst(format.rawValue.count + 1)), data: f.data(), label: f.label)
            }
            libraries[format] = TemplateLibrary(files: files, format: format.rawValue, escaping: format.escaping, errors: &errors)
        }
        wordings = Self.wordings(templates, errors: &errors)
        if !errors.isEmpty { throw RenderError.templates(errors) }
        for format in templated {
            for kind in DocumentKind.allCases where libraries[format]?.template(kind.fileName) == nil {
                throw RenderError.missingFile("\(format.rawValue)/\(kind.fileName).mustache")
            }
        }
        self.libraries = libraries
        if formats.contains(.xml) {
            validator = try XMLSchemaValidator(templates: templates)
        } else {
            validator = nil
        }
        if formats.contains(.pdf) && printer == nil { throw PDFError.noBrowser }
        self.printer = printer
        docx = formats.contains(.docx) ? try DocxWriter.of(templates) : .builtIn
    }

    /// Renders every document in every format in memory, on every core (the benchmark times
    /// the formats with it; `cchc` itself always streams).
    public func render(_ documents: [OfficialDocument], progress: (@Sendable (Int) -> Void)? = nil) throws -> [RenderedFile] {
        try inParallel(documents.count, progress: progress) { i in try renderOne(documents[i]) }
    }

    /// Builds, renders, validates and writes each document into `folder` as soon as it is ready,
    /// on every core, so only a few documents are in memory at once. Returns the paths written,
    /// in document order, with each file's archive metadata. On any error the caller discards
    /// `folder` (a staging folder).
    public func renderStreaming(
        _ specs: [DocumentSpec], factory: DocumentFactory, into folder: URL,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> RenderOutcome {
        // The report and the decision hold tables of every unit: they start first, so that no
        // core is left idle at the end while another finishes one of them.
        let schedule = specs.indices.filter { specs[$0].isLarge } + specs.indices.filter { !specs[$0].isLarge }
        let scheduled = try inParallel(specs.count, progress: progress) { k -> [(Int, [String], [DocumentMetadata])] in
            let i = schedule[k]
            guard let document = try factory.build(specs[i]) else { return [] }
            let files = try renderOne(document)
            try OutputWriter.writeStaged(files, to: folder)
            return [(i, files.map(\.path), formats.map { DocumentMetadata(document, format: $0) })]
        }
        var outcome = RenderOutcome()
        for (_, paths, metadata) in scheduled.sorted(by: { $0.0 < $1.0 }) {
            outcome.paths += paths
            for (path, m) in zip(paths, metadata) { outcome.metadata[path] = m }
        }
        return outcome
    }

    /// The wording templates of `templates`, compiled; their syntax errors go to `errors`.
    public static func wordings(_ templates: TemplateSet, errors: inout [TemplateError]) -> [String: Wording] {
        let files = templates.files(under: "wording").map { f in
            (name: String(f.path.dropFirst("wording/".count)), data: f.data(), label: f.label)
        }
        let library = TemplateLibrary(files: files, format: "wording", escaping: .wording, errors: &errors)
        var wordings: [String: Wording] = [:]
        for kind in DocumentKind.allCases {
            if let template = library.template(kind.fileName) { wordings[kind.fileName] = Wording(template) }
        }
        return wordings
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

    private func renderOne(_ document: OfficialDocument) throws -> [RenderedFile] {
        var files: [RenderedFile] = []
        let context = DocumentContext.make(document, formats: Set(libraries.keys))
        var html: [UInt8]?  // rendered once for both the .html file and the PDF
        for format in formats {
            let path = "\(document.path).\(format.rawValue)"
            switch format {
            case .docx:
                files.append(RenderedFile(path: path, bytes: try docx.write(document)))
            case .pdf:
                guard let printer else { throw PDFError.noBrowser }
                let page = try html ?? render(.html, document, context)
                html = page
                let date = PDFDate(document.header.date, year: document.header.fallbackYear)
                files.append(RenderedFile(path: path, bytes: try printer.print(page, date: date, document: path)))
            case .html, .xml, .txt:
                let bytes = format == .html ? try html ?? render(.html, document, context) : try render(format, document, context)
                if format == .html { html = bytes }
                files.append(RenderedFile(path: path, bytes: bytes))
            }
        }
        return files
    }

    /// A document not rendered because an earlier one failed.
    private struct Skipped: Error {}

    /// `document` through the template of `format`, an XML validated against the XSD.
    private func render(_ format: OutputFormat, _ document: OfficialDocument, _ context: TemplateValue) throws -> [UInt8] {
        guard let library = libraries[format], let template = library.template(document.kind.fileName) else {
            throw RenderError.missingFile("\(format.rawValue)/\(document.kind.fileName).mustache")
        }
        let path = "\(document.path).\(format.rawValue)"
        var out = ByteBuffer(capacity: 48 * 1024)  // a self-assessment: one allocation instead of several
        try template.render(context, partials: library, into: &out)
        if format == .xml, let validator, case let problems = out.withBytes({ validator.validate($0) }), !problems.isEmpty {
            throw RenderError.invalidXML(path: path, problems: problems)
        }
        return out.array
    }
}
