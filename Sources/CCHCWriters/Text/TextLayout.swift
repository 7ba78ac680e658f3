import CCHCCore
import CCHCDocuments

/// Plain-text layout of an official document, 100 columns wide (a landscape appendix's tables
/// 140, as a landscape page holds more), aligned by display width.
package enum TextLayout {
    package static let width = 100
    package static let landscapeWidth = 140

    package static func pad(_ s: String, to width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - DisplayWidth.of(s)))
    }

    package static func center(_ s: String, in width: Int) -> String {
        let w = DisplayWidth.of(s)
        guard w < width else { return s }
        return String(repeating: " ", count: (width - w) / 2) + s
    }

    /// Wrapped and centred lines.
    package static func centered(_ text: String, width: Int = TextLayout.width) -> [String] {
        TextWrap.wrap(text, width: width).map { center($0, in: width) }
    }

    /// Two columns side by side; the last lines of both are level (ô 3 beside ô 4).
    package static func columns(_ left: [String], _ right: [String], leftWidth: Int, rightWidth: Int, alignBottom: Bool)
        -> [String]
    {
        let height = max(left.count, right.count)
        func fill(_ lines: [String]) -> [String] {
            let blanks = Array(repeating: "", count: height - lines.count)
            return alignBottom ? Array(lines.dropLast()) + blanks + Array(lines.suffix(1)) : lines + blanks
        }
        return zip(fill(left), fill(right)).map { l, r in
            trimTrailing(pad(center(l, in: leftWidth), to: leftWidth) + center(r, in: rightWidth))
        }
    }

    /// The NĐ30 header: issuer and number on the left, Quốc hiệu, Tiêu ngữ and date on the right.
    package static func header(_ h: DocumentHeader) -> String {
        let leftWidth = 42
        let rightWidth = width - 42
        var left: [String] = h.parentOrgan.isEmpty ? [] : TextWrap.wrap(h.parentOrgan, width: leftWidth - 2)
        left += h.issuerLines.flatMap { TextWrap.wrap($0, width: leftWidth - 2) }
        left += ["-------", h.numberLine]
        let motto = "Độc lập - Tự do - Hạnh phúc"
        let right = [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto, String(repeating: "-", count: DisplayWidth.of(motto)), h.placeAndDate,
        ]
        var lines = columns(left, right, leftWidth: leftWidth, rightWidth: rightWidth, alignBottom: true)
        // A công văn's "V/v …" under its number, level with nothing on the right.
        if let regarding = h.regarding {
            lines += TextWrap.wrap(regarding, width: leftWidth - 2).map { trimTrailing(center($0, in: leftWidth)) }
        }
        return lines.joined(separator: "\n")
    }

    package static func paragraph(_ text: String) -> String {
        TextWrap.wrap("    " + text, width: width).joined(separator: "\n")
    }

    package static func item(_ text: String) -> String {
        TextWrap.wrap(text, width: width - 2).enumerated().map { ($0 == 0 ? "- " : "  ") + $1 }.joined(separator: "\n")
    }

    /// Nơi nhận on the left, the signature on the right (ô 9b beside ô 7).
    package static func signature(_ s: SignatureBlock, recipients: [String]) -> String {
        let leftWidth = 48
        let rightWidth = width - 48
        let left = ["Nơi nhận:"] + recipients.flatMap { TextWrap.wrap($0, width: leftWidth - 2) }
        var right = s.lines.flatMap { TextWrap.wrap($0, width: rightWidth) }
        right += ["", "", "", s.printedName]
        return zip(
            left + Array(repeating: "", count: max(0, right.count - left.count)),
            right + Array(repeating: "", count: max(0, left.count - right.count))
        )
        .map { l, r in trimTrailing(pad(l, to: leftWidth) + (r.isEmpty ? "" : center(r, in: rightWidth))) }
        .joined(separator: "\n")
    }

    package static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    /// A block as text; a table on a landscape page is as wide as it.
    package static func block(_ block: Block, landscape: Bool = false) -> String {
        switch block {
        case .heading(_, let label, let text): return TextWrap.wrap("\(label) \(text)", width: width).joined(separator: "\n")
        case .paragraph(let t): return paragraph(t)
        case .item(let t): return item(t)
        case .centered(let t): return centered(t).joined(separator: "\n")
        case .article(let label, let t): return paragraph("\(label) \(t)")
        case .table(let table): return self.table(table, width: landscape ? landscapeWidth : width)
        case .chart: return ""
        case .addressees(let names):
            let lines = Block.addresseeLines(names)
            guard names.count > 1 else { return centered("Kính gửi: " + (lines.first ?? "")).joined(separator: "\n") }
            return
                (centered("Kính gửi:")
                + lines.flatMap { TextWrap.wrap($0, width: width - 38) }.map { String(repeating: " ", count: 38) + $0 })
                .joined(separator: "\n")
        }
    }

    package static func table(_ t: DocTable, width tableWidth: Int = TextLayout.width) -> String {
        var text = TextTable(
            t.columns.map { TextTable.Column($0.title, $0.numeric ? .right : .left, minWidth: $0.numeric ? 5 : 8) },
            maxWidth: tableWidth)
        for row in t.rows { text.append(row.cells.map { $0.text }) }
        var out = ByteBuffer(capacity: 16 * 1024)
        if !t.title.isEmpty {
            var title = centered(t.title).joined(separator: "\n") + "\n"
            title.withUTF8 { out.append($0) }
        }
        text.render(into: &out)
        out.removeLast()  // the last newline; the template places the block
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }
}
