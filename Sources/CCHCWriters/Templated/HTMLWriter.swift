import CCHCCore
import CCHCTemplate

extension TemplateWriter {
    /// HTML from `html/`, its charts drawn as inline SVG.
    package static func html(_ library: TemplateLibrary) -> TemplateWriter {
        TemplateWriter(.html, library, pieces: FormatPieces(chart: ChartSVG.render), validator: nil)
    }

    /// edXML-shaped XML from `xml/`, each file checked against the XSD beside the templates.
    package static func xml(_ library: TemplateLibrary, validator: XMLSchemaValidator) -> TemplateWriter {
        TemplateWriter(.xml, library, pieces: .none, validator: validator)
    }
}
