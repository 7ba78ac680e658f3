import Foundation

/// A problem in a user-editable template, located by template, line and column.
public struct TemplateError: Error, LocalizedError, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// A tag that is never closed: `{{name` without `}}`.
        case unclosedTag
        /// `{{#a}}` closed by `{{/b}}`, or `{{/a}}` with nothing open.
        case mismatchedSection(expected: String?, found: String)
        /// `{{#a}}` never closed.
        case unclosedSection(String)
        /// `{{}}`, or a tag this engine does not support (`{{=…=}}`).
        case badTag(String)
        /// A name that the document's data does not have.
        case unknownName(String)
        /// `{{> name}}` with no such partial.
        case unknownPartial(String)
        /// Partials that include each other without end.
        case recursion(String)
        /// The file cannot be read as a template (not UTF-8 text, or not readable): why.
        case unreadable(String)
        /// A wording line that is not `name: text`.
        case notASentence(String)
        /// A sentence the document needs that the wording does not have.
        case missingSentence(String)
        /// The document grew past the size, or the template ran past the work, a document may take
        /// (a section repeated inside itself, say): the limit in bytes or steps.
        case tooLarge(bytes: Int)
        case tooMuchWork(steps: Int)
        /// A sentence written once per item of a list, found outside that list's section.
        case outsideSection(String, String)
        /// A sentence written twice for one item of a list.
        case repeatedSentence(String, String)
    }

    public var template: String
    public var line: Int
    public var column: Int
    public var kind: Kind
    /// The template line, shown under the message.
    public var sourceLine: String

    package init(template: String, line: Int, column: Int, kind: Kind, sourceLine: String) {
        self.template = template
        self.line = line
        self.column = column
        self.kind = kind
        self.sourceLine = sourceLine
    }

    public var description: String {
        let what: String
        switch kind {
        case .unclosedTag: what = "a tag opened here is never closed with }}"
        case .mismatchedSection(let expected?, let found):
            what = "{{/\(found)}} closes a section, but the open one is {{#\(expected)}}"
        case .mismatchedSection(nil, let found): what = "{{/\(found)}} closes no open section"
        case .unclosedSection(let name): what = "section {{#\(name)}} is never closed with {{/\(name)}}"
        case .badTag(let tag):
            what = "'\(tag)' is not a tag this engine knows (variables, sections, inverted sections, partials, comments)"
        case .unknownName(let name): what = "'\(name)' is not a name the document's data has"
        case .unreadable(let why): what = why
        case .unknownPartial(let name):
            what = "no partial named '\(name)' (expected a file _\(name).mustache beside the template)"
        case .recursion(let name): what = "partial '\(name)' includes itself too deeply"
        case .notASentence(let line):
            what = "'\(line)' is not a sentence line; expected 'name: the text' (a name, a colon, then the sentence)"
        case .missingSentence(let name):
            what = "no sentence '\(name)'; expected a line '\(name): …' (the built-in wording has one to start from)"
        case .outsideSection(let name, let list):
            what =
                "'\(name)' is written once for each item of {{#\(list)}}; expected the line inside {{#\(list)}} … {{/\(list)}}"
        case .repeatedSentence(let name, let list):
            what =
                "'\(name)' comes twice for one item of {{#\(list)}}; expected one '\(name):' line inside {{#\(list)}} … {{/\(list)}}"
        case .tooLarge(let bytes):
            what =
                "the document grows past \(bytes >> 20) MB from the section here (a section repeated inside itself?); expected a template whose sections each go over their list once; nothing was written"
        case .tooMuchWork(let steps):
            what =
                "the document takes more than \(steps) steps from the section here (sections nested over the same list?); expected a template whose sections each go over their list once; nothing was written"
        }
        return "\(template):\(line):\(column): error: \(what)\n    \(sourceLine)"
    }

    public var errorDescription: String? { description }

    /// Whether the render went past the size or the work a document may take.
    package var isOverBudget: Bool {
        switch kind {
        case .tooLarge, .tooMuchWork: return true
        default: return false
        }
    }
}
