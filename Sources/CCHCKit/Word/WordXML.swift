/// WordprocessingML written as text: paragraphs, runs and tables with their properties in the
/// order the schema fixes (Word refuses a file whose `w:pPr`, `w:rPr`, `w:tblPr` or `w:sectPr`
/// children are out of order, where LibreOffice still opens it).
struct WordXML {
    private(set) var xml = ""

    init(capacity: Int = 64 * 1024) { xml.reserveCapacity(capacity) }

    /// How a paragraph is set, beyond its style.
    struct Paragraph {
        var style: String? = nil
        var keepNext = false
        /// A rule under the paragraph (the line under Tiêu ngữ, the issuer, the trích yếu).
        var ruleBelow = false
        /// Space before and after, in twips; `nil` keeps the style's.
        var before: Int? = nil
        var after: Int? = nil
        /// Left and right indents, in twips, and the first line's (`nil`: the style's).
        var left = 0
        var right = 0
        var firstLine: Int? = nil
        /// `left`, `center`, `right`, `both`; `nil` keeps the style's.
        var align: String? = nil
        var run = Run()
    }

    /// How a run of text is set, beyond its paragraph's style.
    struct Run {
        var bold = false
        var italic = false
        /// Half-points (28 = 14 pt); `nil` keeps the style's.
        var size: Int? = nil
    }

    /// A paragraph holding `text` (lines split at `\n`), set as `p` says.
    mutating func paragraph(_ text: String, _ p: Paragraph = Paragraph(), runs: [(String, Run)] = []) {
        xml += "<w:p>"
        properties(p)
        if !text.isEmpty { run(text, p.run) }
        for (t, r) in runs { run(t, r) }
        xml += "</w:p>"
    }

    /// An empty paragraph that ends a section: `sectionProperties` is that section's `w:sectPr`.
    mutating func sectionBreak(_ sectionProperties: String) {
        xml += "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>" + sectionProperties + "</w:pPr></w:p>"
    }

    mutating func append(_ raw: String) { xml += raw }

    private mutating func properties(_ p: Paragraph) {
        var pPr = ""
        if let style = p.style { pPr += "<w:pStyle w:val=\"\(style)\"/>" }
        if p.keepNext { pPr += "<w:keepNext/>" }
        if p.ruleBelow { pPr += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>" }
        if p.before != nil || p.after != nil {
            pPr +=
                "<w:spacing" + (p.before.map { " w:before=\"\($0)\"" } ?? "") + (p.after.map { " w:after=\"\($0)\"" } ?? "")
                + "/>"
        }
        if p.left != 0 || p.right != 0 || p.firstLine != nil {
            pPr +=
                "<w:ind w:left=\"\(p.left)\" w:right=\"\(p.right)\"" + (p.firstLine.map { " w:firstLine=\"\($0)\"" } ?? "") + "/>"
        }
        if let align = p.align { pPr += "<w:jc w:val=\"\(align)\"/>" }
        let rPr = Self.runProperties(p.run)
        if !rPr.isEmpty { pPr += "<w:rPr>" + rPr + "</w:rPr>" }  // the paragraph mark, set like its text
        if !pPr.isEmpty { xml += "<w:pPr>" + pPr + "</w:pPr>" }
    }

    private mutating func run(_ text: String, _ r: Run) {
        let rPr = Self.runProperties(r)
        let lines = text.utf8.contains(10) ? text.split(separator: "\n", omittingEmptySubsequences: false) : [Substring(text)]
        for (i, line) in lines.enumerated() {
            xml += "<w:r>"
            if !rPr.isEmpty { xml += "<w:rPr>" + rPr + "</w:rPr>" }
            if i > 0 { xml += "<w:br/>" }
            xml += "<w:t xml:space=\"preserve\">"
            // Most text has nothing to escape: copied as it is.
            if line.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
                Escape.append(String(line), to: &xml)
            } else {
                xml += line
            }
            xml += "</w:t></w:r>"
        }
    }

    static func runProperties(_ r: Run) -> String {
        var s = ""
        if r.bold { s += "<w:b/><w:bCs/>" }
        if r.italic { s += "<w:i/><w:iCs/>" }
        if let size = r.size { s += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        return s
    }

    /// A table's opening: `widths` in twips, with or without borders (the header block and the
    /// signature are tables without borders).
    mutating func tableStart(widths: [Int], bordered: Bool) {
        let total = widths.reduce(0, +)
        xml += "<w:tbl><w:tblPr>"
        xml += bordered ? "<w:tblStyle w:val=\"TableGrid\"/>" : ""
        xml += "<w:tblW w:w=\"\(total)\" w:type=\"dxa\"/>"
        xml += bordered ? "<w:jc w:val=\"center\"/>" : ""
        if !bordered {
            xml +=
                "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
        }
        xml += "<w:tblLayout w:type=\"fixed\"/>"
        let margin = bordered ? 80 : 0
        xml +=
            "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"\(margin)\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"\(margin)\" w:type=\"dxa\"/></w:tblCellMar>"
        xml +=
            "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
        xml += "</w:tblPr><w:tblGrid>"
        for w in widths { xml += "<w:gridCol w:w=\"\(w)\"/>" }
        xml += "</w:tblGrid>"
    }

    /// A row, never split across pages; a header row is repeated on every page.
    mutating func rowStart(header: Bool = false) {
        xml += header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
    }

    mutating func cellStart(width: Int) { xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>" }
    mutating func cellEnd() { xml += "</w:tc>" }
    mutating func rowEnd() { xml += "</w:tr>" }
    mutating func tableEnd() { xml += "</w:tbl>" }
}
