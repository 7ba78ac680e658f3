import Foundation

/// The templates of one output format, read from `Templates/<format>/`: `<kind>.mustache` for each
/// document kind and `_<name>.mustache` for the partials they include with `{{> name}}`.
public struct TemplateLibrary: Sendable {
    public let format: String
    private var templates: [String: Template] = [:]
    private var partials: [String: Template] = [:]

    /// Compiles every template of `folder`; the first syntax error of each file that does not
    /// compile goes to `errors`, so that every file's error is reported in one run.
    public init(folder: URL, format: String, escaping: Template.Escaping, errors: inout [TemplateError]) {
        self.format = format
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in names.sorted() where file.hasSuffix(".mustache") {
            let url = folder.appendingPathComponent(file)
            // Messages name the template as it was read: the folder as the user gave it.
            let label = folder.relativePath + "/" + file
            guard let data = FileManager.default.contents(atPath: url.path) else {
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
