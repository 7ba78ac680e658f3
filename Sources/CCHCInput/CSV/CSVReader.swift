import CCHCCore
import Foundation

/// A small RFC 4180 reader: quoted fields with embedded separators, quotes and newlines;
/// CRLF or LF; `,` or `;` detected from the header line (Excel in a Vietnamese locale writes `;`).
public enum CSVReader {
    /// Reads a file's bytes. Every problem goes to `diagnostics`; `nil` when the file is unusable.
    public static func read(_ data: Data, file: SourceName, diagnostics: inout DiagnosticEngine) -> CSVTable? {
        guard let text = TextDecoder.decode(data, file: file, diagnostics: &diagnostics) else { return nil }
        return parse(text, file: file, diagnostics: &diagnostics)
    }

    /// Parses decoded text.
    public static func parse(_ text: String, file: SourceName, diagnostics: inout DiagnosticEngine) -> CSVTable? {
        let bytes = Array(text.utf8)
        let separator = detectSeparator(bytes)
        guard let records = self.records(bytes, separator: separator == ";" ? 0x3B : 0x2C, file: file, diagnostics: &diagnostics)
        else { return nil }
        guard let first = records.first else {
            diagnostics.error(file, line: 1, "the file is empty; expected a header line")
            return nil
        }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        reportRepeatedColumns(header, file: file, diagnostics: &diagnostics)
        var rows: [CSVTable.Row] = []
        var malformed: [CSVTable.Row] = []
        rows.reserveCapacity(records.count)
        for var row in records.dropFirst() {
            // Excel's blank rows (`;;;;;;`) are no rows at all.
            if row.fields.allSatisfy({ $0.allSatisfy { $0 == " " || $0 == "\t" } }) { continue }
            if row.fields.count != header.count {
                let expected =
                    "found \(row.fields.count) fields; expected \(header.count) as in the header (\(CSVTable.shown(header, separator: separator)))"
                // `1,5` unquoted in a `,` file: the row is read with the number put back together,
                // so that the rest of the file is still checked, and the error says how to fix it.
                if separator == ",", let (mended, numbers) = DecimalCommaRepair.mend(row.fields, to: header.count) {
                    let cells = numbers.map { "\($0.text) in column '\(header[$0.column])'" }.joined(separator: ", ")
                    diagnostics.error(
                        file, line: row.line,
                        "\(expected): \(cells) has a decimal comma, which splits a number in a file separated by commas; write it in quotes (\"\(numbers[0].text)\") or with a point (\(numbers[0].text.replacingOccurrences(of: ",", with: "."))), or save the file with ; between columns"
                    )
                    row.fields = mended
                    rows.append(row)
                    continue
                }
                diagnostics.error(file, line: row.line, expected)
                malformed.append(row)
                continue
            }
            if let long = row.fields.firstIndex(where: { $0.utf8.count > maxCellBytes }) {
                diagnostics.error(
                    file, line: row.line,
                    field: "\(header[long])",
                    "a cell of \(row.fields[long].utf8.count) bytes; expected at most \(maxCellBytes) (1 MB)"
                )
                malformed.append(row)
                continue
            }
            rows.append(row)
        }
        return CSVTable(file: file, header: header, rows: rows, malformed: malformed, separator: separator)
    }

    /// The largest cell read, in bytes of UTF-8.
    public static let maxCellBytes = 1 << 20

    /// A column named twice: the loaders would read only the first, so it is an error.
    package static func reportRepeatedColumns(
        _ header: [String], file: SourceName, line: Int = 1, diagnostics: inout DiagnosticEngine
    ) {
        var first: [String: Int] = [:]
        for (i, name) in header.enumerated() where !name.isEmpty {
            if let j = first[name.lowercased()] {
                diagnostics.error(
                    file, line: line,
                    "column '\(name)' appears twice in the header (columns \(j + 1) and \(i + 1)); expected each column once")
            } else {
                first[name.lowercased()] = i
            }
        }
    }

