import Foundation

/// Lời văn: the sentences of one document kind, from `wording/<kind>.mustache` of the template
/// set, so that an officer rewords a document in one file and every format follows.
///
/// The file is a template whose output is one sentence a line, `name: text`; `{{placeholders}}`
/// take the values cchc gives the kind (numbers and lists already formatted in Vietnamese), and
/// `{{#name}}…{{/name}}` keeps text only when a value is there. A name may repeat (each `base:`
/// line is one căn cứ). Blank lines and `{{! comments }}` are left out.
public struct Wording: Sendable {
    let template: Template

    public init(_ template: Template) { self.template = template }

    /// The sentences for `values`.
    public func sentences(_ values: TemplateObject) throws(TemplateError) -> Sentences {
        let text: String
        do { text = try template.render(.object(values)) } catch let error as TemplateError { throw error } catch {
            throw TemplateError(template: template.name, line: 1, column: 1, kind: .unreadable("\(error)"), sourceLine: "")
        }
        var lines: [(name: String, text: String)] = []
        // Rendered for every self-assessment of a national run: no Foundation on this path.
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = String(line).trimmedSpaces
            guard !trimmed.isEmpty else { continue }
            guard let colon = trimmed.utf8.firstIndex(of: UInt8(ascii: ":")), colon != trimmed.startIndex,
                trimmed.utf8[..<colon].allSatisfy({ b in
                    (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
                })
            else {
                // The source line it came from: the first that begins as the rendered line does.
                let start = String(trimmed.prefix { $0 != "{" }.prefix(20))
                let at = template.lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(start) }
                throw TemplateError(
                    template: template.name, line: (at ?? 0) + 1, column: 1,
                    kind: .notASentence(String(trimmed.prefix(60))), sourceLine: at.map { String(template.lines[$0]) } ?? "")
            }
            lines.append((String(trimmed[..<colon]), String(trimmed[trimmed.index(after: colon)...]).trimmedSpaces))
        }
        return Sentences(template: template.name, lines: lines)
    }
}

/// The rendered sentences of a kind, by name.
public struct Sentences: Sendable {
    let template: String
    let lines: [(name: String, text: String)]

    /// The sentence `name`; an error names the wording file when it has none.
    public func one(_ name: String) throws(TemplateError) -> String {
        guard let line = lines.first(where: { $0.name == name }) else {
            throw TemplateError(template: template, line: 1, column: 1, kind: .missingSentence(name), sourceLine: "")
        }
        return line.text
    }

    /// Every sentence named `name`, in order (none is fine).
    public func all(_ name: String) -> [String] { lines.filter { $0.name == name }.map(\.text) }

    /// The sentences of any of `names`, in their order in the wording (a section's lines).
    public func sequence(_ names: Set<String>) -> [(name: String, text: String)] { lines.filter { names.contains($0.name) } }
}
