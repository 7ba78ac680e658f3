import Foundation

/// One rendered file, in memory until every file of the run has rendered and validated.
public struct RenderedFile: Sendable {
    /// Relative to the output folder, e.g. `tu-danh-gia/snv.html`.
    public var path: String
    public var content: String
}

/// Step 4b: renders documents with the user's templates, each format from its folder.
public struct DocumentRenderer: Sendable {
    public let formats: [OutputFormat]
    private let libraries: [OutputFormat: TemplateLibrary]
    private let validator: XMLSchemaValidator?

    /// Compiles the templates of `formats` from `templates` (and reads the XSD for XML).
    public init(templates: URL, formats: [OutputFormat]) throws {
        guard FileManager.default.fileExists(atPath: templates.path) else { throw RenderError.missingFile(templates.path) }
        self.formats = formats
        var libraries: [OutputFormat: TemplateLibrary] = [:]
        var errors: [TemplateError] = []
        for format in formats {
            do {
                libraries[format] = try TemplateLibrary(folder: templates.appendingPathComponent(format.rawValue),
                    format: format.rawValue, escaping: format.escaping)
            } catch let e as TemplateErrors {
                errors += e.errors
            }
        }
        if !errors.isEmpty { throw RenderError.templates(errors) }
        for format in formats {
            for kind in DocumentKind.allCases where libraries[format]?.template(kind.fileName) == nil {
                throw RenderError.missingFile(templates.appendingPathComponent("\(format.rawValue)/\(kind.fileName).mustache").path)
            }
        }
        self.libraries = libraries
        if formats.contains(.xml) {
            let xsd = templates.appendingPathComponent("xml/cchc-document.xsd")
            guard let text = try? String(contentsOf: xsd, encoding: .utf8) else { throw RenderError.missingFile(xsd.path) }
            validator = try XMLSchemaValidator(xsd: text, name: xsd.path)
        } else {
            validator = nil
        }
    }

    /// Renders every document in every format; XML is validated as it is rendered.
    public func render(_ documents: [OfficialDocument]) throws -> [RenderedFile] {
        var files: [RenderedFile] = []
        var templateErrors: [TemplateError] = []
        for document in documents {
            for format in formats {
                guard let library = libraries[format], let template = library.template(document.kind.fileName) else { continue }
                let path = "\(document.path).\(format.rawValue)"
                do {
                    var out = ""
                    try template.render(DocumentContext.make(document, format: format), partials: library, into: &out)
                    if format == .xml, let problems = validator?.validate(out), !problems.isEmpty {
                        throw RenderError.invalidXML(path: path, problems: problems)
                    }
                    files.append(RenderedFile(path: path, content: out))
                } catch let e as TemplateError {
                    if !templateErrors.contains(e) { templateErrors.append(e) }
                }
            }
        }
        if !templateErrors.isEmpty { throw RenderError.templates(templateErrors) }
        return files
    }
}
