import CCHCCore
import CCHCDocuments
import CCHCTemplate
import Foundation

/// The writers of the formats asked for, made from a template set: the one place that maps a
/// format to its writer.
public enum DocumentWriters {
    /// The compiled template folder (`html/`, `xml/`, `txt/`) of each templated format `formats`
    /// need (the HTML's for a PDF); their syntax errors go to `errors`.
    public static func libraries(
        _ templates: TemplateSet, for formats: [OutputFormat], errors: inout [TemplateError]
    ) -> [OutputFormat: TemplateLibrary] {
        var libraries: [OutputFormat: TemplateLibrary] = [:]
        for format in OutputFormat.templated(formats) {
            let files = templates.files(of: format).map { f in
                (name: String(f.path.dropFirst(format.rawValue.count + 1)), data: f.data(), label: f.label)
            }
            libraries[format] = TemplateLibrary(files: files, format: format.rawValue, escaping: format.escaping, errors: &errors)
        }
        return libraries
    }

    /// One writer per format of `formats`, in that order. Refuses a templated format whose folder
    /// lacks a kind's template, an XML without its XSD, a PDF without a browser.
    public static func make(
        _ formats: [OutputFormat], libraries: [OutputFormat: TemplateLibrary], templates: TemplateSet,
        printer: PDFPrinter?
    ) throws -> [any DocumentWriter] {
        for format in OutputFormat.templated(formats) {
            for kind in DocumentKind.allCases where libraries[format]?.template(kind.fileName) == nil {
                throw RenderError.missingFile("\(format.rawValue)/\(kind.fileName).mustache")
            }
        }
        func library(_ format: OutputFormat) -> TemplateLibrary { libraries[format]! }
        let validator = formats.contains(.xml) ? try XMLSchemaValidator(templates: templates) : nil
        if formats.contains(.pdf) && printer == nil { throw PDFError.noBrowser }
        let docx = formats.contains(.docx) ? try DocxWriter.of(templates) : .builtIn
        // The HTML is written first when there is a PDF, which is its print (even when no .html
        // file is asked for: the archive records what each PDF is the print of); the XML after
        // the PDF, whose pages it counts (PageAmount).
        let html: [OutputFormat] = formats.contains(.html) || formats.contains(.pdf) ? [.html] : []
        let ordered = html + formats.filter { $0 != .xml && $0 != .html } + formats.filter { $0 == .xml }
        return ordered.map { format -> any DocumentWriter in
            switch format {
            case .html: return TemplateWriter.html(library(.html))
            case .xml: return TemplateWriter.xml(library(.xml), validator: validator!)
            case .txt: return TemplateWriter.text(library(.txt))
            case .docx: return docx
            case .pdf: return PDFWriter(html: .html(library(.html)), printer: printer!)
            }
        }
    }
}
