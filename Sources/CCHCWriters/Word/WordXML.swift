import CCHCCore
import CCHCTemplate

/// WordprocessingML written as bytes: paragraphs, runs and tables with their properties in the
/// order the schema fixes (Word refuses a file whose `w:pPr`, `w:rPr`, `w:tblPr` or `w:sectPr`
/// children are out of order, where LibreOffice still opens it). Tags are static strings copied
/// into a `ByteBuffer`, as the template engine writes HTML and XML: a national set writes a few
/// hundred megabytes of them, and building them as `String`s cost eight times the validated XML.
package struct WordXML: ~Copyable {
    package private(set) var out: ByteBuffer

    package init(capacity: Int = 64 * 1024) { out = ByteBuffer(capacity: capacity) }

    /// How a paragraph is set, beyond its style.
    package struct Paragraph {
        package var style: WordStyle? = nil
        package var keepNext = false
        /// A rule under the paragraph (the line under Tiêu ngữ, the issuer, the trích yếu).
        package var ruleBelow = false
        /// Space before and after, in twips; `nil` keeps the style's.
        package var before: Int? = nil
        package var after: Int? = nil
        /// Left and right indents, in twips, and the first line's (`nil`: the style's).
        package var left = 0
        package var right = 0
        package var firstLine: Int? = nil
        package var align: Alignment? = nil
        package var run = Run()
    }

    /// `w:jc`: how a paragraph's lines are aligned.
    package enum Alignment {
        case left, center, right, both

        package var value: StaticString {
            switch self {
            case .left: "left"
            case .center: "center"
            case .right: "right"
            case .both: "both"
            }
        }
    }

    /// How a run of text is set, beyond its paragraph's style.
    package struct Run {
        package var bold = false
        package var italic = false
        /// Half-points (28 = 14 pt); `nil` keeps the style's.
        package var size: Int? = nil

        package var isPlain: Bool { !bold && !italic && size == nil }
    }

    /// A paragraph holding `text` (lines split at `\n`), set as `p` says, then `runs`.
    package mutating func paragraph(_ text: String, _ p: Paragraph = Paragraph(), runs: [(String, Run)] = []) {
        out.append("<w:p>")
        properties(p)
        if !text.isEmpty { run(text, p.run) }
        for (t, r) in runs { run(t, r) }
        out.append("</w:p>")
    }

    /// A plain-text content control (`w:sdt`) around a run: a field the văn thư fills in Word
    /// (the number and date the document system gives, the signer's name). `id` is unique in the
    /// document; `tag` names it for programs, `alias` for the officer.
    package struct ContentControl {
        package var id: Int
        package var tag: StaticString
        package var alias: String
    }

    /// A paragraph of pieces of text, each in a content control when it has one.
    package mutating func paragraph(_ pieces: [(text: String, control: ContentControl?)], _ p: Paragraph) {
        out.append("<w:p>")
        properties(p)
        for (text, control) in pieces {
            guard let control else {
                run(text, p.run)
                continue
            }
            out.append("<w:sdt><w:sdtPr><w:alias w:val=\"")
            var alias = control.alias
            alias.withUTF8 { Escape.append($0, to: &out) }
            out.append("\"/><w:tag w:val=\"")
            out.append(control.tag)
            out.append("\"/>")
            attribute("<w:id w:val=\"", control.id)
            out.append("/><w:text/></w:sdtPr><w:sdtContent>")
            run(text, p.run)
            out.append("</w:sdtContent></w:sdt>")
        }
        out.append("</w:p>")
    }

    /// A paragraph in `style` and nothing else: a table cell's.
    package mutating func paragraph(_ text: String, style: WordStyle) {
        out.append("<w:p><w:pPr><w:pStyle w:val=\"")
        out.append(style.id)
        out.append("\"/></w:pPr>")
        if !text.isEmpty { run(text, Run()) }
        out.append("</w:p>")
    }

    /// An empty paragraph that ends a section set on `page`.
    package mutating func sectionBreak(_ page: WordPage) {
        out.append("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>")
        sectionProperties(page)
        out.append("</w:pPr></w:p>")
    }

    /// The `w:sectPr` of a section on `page`, numbered from 1, its first page without a number
    /// (`titlePg` and an empty first-page header).
    package mutating func sectionProperties(_ page: WordPage) {
        out.append("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"")
        out.append(WordParts.pageNumberHeader)
        out.append("\"/><w:headerReference w:type=\"first\" r:id=\"")
        out.append(WordParts.emptyHeader)
        out.append("\"/><w:pgSz")
        attribute(" w:w=\"", page.width)
        attribute(" w:h=\"", page.height)
        out.append(page.landscape ? " w:orient=\"landscape\"/><w:pgMar" : "/><w:pgMar")
        attribute(" w:top=\"", page.top)
        attribute(" w:right=\"", page.right)
        attribute(" w:bottom=\"", page.bottom)
        attribute(" w:left=\"", page.left)
        out.append(" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>")
        out.append("<w:pgNumType w:start=\"1\"/><w:cols w:space=\"720\"/><w:titlePg/></w:sectPr>")
    }

    package mutating func append(_ raw: StaticString) { out.append(raw) }

    private mutating func properties(_ p: Paragraph) {
        let hasProperties =
            p.style != nil || p.keepNext || p.ruleBelow || p.before != nil || p.after != nil || p.left != 0 || p.right != 0
            || p.firstLine != nil || p.align != nil || !p.run.isPlain
        guard hasProperties else { return }
        out.append("<w:pPr>")
        if let style = p.style {
            out.append("<w:pStyle w:val=\"")
            out.append(style.id)
            out.append("\"/>")
        }
        if p.keepNext { out.append("<w:keepNext/>") }
        if p.ruleBelow {
            out.append("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>")
        }
        if p.before != nil || p.after != nil {
            out.append("<w:spacing")
            if let before = p.before { attribute(" w:before=\"", before) }
            if let after = p.after { attribute(" w:after=\"", after) }
            out.append("/>")
        }
        if p.left != 0 || p.right != 0 || p.firstLine != nil {
            out.append("<w:ind")
            attribute(" w:left=\"", p.left)
            attribute(" w:right=\"", p.right)
            if let firstLine = p.firstLine { attribute(" w:firstLine=\"", firstLine) }
            out.append("/>")
        }
        if let align = p.align {
            out.append("<w:jc w:val=\"")
            out.append(align.value)
            out.append("\"/>")
        }
        runProperties(p.run)  // the paragraph mark, set like its text
        out.append("</w:pPr>")
    }

    private mutating func run(_ text: String, _ r: Run) {
        var text = text
        text.withUTF8 { bytes in
            var lineStart = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                out.append("<w:r>")
                runProperties(r)
                if lineStart > 0 { out.append("<w:br/>") }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<i])
                out.append(Self.needsPreserve(line) ? "<w:t xml:space=\"preserve\">" : "<w:t>")
                Escape.append(line, to: &out)
                out.append("</w:t></w:r>")
                lineStart = i + 1
            }
        }
    }

    /// Whether a line's spaces need `xml:space="preserve"` to survive: a space at either end, or
    /// two together (the blanks after "Số:" and in "ngày … tháng … năm").
    package static func needsPreserve(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first, let last = line.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        var previous: UInt8 = 0
        for byte in line {
            if byte == 0x09 || (byte == 0x20 && previous == 0x20) { return true }
            previous = byte
        }
        return false
    }

    private mutating func runProperties(_ r: Run) {
        guard !r.isPlain else { return }
        out.append("<w:rPr>")
        if r.bold { out.append("<w:b/><w:bCs/>") }
        if r.italic { out.append("<w:i/><w:iCs/>") }
        if let size = r.size {
            out.append("<w:sz")
            attribute(" w:val=\"", size)
            out.append("/><w:szCs")
            attribute(" w:val=\"", size)
            out.append("/>")
        }
        out.append("</w:rPr>")
    }

    /// A table's opening: `widths` in twips, with or without borders (the header block and the
    /// signature are tables without borders).
    package mutating func tableStart(widths: [Int], bordered: Bool) {
        out.append(bordered ? "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW" : "<w:tbl><w:tblPr><w:tblW")
        attribute(" w:w=\"", widths.reduce(0, +))
        if bordered {
            out.append(" w:type=\"dxa\"/><w:jc w:val=\"center\"/>")
        } else {
            out.append(" w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/>")
            out.append("<w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/>")
            out.append("</w:tblBorders>")
        }
        // Text 80 twips from a bordered cell's sides; none in the header block and the signature.
        let margin = bordered ? 80 : 0
        out.append("<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left")
        attribute(" w:w=\"", margin)
        out.append(" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right")
        attribute(" w:w=\"", margin)
        out.append(" w:type=\"dxa\"/></w:tblCellMar>")
        out.append("<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\"")
        out.append(" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>")
        for w in widths {
            out.append("<w:gridCol")
            attribute(" w:w=\"", w)
            out.append("/>")
        }
        out.append("</w:tblGrid>")
    }

    /// A row, never split across pages; a header row is repeated on every page.
    package mutating func rowStart(header: Bool = false) {
        out.append(header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
    }

    /// A cell of the first row, whose width fixes its column's (Word's fixed layout reads the
    /// grid and the first row's widths).
    package mutating func cellStart(width: Int) {
        out.append("<w:tc><w:tcPr><w:tcW")
        attribute(" w:w=\"", width)
        out.append(" w:type=\"dxa\"/></w:tcPr>")
    }

    /// A cell of a later row: its column's width from the grid. Writing it again in every cell
    /// was a third of a large table's bytes.
    package mutating func cellStart() { out.append("<w:tc>") }

    package mutating func cellEnd() { out.append("</w:tc>") }
    package mutating func rowEnd() { out.append("</w:tr>") }
    package mutating func tableEnd() { out.append("</w:tbl>") }

    /// An attribute with a whole number: `name` is its name with the space before it and the
    /// opening quote (` w:w="`); the number's digits come from a small string (no allocation).
    private mutating func attribute(_ name: StaticString, _ value: Int) {
        out.append(name)
        var digits = String(value)
        digits.withUTF8 { out.append($0) }
        out.append(UInt8(ascii: "\""))
    }
}
