import Foundation

/// A small RFC 4180 reader: quoted fields with embedded separators, quotes and newlines;
/// CRLF or LF; `,` or `;` detected from the header line (Excel in a Vietnamese locale writes `;`).
public enum CSVReader {
    /// Reads a file's bytes. Every problem goes to `diagnostics`; `nil` when the file is unusable.
    public static func read(_ data: Data, file: String, diagnostics: inout DiagnosticEngine) -> CSVTable? {
        guard let text = TextDecoder.decode(data, file: file, diagnostics: &diagnostics) else { return nil }
        return parse(text, file: file, diagnostics: &diagnostics)
    }

    /// Parses decoded text.
    public static func parse(_ text: String, file: String, diagnostics: inout DiagnosticEngine) -> CSVTable? {
        let bytes = Array(text.utf8)
        let separator = detectSeparator(bytes)
        var scanner = Scanner(bytes: bytes, separator: separator == ";" ? 0x3B : 0x2C)
        var records: [CSVTable.Row] = []
        var failed = false
        while let record = scanner.nextRecord(file: file, diagnostics: &diagnostics) {
            if record.failed {
                failed = true
                break
            }
            if record.fields.count == 1 && record.fields[0].isEmpty { continue }
            records.append(CSVTable.Row(line: record.line, fields: record.fields))
        }
        guard !failed else { return nil }
        guard let first = records.first else {
            diagnostics.error(file, line: 1, "the file is empty; expected a header line")
            return nil
        }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [CSVTable.Row] = []
        var malformed: [CSVTable.Row] = []
        rows.reserveCapacity(records.count)
        for row in records.dropFirst() {
            if row.fields.count != header.count {
                diagnostics.error(
                    file, line: row.line,
                    "found \(row.fields.count) fields; expected \(header.count) as in the header (\(header.joined(separator: String(separator))))"
                )
                malformed.append(row)
                continue
            }
            rows.append(row)
        }
        return CSVTable(file: file, header: header, rows: rows, malformed: malformed, separator: separator)
    }

    /// `;` when the header line has more semicolons than commas outside quotes, else `,`.
    static func detectSeparator(_ bytes: [UInt8]) -> Character {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for b in bytes {
            if b == 0x22 { quoted.toggle() }
            if quoted { continue }
            if b == 0x0A { break }
            if b == 0x2C { commas += 1 }
            if b == 0x3B { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    struct Record {
        var line: Int
        var fields: [String]
        var failed = false
    }

    struct Scanner {
        let bytes: [UInt8]
        let separator: UInt8
        var index = 0
        var line = 1

        init(bytes: [UInt8], separator: UInt8) {
            self.bytes = bytes
            self.separator = separator
        }

        mutating func nextRecord(file: String, diagnostics: inout DiagnosticEngine) -> Record? {
            guard index < bytes.count else { return nil }
            var record = Record(line: line, fields: [])
            while true {
                let start = line
                guard let field = nextField(file: file, diagnostics: &diagnostics, startLine: start) else {
                    record.failed = true
                    return record
                }
                record.fields.append(field.text)
                if field.endsRecord { return record }
            }
        }

        private mutating func nextField(file: String, diagnostics: inout DiagnosticEngine, startLine: Int)
            -> (text: String, endsRecord: Bool)?
        {
            if index < bytes.count && bytes[index] == 0x22 { return quotedField(file: file, diagnostics: &diagnostics) }
            let start = index
            while index < bytes.count {
                let b = bytes[index]
                if b == separator {
                    index += 1
                    return (text(start, index - 1), false)
                }
                if b == 0x0A || b == 0x0D {
                    let end = index
                    consumeNewline()
                    return (text(start, end), true)
                }
                index += 1
            }
            return (text(start, index), true)
        }

        private mutating func quotedField(file: String, diagnostics: inout DiagnosticEngine) -> (text: String, endsRecord: Bool)?
        {
            let openLine = line
            index += 1
            var buffer: [UInt8] = []
            while index < bytes.count {
                let b = bytes[index]
                if b == 0x22 {
                    if index + 1 < bytes.count && bytes[index + 1] == 0x22 {
                        buffer.append(0x22)
                        index += 2
                        continue
                    }
                    index += 1
                    return afterClosingQuote(buffer, file: file, diagnostics: &diagnostics)
                }
                if b == 0x0A { line += 1 }
                buffer.append(b)
                index += 1
            }
            diagnostics.error(file, line: openLine, "unterminated quoted field: the quote opened here is never closed")
            return nil
        }

        private mutating func afterClosingQuote(_ buffer: [UInt8], file: String, diagnostics: inout DiagnosticEngine)
            -> (text: String, endsRecord: Bool)?
        {
            let value = String(decoding: buffer, as: UTF8.self)
            // Spaces after a closing quote are tolerated, as Excel does.
            while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
            guard index < bytes.count else { return (value, true) }
            let b = bytes[index]
            if b == separator {
                index += 1
                return (value, false)
            }
            if b == 0x0A || b == 0x0D {
                consumeNewline()
                return (value, true)
            }
            let found = String(decoding: [b], as: UTF8.self)
            diagnostics.error(
                file, line: line,
                "unexpected '\(found)' after a closing quote; expected the separator '\(Character(UnicodeScalar(separator)))' or the end of the line (write a quote inside a quoted field as \"\")"
            )
            return nil
        }

        private mutating func consumeNewline() {
            if bytes[index] == 0x0D { index += 1 }
            if index < bytes.count && bytes[index] == 0x0A { index += 1 }
            line += 1
        }

        private func text(_ start: Int, _ end: Int) -> String {
            String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }
}
