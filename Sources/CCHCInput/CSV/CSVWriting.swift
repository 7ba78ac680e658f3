import CCHCCore
import Foundation

/// A table written back as CSV the way its file was written: the same separator, line ending
/// and byte-order mark; a field quoted only when it must be (it holds the separator, a quote or
/// a line break), a quote inside doubled (RFC 4180).
package enum CSVWriting {
    /// How a CSV file is written, as read from its bytes.
    package struct Style: Sendable, Equatable {
        package var separator: Character
        package var lineEnding: String
        package var byteOrderMark: Bool

        /// The style of a file collect creates: `;` (the comma is the decimal sign), CRLF as Excel writes, no BOM.
        package static let new = Style(separator: ";", lineEnding: "\r\n", byteOrderMark: false)

        /// The style of `bytes`, a CSV file whose separator was detected when it was read.
        package init(of bytes: Data, separator: Character) {
            self.separator = separator
            byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            let newline = bytes.firstIndex(of: 0x0A)
            lineEnding = newline.map { $0 > bytes.startIndex && bytes[$0 - 1] == 0x0D } == true ? "\r\n" : "\n"
        }

        package init(separator: Character, lineEnding: String, byteOrderMark: Bool) {
            (self.separator, self.lineEnding, self.byteOrderMark) = (separator, lineEnding, byteOrderMark)
        }
    }

    package static func data(header: [String], rows: [[String]], style: Style) -> Data {
        var out = style.byteOrderMark ? "\u{FEFF}" : ""
        for fields in [header] + rows {
            out += fields.map { quoted($0, style.separator) }.joined(separator: String(style.separator))
            out += style.lineEnding
        }
        return Data(out.utf8)
    }

    private static func quoted(_ field: String, _ separator: Character) -> String {
        guard field.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
