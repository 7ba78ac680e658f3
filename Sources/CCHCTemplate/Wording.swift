import CCHCCore
import Foundation

/// Lời văn: the sentences of one document kind, from `wording/<kind>.mustache` of the template
/// set, so that an officer rewords a document in one file and every format follows.
///
/// The file is a template whose output is one sentence a line, `name: text`; `{{placeholders}}`
/// take the values cchc gives the kind (numbers and lists already formatted in Vietnamese), and
/// `{{#name}}…{{/name}}` keeps text only when a value is there. A name may repeat (each `base:`
/// line is one căn cứ). Blank lines and `{{! comments }}` are left out. A sentence written inside
/// a list section (`{{#groups}}…{{/groups}}`) is known by the item it was written for
/// (`WordingScope`), so a document takes each group's sentence by the group, not by its place.
public struct Wording: Sendable {
    package let template: Template

    public init(_ template: Template) { self.template = template }

    /// The sentences for `values`.
    public func sentences(_ values: TemplateObject) throws(TemplateError) -> Sentences {
        var rendered = ByteBuffer(capacity: 2048)
        do { try template.render(.object(values), partials: nil, into: &rendered) } catch let error as TemplateError {
            throw error
        } catch {
            throw TemplateError(template: template.name, line: 1, column: 1, kind: .unreadable("\(error)"), sourceLine: "")
        }
        // Rendered for every self-assessment of a national run: read as bytes, a line at a time
        // (a line may end in CRLF), without Foundation or grapheme breaking.
        var lines: [Sentences.Line] = []
        var stack: [WordingScope.Item] = []
        var text: [UInt8] = []
        var failure: TemplateError?
        rendered.withBytes { bytes in
            var start = 0
            while start < bytes.count && failure == nil {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                let scope = WordingScope.read(UnsafeBufferPointer(rebasing: bytes[start..<end]), &stack, into: &text)
                do throws(TemplateError) {
                    guard let line = try sentence(text) else { continue }
                    lines.append(Sentences.Line(name: line.name, text: line.text, scope: scope))
                } catch { failure = error }
            }
        }
        if let failure { throw failure }
        return Sentences(template: template.name, lines: lines, source: template.lines)
    }

    /// The sentence `name: text` on one rendered line (its marks taken out), `nil` for a blank
    /// line; an error names the wording's line when it is not a sentence.
    private func sentence(_ line: [UInt8]) throws(TemplateError) -> (name: String, text: String)? {
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        var start = 0
        var end = line.count
        while start < end && blank(line[start]) { start += 1 }
        while end > start && blank(line[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        var colon = start
        while colon < end && Self.isNameByte(line[colon]) { colon += 1 }
        guard colon < end, colon > start, line[colon] == UInt8(ascii: ":") else {
            let trimmed = String(decoding: line[start..<end], as: UTF8.self)
            // The source line it came from: the first that begins as the rendered line does.
            let begins = String(trimmed.prefix { $0 != "{" }.prefix(20))
            let at = template.lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(begins) }
            throw TemplateError(
                template: template.name, line: (at ?? 0) + 1, column: 1,
                kind: .notASentence(String(trimmed.prefix(60))), sourceLine: at.map { String(template.lines[$0]) } ?? "")
        }
        var textStart = colon + 1
        while textStart < end && blank(line[textStart]) { textStart += 1 }
        return (String(decoding: line[start..<colon], as: UTF8.self), String(decoding: line[textStart..<end], as: UTF8.self))
    }

    /// A sentence's name is ASCII letters and digits.
    private static func isNameByte(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
    }
}

/// The rendered sentences of a kind, by name.
public struct Sentences: Sendable {
    /// One sentence: its name, its text, and the items of the list sections it was written in.
    package struct Line: Sendable {
        package var name: String
        package var text: String
        package var scope: WordingScope
    }

    package let template: String
    package let lines: [Line]
    /// The wording file's lines, to name the line of a sentence in an error.
    package var source: [Substring] = []

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
    public func sequence(_ names: Set<String>) -> [(name: String, text: String)] {
        lines.filter { names.contains($0.name) }.map { ($0.name, $0.text) }
    }

    /// Sentence `name` of each of the `count` items of list section `list` (of the item `outer`
    /// of an enclosing section, when given), by item: "" for an item that wrote none. A `name`
    /// line outside the section, or written twice for one item, is an error naming the wording
    /// file and the line, so that no item ever prints another item's sentence.
    public func perItem(_ name: String, of list: String, count: Int, within outer: (list: String, index: Int)? = nil)
        throws(TemplateError) -> [String]
    {
        var texts = [String?](repeating: nil, count: count)
        for line in lines where line.name == name {
            if let outer, line.scope.index(in: outer.list) != outer.index { continue }
            guard let i = line.scope.index(in: list), i < count else {
                throw error(.outsideSection(name, list), at: name)
            }
            guard texts[i] == nil else { throw error(.repeatedSentence(name, list), at: name) }
            texts[i] = line.text
        }
        return texts.map { $0 ?? "" }
    }

    private func error(_ kind: TemplateError.Kind, at name: String) -> TemplateError {
        let at = source.firstIndex { $0.drop { $0 == " " || $0 == "\t" }.hasPrefix(name + ":") }
        return TemplateError(
            template: template, line: (at ?? 0) + 1, column: 1, kind: kind, sourceLine: at.map { String(source[$0]) } ?? "")
    }
}
