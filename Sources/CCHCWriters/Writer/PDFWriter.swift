import CCHCCore
import CCHCDocuments
import CCHCTemplate
import Foundation

/// PDF: the document's HTML printed by a browser (`PDFPrinter`), the HTML written for the .html
/// file when there is one.
public struct PDFWriter: DocumentWriter {
    public var format: OutputFormat { .pdf }
    private let html: TemplateWriter
    private let printer: PDFPrinter

    package init(html: TemplateWriter, printer: PDFPrinter) { (self.html, self.printer) = (html, printer) }

    public func write(_ document: OfficialDocument, earlier: [OutputFormat: [UInt8]]) throws -> [UInt8] {
        let page = try earlier[.html] ?? html.write(document, earlier: earlier)
        let date = PDFDate(document.header.date, year: document.header.fallbackYear)
        return try printer.print(page, date: date, document: "\(document.path).pdf")
    }
}
