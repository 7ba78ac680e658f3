import CCHCCore
import CCHCDocuments
import CCHCTemplate
import Foundation

/// Turns an `OfficialDocument` into the values its templates see (the names a template can use
/// are listed in README.md, "Editing a template").
///
/// The names are the same for every format; the pieces only one format lays out (the text
/// layout, the chart's SVG) come from that format's writer (`pieces`) and are empty otherwise.
package enum DocumentContext {
    /// - Parameter pageAmount: the pages of the document as printed, when its PDF was printed
    ///   before this format was written (the archive metadata's page amount).
    /// - Parameter shared: the values every format shares, when the caller built them once for
    ///   all the formats of this document.
    package static func make(
        _ d: OfficialDocument, pieces: FormatPieces, pageAmount: Int? = nil, shared: SharedContext? = nil
    ) -> TemplateValue {
        let shared = shared ?? SharedContext(d)
        var root = shared.root
        root["pageAmount"] = .text(pageAmount.map(String.init))
        root["blocks"] = blocks(d.body, shared.body, pieces)
        root["appendices"] = .list(
            zip(d.appendices, shared.appendices).map { a, base in
                var o = base.values
                o["blocks"] = blocks(a.blocks, base.blocks, pieces, landscape: a.landscape)
                o["text"] = .text(pieces.appendix?(a) ?? "")
                return .object(o)
            })
        root["text"] = .obj(pieces.root?(d) ?? FormatPieces.noText)
        return .object(root)
    }

    /// The values of every format but the format's own pieces (the text layout, the chart's SVG),
    /// which stay empty: a render builds them once per document for all its formats.
    package struct SharedContext: Sendable {
        var root: TemplateObject
        var body: [TemplateObject]
        var appendices: [(values: TemplateObject, blocks: [TemplateObject])]

        package init(_ d: OfficialDocument) {
            let h = d.header
            root = [
                "kind": .text(d.kind.rawValue), "typeName": .text(d.type.typeName), "typeTitle": .text(d.type.typeTitle),
                "decision": .bool(d.type == .decision), "electronic": .bool(d.electronic),
                "year": .text(String(d.year)), "unit": .text(d.unit),
                // Thông tư 02/2019/TT-BNV's archive metadata: a code naming the document within the
                // year's set, its keywords, and its pages.
                "docCode": .text("\(d.year).\(d.path)"),
                "keywords": .text(["Chỉ số cải cách hành chính", d.type.typeTitle, String(d.year)].joined(separator: "; ")),
                "pageAmount": "",
                "header": .obj([
                    "parentOrgan": .text(h.parentOrgan), "issuerLines": lines(h.issuerLines), "organName": .text(h.organName),
                    "organId": .text(h.organId), "number": .text(h.number.map(String.init)), "symbol": .text(h.symbol),
                    "numberLine": .text(h.numberLine), "place": .text(h.place), "placeDate": .text(h.placeAndDate),
                    "date": .text(h.date?.iso),
                    "subject": .text(h.subject), "attached": .text(h.attached),
                    "authority": .text(h.authority), "regarding": .text(h.regarding),
                ]),
                "places": lines(d.recipients.filter { !$0.hasPrefix("- Lưu:") }.map(place)),
                "bases": lines(d.bases),
                "blocks": .list([]),
                "signer": .obj([
                    "lines": lines(d.signer.lines), "competence": .text(d.signer.competence),
                    "position": .text(d.signer.position), "name": .text(d.signer.name),
                    "printedName": .text(d.signer.printedName),
                ]),
                "recipients": lines(d.recipients),
                "appendices": .list([]),
            ]
            body = d.body.map(DocumentContext.block(for:))
            appendices = d.appendices.enumerated().map { i, a in
                let values: TemplateObject = [
                    "label": .text(a.label), "title": .text(a.title), "attached": .text(a.attached),
                    "number": .text(String(i + 1)), "document": .bool(a.isDocument),
                    "landscape": .bool(a.landscape), "blocks": .list([]), "text": "",
                ]
                return (values, a.blocks.map(DocumentContext.block(for:)))
            }
        }
    }

    /// "- Bộ Nội vụ;" → "Bộ Nội vụ" for edXML's ToPlaces.
    package static func place(_ line: String) -> String {
        var s = Substring(line)
        if s.hasPrefix("- ") { s = s.dropFirst(2) }
        while let last = s.last, ";.".contains(last) { s = s.dropLast() }
        return String(s)
    }

    package static func lines(_ list: [String]) -> TemplateValue {
        .list(list.enumerated().map { i, s in .obj(["line": .text(s), "last": .bool(i == list.count - 1)]) })
    }

    /// The blocks' values with the format's pieces: a block's `text`, a chart's `svg`.
    static func blocks(_ list: [Block], _ shared: [TemplateObject], _ pieces: FormatPieces, landscape: Bool = false)
        -> TemplateValue
    {
        .list(
            zip(list, shared).map { b, base in
                var o = base
                if let text = pieces.block?(b, landscape) { o["text"] = .text(text) }
                if case .chart(let c) = b, let svg = pieces.chart?(c), case .object(var chart)? = o["chart"] {
                    chart["svg"] = .text(svg)
                    o["chart"] = .object(chart)
                }
                return .object(o)
            })
    }

    private static let empty: TemplateObject = [
        "heading": false, "paragraph": false, "item": false, "centered": false, "article": false, "table": false, "chart": false,
        "addressees": false,
    ]

    /// A block's values in every format, its `text` and a chart's `svg` empty.
    static func block(for b: Block) -> TemplateObject {
        var o = empty
        switch b {
        case .heading(let level, let label, let text):
            o["heading"] = .obj([
                "label": .text(label), "text": .text(text), "level": .text(String(level)),
                "level1": .bool(level == 1), "level2": .bool(level == 2), "level3": .bool(level >= 3),
            ])
        case .paragraph(let t): o["paragraph"] = .obj(["text": .text(t)])
        case .item(let t): o["item"] = .obj(["text": .text(t)])
        case .centered(let t): o["centered"] = .obj(["text": .text(t)])
        case .article(let label, let t): o["article"] = .obj(["label": .text(label), "text": .text(t)])
        case .table(let t): o["table"] = table(t)
        case .addressees(let names):
            o["addressees"] = .obj(["single": .bool(names.count == 1), "lines": lines(Block.addresseeLines(names))])
        case .chart(let c):
            o["chart"] = .obj([
                "title": .text(c.title), "svg": "",
                "bars": .list(
                    c.bars.map {
                        .obj([
                            "label": .text($0.label), "value": .text(VietnameseNumber.plain($0.value)),
                            "text": .text(VietnameseNumber.format($0.value, maxDecimals: c.decimals, minDecimals: c.decimals)),
                        ])
                    }),
            ])
        }
        o["text"] = ""
        return o
    }

    /// A number's column title on at most two lines, broken at the space nearest its middle
    /// ("Điểm tự" / "đánh giá"): a browser then never stacks it word by word in a narrow column.
    package static func twoLines(_ title: String) -> [String] {
        let words = title.split(separator: " ").map(String.init)
        guard words.count > 1, ColumnWidths.length(title) > 8 else { return [title] }
        let total = ColumnWidths.length(title)
        var best = (cut: 1, longest: Int.max)
        for cut in 1..<words.count {
            let first = ColumnWidths.length(words[..<cut].joined(separator: " "))
            let longest = max(first, total - first - 1)
            if longest <= best.longest { best = (cut, longest) }  // a tie: the longer first line ("Chỉ số" / "(%)")
        }
        return [words[..<best.cut].joined(separator: " "), words[best.cut...].joined(separator: " ")]
    }

    package static func table(_ t: DocTable) -> TemplateValue {
        let widths = ColumnWidths.of(t)
        return .obj([
            "id": .text(t.id), "title": .text(t.title),
            "columns": .list(
                zip(t.columns, widths).map { column, width in
                    .obj([
                        "title": .text(column.title), "numeric": .bool(column.numeric), "width": .text(String(width.percent)),
                        "nowrap": .bool(width.nowrap),
                        "titleLines": lines(width.nowrap ? Self.twoLines(column.title) : [column.title]),
                    ])
                }),
            "rows": .rows(rows(t, widths)),
        ])
    }

    /// A table's rows as its templates read them (`strong`, and each cell's `text`, `value`,
    /// `max`, `numeric` and `nowrap`), in place: no object per row or cell.
    static func rows(_ t: DocTable, _ widths: [ColumnWidths.Column]) -> TemplateRows {
        var rowValues: [TemplateValue] = []
        var cellValues: [TemplateValue] = []
        var firstCell: [Int] = [0]
        rowValues.reserveCapacity(t.rows.count)
        cellValues.reserveCapacity(t.rows.count * t.columns.count * 5)
        firstCell.reserveCapacity(t.rows.count + 1)
        for r in t.rows.indices {
            rowValues.append(.bool(t.rows[r].strong))
            for (i, c) in t.rows[r].cells.enumerated() {
                cellValues.append(.text(c.text))
                cellValues.append(.text(c.value ?? ""))
                cellValues.append(.text(c.max ?? ""))
                cellValues.append(.bool(c.numeric))
                cellValues.append(.bool(!c.numeric && i < widths.count && widths[i].nowrap))
            }
            firstCell.append(firstCell[r] + t.rows[r].cells.count)
        }
        return TemplateRows(
            rowNames: ["strong"], rowValues: rowValues, cellNames: ["text", "value", "max", "numeric", "nowrap"],
            cellValues: cellValues, firstCell: firstCell)
    }
}
