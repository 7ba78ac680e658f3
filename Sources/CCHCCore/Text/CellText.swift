/// Giá trị ô: what a value typed into a cell (or plan.yaml) may hold, so that every document
/// format carries it as it is and no value changes the look or wording of a document. Refused:
/// characters XML 1.0 does not allow and terminal controls (C0 but tab, line feed and carriage
/// return; DEL and C1; U+FFFE and U+FFFF); in a one-line field (names, ids, groups, codes,
/// titles) also line breaks, tabs, and the invisible characters that make two values that look
/// alike differ or show text backwards (zero-width characters, bidirectional controls).
/// Evidence, explanations, comments and responses may keep their line breaks.
package enum CellText {
    /// What is wrong with a value.
    package enum Problem: Equatable, Sendable {
        /// A character documents cannot carry (`U+000B`, a line break pasted from Word, among them).
        case control(Unicode.Scalar)
        /// A line break or a tab in a one-line field.
        case lineBreak(Unicode.Scalar)
        /// A zero-width or bidirectional control character.
        case invisible(Unicode.Scalar)
    }

    /// The columns whose cells may hold several lines.
    package static let multilineColumns: Set<String> = [
        "evidence", "explanation", "comment", "comment1", "response", "action", "note", "rule",
    ]

    /// The first problem of `value`; `nil` when documents can carry it as it is. Plain ASCII text
    /// is passed a byte at a time; other text is looked at scalar by scalar.
    package static func problem(_ value: String, multiline: Bool) -> Problem? {
        var plain = true
        for b in value.utf8 where b < 0x20 || b >= 0x7F {
            plain = false
            break
        }
        if plain { return nil }
        for scalar in value.unicodeScalars {
            if let problem = problem(scalar, multiline: multiline) { return problem }
        }
        return nil
    }

    private static func problem(_ s: Unicode.Scalar, multiline: Bool) -> Problem? {
        switch s.value {
        case 0x0A, 0x0D: return multiline ? nil : .lineBreak(s)
        case 0x09: return multiline ? nil : .lineBreak(s)
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return s.value == 0x85 && multiline ? nil : .control(s)
        case 0x2028, 0x2029: return multiline ? nil : .lineBreak(s)
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return .invisible(s)
        case 0x200B...0x200D, 0x2060, 0xFEFF: return multiline ? nil : .invisible(s)
        default: return nil
        }
    }

    /// The message for `problem` in column `column`, as the loaders word theirs (the column is
    /// named by the diagnostic's `field`).
    package static func message(_ problem: Problem, column: String, value: String) -> String {
        let found = "'\(shown(String(value.prefix(40))))\(value.count > 40 ? "…" : "")'"
        switch problem {
        case .control(let s) where s.value == 0x0B:
            return
                "\(found) holds a vertical tab (U+000B, a line break pasted from Word), which documents cannot carry; expected a line break typed in the cell (Alt+Enter) or a space"
        case .control(let s):
            return
                "\(found) holds the control character \(code(s)), which documents cannot carry; expected plain text: delete the character (it is shown here as \(code(s)))"
        case .lineBreak(let s):
            let what = s == "\t" ? "a tab" : "a line break (\(code(s)))"
            let oneLine = String(
                String.UnicodeScalarView(value.unicodeScalars.map { Self.problem($0, multiline: false) == nil ? $0 : " " }))
            return
                "\(found) holds \(what); expected the \(column) on one line, e.g. '\(oneLine.prefix(40))' (in Excel a line break is typed with Alt+Enter: delete it)"
        case .invisible(let s):
            return
                "\(found) holds the invisible character \(code(s)), which makes values that look alike differ or shows text backwards; expected only visible characters: retype the value"
        }
    }

    /// `U+001B`.
    package static func code(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` with every character a terminal or a reader would not show as it is written as
    /// `\u{…}`, and line breaks as `\n`: safe to print, and the officer sees what is there.
    package static func shown(_ text: String) -> String { escaped(text, keeping: []) }

    /// `message` safe to print on a terminal: control, invisible and bidirectional characters
    /// written as `\u{…}` (an ESC sequence in a unit id would otherwise clear the officer's
    /// screen); its line breaks and tabs stay.
    package static func printable(_ message: String) -> String { escaped(message, keeping: ["\n", "\t"]) }

    private static func escaped(_ text: String, keeping kept: Set<Unicode.Scalar>) -> String {
        guard problem(text, multiline: false) != nil else { return text }
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case _ where kept.contains(s): out.unicodeScalars.append(s)
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where problem(s, multiline: false) != nil: out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// `value` of a field that may hold several lines, its line breaks written as one `\n` each
    /// (CR LF, CR, NEL, U+2028, U+2029) and its tabs as spaces: every format prints it the same.
    package static func normalisedLines(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x0D || $0 == 0x09 || $0 == 0xC2 || $0 == 0xE2 }) else { return value }
        var out = String.UnicodeScalarView()
        var afterCR = false
        for s in value.unicodeScalars {
            defer { afterCR = s == "\r" }
            switch s.value {
            case 0x0A: if !afterCR { out.append("\n") }
            case 0x0D, 0x85, 0x2028, 0x2029: out.append("\n")
            case 0x09: out.append(" ")
            default: out.append(s)
            }
        }
        return String(out)
    }

}
