import CCHCCore
import Foundation

extension XMLSchemaValidator {
    /// The validator for the XSD beside the XML templates, `xml/cchc-document.xsd` of `templates`.
    public convenience init(templates: TemplateSet) throws {
        let path = "xml/cchc-document.xsd"
        guard let file = templates.file(path), let data = file.data(), let text = String(data: data, encoding: .utf8) else {
            throw RenderError.missingFile(templates.file(path)?.label ?? path)
        }
        try self.init(xsd: text, name: file.label)
    }
}
