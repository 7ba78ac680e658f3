import CCHCCore
import CCHCDocuments
import CCHCTemplate
import Foundation

/// A format written through the officer's templates (`html/`, `xml/`, `txt/`): the document's
/// values (`DocumentContext`) with the pieces only this format lays out (`FormatPieces`), through
/// the template of the document's kind.
public struct TemplateWriter: DocumentWriter {
    public let format: OutputFormat
    private let library: TemplateLibrary
    private let pieces: FormatPieces
    /// The XSD an XML file must satisfy; `nil` for the other formats.
    private let validator: XMLSchemaValidator?

    package init(_ format: OutputFormat, _ library: TemplateLibrary, pieces: FormatPieces, validator: XMLSchemaValidator?) {
        (self.format, self.library, self.pieces, self.validator) = (format, library, pieces, validator)
    }

    public func write(_ document: OfficialDocument, earlier: [OutputFormat: [UInt8]]) throws -> [UInt8] {
        try write(document, earlier: earlier, shared: nil)
    }

    /// As `write(_:earlier:)`, with the values every format of the document shares built once
    /// (`shared`), not once per format.
    package func write(
        _ document: OfficialDocument, earlier: [OutputFormat: [UInt8]], shared: DocumentContext.SharedContext?
    ) throws -> [UInt8] {
        guard let template = library.template(document.kind.fileName) else {
            throw RenderError.missingFile("\(format.rawValue)/\(document.kind.fileName).mustache")
        }
        let context = DocumentContext.make(
            document, pieces: pieces, pageAmount: earlier[.pdf].flatMap(PDFPages.count), shared: shared)
        var out = ByteBuffer(capacity: 48 * 1024)  // a self-assessment: one allocation instead of several
        try template.render(context, partials: library, into: &out)
        if let validator, case let problems = out.withBytes({ validator.validate($0) }), !problems.isEmpty {
            throw RenderError.invalidXML(path: "\(document.path).\(format.rawValue)", problems: problems)
        }
        return out.array
    }
}