    /// Every record of `bytes`, blank lines left out; `nil` (with the problem reported) when a
    /// record cannot be read.
    ///
    /// A large file is read in two halves at once. The second half starts after the first line
    /// break past the middle, and is used only if reading the first half ends exactly there
    /// (the break was not inside a quoted field) and the second half read without a problem;
    /// otherwise the first half's reader simply goes on, so the records and problems are always
    /// those of one reader going through the whole file.
    /// - Parameter splitSize: the size from which a file is read in two halves.
    package static func records(
        _ bytes: [UInt8], separator: UInt8, file: SourceName, splitSize: Int = CSVReader.splitSize,
        diagnostics: inout DiagnosticEngine
    ) -> [CSVTable.Row]? {
        guard bytes.count >= splitSize, let lineBreak = bytes[(bytes.count / 2)...].firstIndex(of: 0x0A) else {
            var scanner = Scanner(bytes: bytes, separator: separator)
            return read(&scanner, upTo: bytes.count, file: file, diagnostics: &diagnostics)
        }
        let split = lineBreak + 1
        let ((first, firstProblems), second) = Parallel.both(
            {
                var found = DiagnosticEngine()
                var scanner = Scanner(bytes: bytes, separator: separator)
                let records = read(&scanner, upTo: split, file: file, diagnostics: &found)
                return ((scanner: scanner, records: records), found)
            },
            {
                guard split < bytes.count else { return [CSVTable.Row]?.none }
                var found = DiagnosticEngine()
                var scanner = Scanner(bytes: bytes, separator: separator)
                scanner.index = split
                let records = read(&scanner, upTo: bytes.count, file: file, diagnostics: &found)
                return found.diagnostics.isEmpty ? records : nil
            })
        diagnostics.append(contentsOf: firstProblems.diagnostics)
        guard var records = first.records else { return nil }
        var scanner = first.scanner
        if scanner.index == split, let second {
            let offset = scanner.line - 1
            records += second.map { CSVTable.Row(line: $0.line + offset, fields: $0.fields) }
        } else if scanner.index < bytes.count {
            guard let rest = read(&scanner, upTo: bytes.count, file: file, diagnostics: &diagnostics) else { return nil }
            records += rest
        }
        return records
    }

    /// Files from this size on are read in two halves at once.
    package static let splitSize = 1 << 20

    /// The records `scanner` reads until it is at or past `end`; `nil` when one cannot be read.
    private static func read(_ scanner: inout Scanner, upTo end: Int, file: SourceName, diagnostics: inout DiagnosticEngine)
        -> [CSVTable.Row]?
    {
        var records: [CSVTable.Row] = []
        while scanner.index < end, let record = scanner.nextRecord(file: file, diagnostics: &diagnostics) {
            if record.failed { return nil }
            if record.fields.count == 1 && record.fields[0].isEmpty { continue }
            records.append(CSVTable.Row(line: record.line, fields: record.fields))
        }
        return records
    }

    /// `;` when the header line has more semicolons than commas outside quotes, else `,`.
    package static func detectSeparator(_ bytes: [UInt8]) -> Character {
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

    package struct Record {
        package var line: Int
        package var fields: [String]
        package var failed = false
    }

    package struct Scanner {
        package let bytes: [UInt8]
        package let separator: UInt8
        package var index = 0
        package var line = 1

        package init(bytes: [UInt8], separator: UInt8) {
            self.bytes = bytes
            self.separator = separator
        }

        package mutating func nextRecord(file: SourceName, diagnostics: inout DiagnosticEngine) -> Record? {
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

        private mutating func nextField(file: SourceName, diagnostics: inout DiagnosticEngine, startLine: Int)
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

        private mutating func quotedField(file: SourceName, diagnostics: inout DiagnosticEngine) -> (
            text: String, endsRecord: Bool
        )? {
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

        private mutating func afterClosingQuote(_ buffer: [UInt8], file: SourceName, diagnostics: inout DiagnosticEngine)
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
