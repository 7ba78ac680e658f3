import CCHCCore
import CCHCDocuments
import Foundation

/// `word/document.xml` of an `OfficialDocument`: the same parts, in the same order, as the HTML
/// templates print (header block, tên loại and trích yếu, căn cứ, body, signature and nơi nhận,
/// then each appendix in a section of its own), set with the styles of `WordParts.styles`.
package struct WordBody: ~Copyable {
    private var w = WordXML()
    private var page = WordPage.portrait
    /// Issued electronically: number, date and signer's name in content controls, 32 mm to sign in.
    private var electronic = false

    /// The document's `word/document.xml`.
    package static func xml(_ d: OfficialDocument) -> [UInt8] {
        var body = WordBody()
        body.electronic = d.electronic
        body.w.append(WordParts.documentStart)
        body.document(d)
        body.w.append("</w:body></w:document>")
        return body.w.out.array
    }

    private mutating func document(_ d: OfficialDocument) {
        header(d.header)
        if d.header.regarding == nil {
            w.paragraph(d.type.typeName, .init(style: .docType, keepNext: true))
            w.paragraph(d.header.subject, .init(style: .subject, keepNext: true))
            rule(share: 25, after: d.header.attached.isEmpty ? 280 : 120)
        }
        if !d.header.attached.isEmpty { w.paragraph("(\(d.header.attached))", .init(style: .attached)) }
        if d.type == .decision {
            w.paragraph(d.header.authority, .init(style: .centered, keepNext: true))
        }
        for basis in d.bases { w.paragraph(basis, .init(style: .basis)) }
        // The closing paragraph is kept with the signature: it never stands alone on a page.
        blocks(d.body, keepLastWithNext: true)
        signature(d.signer, recipients: d.recipients)
        for appendix in d.appendices {
            w.sectionBreak(page)
            page = WordPage(landscape: appendix.landscape)
            if appendix.isDocument {
                w.paragraph(appendix.label, .init(style: .docType, keepNext: true, before: 0))
                w.paragraph(appendix.title, .init(style: .subject, keepNext: true))
                w.paragraph(appendix.attached, .init(style: .attached, keepNext: true))
                rule(share: 25, after: 280)
            } else {
                w.paragraph(appendix.label, .init(style: .centered, keepNext: true, before: 0, after: 0))
                w.paragraph(appendix.title, .init(style: .centered, keepNext: true, before: 0, after: 0))
                w.paragraph(appendix.attached, .init(style: .attached, keepNext: true))
            }
            blocks(appendix.blocks)
        }
        w.sectionProperties(page)
    }

    // MARK: - Header (ô 1–4) and signature (ô 7, 9b)

    /// Two borderless columns, 40 % and 60 % of the line: the issuer, its rule and the Số on the
    /// left; Quốc hiệu, Tiêu ngữ with its rule, and the place and date on the right.
    private mutating func header(_ h: DocumentHeader) {
        let left = page.textWidth * 2 / 5
        let right = page.textWidth - left
        let centred = WordXML.Paragraph(style: .headerBlock)
        w.tableStart(widths: [left, right], bordered: false)
        w.rowStart()
        w.cellStart(width: left)
        if !h.parentOrgan.isEmpty { w.paragraph(h.parentOrgan, centred) }
        w.paragraph(h.issuerLines.joined(separator: "\n"), .init(style: .headerBlock, run: .init(bold: true)))
        rule(share: 30, width: left)
        if electronic {
            // The number the document system gives, in a field the văn thư fills in Word.
            w.paragraph(
                [
                    ("Số: ", nil), (h.numberText ?? "     ", .init(id: 1, tag: "cchc-number", alias: "Số văn bản")),
                    ("/\(h.symbol)", nil),
                ],
                .init(style: .headerBlock, before: 160))
        } else {
            w.paragraph(h.numberLine, .init(style: .headerBlock, before: 160))
        }
        if let regarding = h.regarding { w.paragraph(regarding, .init(style: .headerBlock, run: .init(size: 24))) }
        w.cellEnd()
        w.cellStart(width: right)
        w.paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", .init(style: .headerBlock, run: .init(bold: true)))
        // The rule under Tiêu ngữ as long as its text: a bottom border between indents that
        // leave the text's width (about 68 mm in Times New Roman 14 bold).
        let motto = min(3720, right)
        let side = (right - motto) / 2
        w.paragraph(
            "Độc lập - Tự do - Hạnh phúc",
            .init(style: .headerBlock, ruleBelow: true, left: side, right: side, run: .init(bold: true, size: 28)))
        let dateLine = WordXML.Paragraph(style: .headerBlock, before: 160, run: .init(italic: true, size: 28))
        if electronic {
            let date = VietnameseDate.long(h.date, fallbackYear: h.fallbackYear)
            w.paragraph([("\(h.place), ", nil), (date, .init(id: 2, tag: "cchc-date", alias: "Ngày ban hành"))], dateLine)
        } else {
            w.paragraph(h.placeAndDate, dateLine)
        }
        w.cellEnd()
        w.rowEnd()
        w.tableEnd()
    }

    /// Nơi nhận on the left and the signer on the right, level with each other, kept together.
    private mutating func signature(_ s: SignatureBlock, recipients: [String]) {
        let left = page.textWidth * 12 / 25
        let right = page.textWidth - left
        w.paragraph("", .init(style: .headerBlock, keepNext: true))
        w.tableStart(widths: [left, right], bordered: false)
        w.rowStart()
        w.cellStart(width: left)
        if recipients.isEmpty {
            w.paragraph("", .init(style: .recipients))
        } else {
            w.paragraph("Nơi nhận:", .init(style: .recipients, run: .init(bold: true, italic: true, size: 24)))
            for line in recipients { w.paragraph(line, .init(style: .recipients)) }
        }
        w.cellEnd()
        w.cellStart(width: right)
        for line in s.lines { w.paragraph(line, .init(style: .signer)) }
        if s.lines.isEmpty { w.paragraph("", .init(style: .signer)) }
        if electronic {
            // 32 mm for the images of the signature and the seal, then the name in a field.
            w.paragraph(
                [(s.printedName, .init(id: 3, tag: "cchc-signer", alias: "Người ký"))], .init(style: .signer, before: 1814))
        } else {
            w.paragraph(s.printedName, .init(style: .signer, before: 1280))
        }
        w.cellEnd()
        w.rowEnd()
        w.tableEnd()
    }

    /// A short centred rule: an empty paragraph with a bottom border, `share` % of `width` (the
    /// line's, by default).
    private mutating func rule(share: Int, width: Int? = nil, after: Int? = nil) {
        let side = (width ?? page.textWidth) * (100 - share) / 200
        w.paragraph(
            "", .init(style: .headerBlock, ruleBelow: true, after: after, left: side, right: side, run: .init(size: 4)))
    }

    // MARK: - Body

    /// The blocks in order; with `keepLastWithNext`, the last one is kept on the page of what
    /// follows it (the signature).
    private mutating func blocks(_ list: [Block], keepLastWithNext: Bool = false) {
        for (i, block) in list.enumerated() {
            let keep = keepLastWithNext && i == list.count - 1
            switch block {
            case .heading(let level, let label, let text):
                w.paragraph("\(label) \(text)", .init(style: .heading(level)))
            case .paragraph(let text):
                w.paragraph(text, .init(keepNext: keep))
            case .item(let text):
                w.paragraph("- " + text, .init(keepNext: keep))
            case .centered(let text):
                w.paragraph(text, .init(style: .centered, keepNext: keep))
            case .article(let label, let text):
                w.paragraph("", .init(keepNext: keep), runs: [(label, .init(bold: true)), (" " + text, .init())])
            case .table(let t):
                table(t)
            case .chart(let c):
                chart(c)
            case .addressees(let names):
                addressees(names)
            }
        }
    }

    /// Kính gửi: one name on its line, or several one a line under it, from the middle of the page.
    private mutating func addressees(_ names: [String]) {
        let lines = Block.addresseeLines(names)
        guard names.count > 1 else {
            w.paragraph(
                "Kính gửi: " + (lines.first ?? ""),
                .init(style: .headerBlock, keepNext: true, before: 280, after: 120, run: .init(size: 28)))
            return
        }
        w.paragraph("Kính gửi:", .init(style: .headerBlock, keepNext: true, before: 280, run: .init(size: 28)))
        for (i, line) in lines.enumerated() {
            let indent = page.textWidth * 38 / 100
            let after = i == lines.count - 1 ? 120 : 0
            w.paragraph(
                line, .init(style: .headerBlock, keepNext: true, after: after, left: indent, align: .left, run: .init(size: 28)))
        }
    }

    /// A table with its caption, column widths from content (`ColumnWidths`, as the HTML),
    /// the header row repeated on every page, every row kept whole.
    private mutating func table(_ t: DocTable) {
        if !t.title.isEmpty { w.paragraph(t.title, .init(style: .tableCaption, keepNext: true)) }
        let widths = Self.columnWidths(t, total: page.textWidth)
        w.tableStart(widths: widths, bordered: true)
        w.rowStart(header: true)
        for (column, width) in zip(t.columns, widths) {
            w.cellStart(width: width)
            w.paragraph(column.title, style: .tableHeading)
            w.cellEnd()
        }
        w.rowEnd()
        for (r, row) in t.rows.enumerated() {
            // The header row (keepNext in its style) stays with the first row, and the last row
            // is never alone on a page: the one before it is kept with it.
            let keep = r == t.rows.count - 2
            w.rowStart()
            for i in widths.indices {
                let cell = i < row.cells.count ? row.cells[i] : DocCell.text("")
                w.cellStart()
                let style = WordStyle.cell(numeric: cell.numeric, strong: row.strong)
                if keep {
                    w.paragraph(cell.text, .init(style: style, keepNext: true))
                } else {
                    w.paragraph(cell.text, style: style)
                }
                w.cellEnd()
            }
            w.rowEnd()
        }
        w.tableEnd()
        w.paragraph("", .init(style: .tableText, after: 120))
    }

    /// A bar chart as a table: each label, its index, and a bar as long as the index (a shaded
    /// paragraph whose right indent leaves the rest of the cell).
    private mutating func chart(_ c: BarChart) {
        if !c.title.isEmpty { w.paragraph(c.title, .init(style: .tableCaption, keepNext: true)) }
        let widths = Self.twips([40, 14, 46], of: page.textWidth)
        w.tableStart(widths: widths, bordered: true)
        w.rowStart(header: true)
        for (title, width) in zip(["Đơn vị", "Chỉ số (%)", ""], widths) {
            w.cellStart(width: width)
            w.paragraph(title, style: .tableHeading)
            w.cellEnd()
        }
        w.rowEnd()
        let room = widths[2] - 160
        for bar in c.bars {
            w.rowStart()
            w.cellStart()
            w.paragraph(bar.label, style: .tableText)
            w.cellEnd()
            w.cellStart()
            w.paragraph(
                VietnameseNumber.format(bar.value, maxDecimals: c.decimals, minDecimals: c.decimals), style: .tableNumber)
            w.cellEnd()
            w.cellStart()
            let filled = min(room, max(0, BarChart.length(bar, full: room)))
            w.paragraph("", .init(style: .bar, right: room - filled))
            w.cellEnd()
            w.rowEnd()
        }
        if let average = c.average {
            // The group's average closes the chart, as the line across the HTML's bars.
            w.rowStart()
            w.cellStart()
            w.paragraph("Bình quân", style: .tableTextStrong)
            w.cellEnd()
            w.cellStart()
            w.paragraph(
                VietnameseNumber.format(average, maxDecimals: c.decimals, minDecimals: c.decimals), style: .tableNumberStrong)
            w.cellEnd()
            w.cellStart()
            w.paragraph("", style: .tableText)
            w.cellEnd()
            w.rowEnd()
        }
        w.tableEnd()
        w.paragraph("", .init(style: .tableText, after: 120))
    }
}
