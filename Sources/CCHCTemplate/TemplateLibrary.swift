import CCHCCore
import Foundation

/// The templates of one output format (`html/`, `xml/`, `txt/` of a template set): `<kind>.mustache`
/// for each document kind and `_<name>.mustache` for the partials they include with `{{> name}}`.
public struct TemplateLibrary: Sendable {
    public let format: String
    private var templates: [String: Template] = [:]
    private var partials: [String: Template] = [:]

    /// Compiles every template of `files` (named `<kind>.mustache` or `_<partial>.mustache`; their
    /// bytes `nil` when they could not be read); the first syntax error of each file that does not
    /// compile goes to `errors`, so that every file's error is reported in one run. Messages name
    /// each file by its `label`.
    public init(
        files: [(name: String, data: Data?, label: String)], format: String, escaping: Template.Escaping,
        errors: inout [TemplateError]
    ) {
        self.format = format
        for (file, data, label) in files.sorted(by: { $0.name < $1.name }) where file.hasSuffix(".mustache") {
            guard let data else {
                errors.append(
                    TemplateError(template: label, line: 1, column: 1, kind: .unreadable("cannot be read"), sourceLine: ""))
                continue
            }
            guard let source = String(validating: data, as: UTF8.self) else {
                errors.append(
                    TemplateError(
                        template: label, line: 1, column: 1,
                        kind: .unreadable(
                            "the file is not UTF-8 text; save it as UTF-8 (in a text editor: Save as, encoding UTF-8)"),
                        sourceLine: ""))
                continue
            }
            do {
                let template = try Template(name: label, source: source, escaping: escaping)
                let base = String(file.dropLast(".mustache".count))
                if base.hasPrefix("_") { partials[String(base.dropFirst())] = template } else { templates[base] = template }
            } catch {
                errors.append(error)
            }
        }
    }

    /// A library of partials given as text (tests, embedded use).
    public init(partials sources: [String: String], escaping: Template.Escaping) throws {
        format = "memory"
        for (name, source) in sources { partials[name] = try Template(name: "_\(name)", source: source, escaping: escaping) }
    }

    public func template(_ name: String) -> Template? { templates[name] }

    public func partial(_ name: String) -> Template? { partials[name] }
}
