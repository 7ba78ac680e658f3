import Foundation

/// Why `render` wrote nothing.
public enum RenderError: Error, LocalizedError, Sendable {
    /// The dataset has errors (each one listed).
    case dataset([Diagnostic])
    /// Templates with syntax errors or names the data does not have.
    case templates([TemplateError])
    /// The templates folder given is missing (or, in a record, a template or the XSD).
    case missingFile(String)
    /// `--unit` names no unit of the dataset (`known`: the dataset's unit ids).
    case unknownUnit(String, known: [String])
    /// The XSD beside the XML templates does not parse as a schema (an edit broke it).
    case invalidSchema(path: String, problems: [XMLSchemaValidator.Problem])
    /// A rendered XML document does not validate against the XSD (a template edit broke it).
    case invalidXML(path: String, problems: [XMLSchemaValidator.Problem])
    /// The output could not be written.
    case write(path: String, reason: String)
    /// The output folder is not one cchc may write into (it holds what cchc did not write).
    case outputRefused(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .dataset(let d): return d.map(\.description).joined(separator: "\n")
        case .templates(let t): return t.map(\.description).joined(separator: "\n")
        case .missingFile(let path):
            return "\(path): not found; expected a templates folder such as `cchc templates --out DIR` writes (see --templates)"
        case .unknownUnit(let id, let known):
            let shown = known.prefix(8).joined(separator: ", ") + (known.count > 8 ? ", …" : "")
            return "--unit \(id): no such unit in units.csv; expected one of \(shown)"
        case .invalidXML(let path, let problems):
            return problems.prefix(20).map { "\(path):\($0.line): error: \($0.message)" }.joined(separator: "\n")
        case .invalidSchema(let path, let problems):
            let found = problems.prefix(5).map(\.description).joined(separator: "; ")
            return
                "\(path): the schema does not parse (\(found)); expected the XSD of CCHC's templates (`xml/cchc-document.xsd`), one file with no DOCTYPE, include or import"
        case .write(let path, let reason): return "\(path): cannot be written: \(reason)"
        case .outputRefused(let path, let reason): return "\(path): \(reason)"
        }
    }
}
