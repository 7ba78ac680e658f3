import CCHCCore
import Foundation

/// A document laid out as NĐ30 wants it, before any format: header, body blocks, signature,
/// recipients and appendices. Every number in it is already formatted the Vietnamese way.
public struct OfficialDocument: Sendable {
    public var kind: DocumentKind
    /// The output path without extension, e.g. `quyet-dinh` or `tu-danh-gia/snv`.
    public var path: String
    /// The unit a self-assessment belongs to.
    public var unit: String?
    public var year: Int
    public var header: DocumentHeader
    /// Căn cứ: the legal bases, each already ending with `;` or `.`.
    public var bases: [String]
    public var body: [Block]
    public var signer: SignatureBlock
    /// Nơi nhận, each line complete (`- Bộ Nội vụ;` … `- Lưu: VT, TH.`).
    public var recipients: [String]
    public var appendices: [Appendix]
    /// What it is printed as when that is not its kind's usual type: a plan issued by a decision
    /// is printed as that decision, the plan attached.
    public var printedAs: DocumentType? = nil
    /// Issued electronically (plan.yaml `documents.issuance: electronic`): the number, the date
    /// and the signer's name are left for the document system and the signer, and the signature
    /// leaves 32 mm for the images of the signature and the seal.
    public var electronic = false

    /// Tên loại: what the document is printed as.
    public var type: DocumentType { printedAs ?? kind.type }
}

/// The header block (ô 1–5 of NĐ30) and the edXML metadata it carries.
public struct DocumentHeader: Sendable {
    /// Cơ quan chủ quản, in capitals; empty when there is none.
    public var parentOrgan: String
    /// Cơ quan ban hành, in capitals, one entry a printed line.
    public var issuerLines: [String]
    /// The issuer's full name in normal case (edXML OrganName).
    public var organName: String
    public var organId: String
    /// Số; `nil` prints a blank to fill in.
    public var number: Int?
    /// Ký hiệu, e.g. `QĐ-UBND`.
    public var symbol: String
    public var place: String
    public var date: PlanDate?
    /// The year a blank date is printed with.
    public var fallbackYear: Int
    /// Trích yếu.
    public var subject: String
    /// "(Ban hành kèm theo …)" when the document is issued with another one.
    public var attached: String
    /// Thẩm quyền ban hành under a decision's title when it is not the issuer's own name: "CHỦ
    /// TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG" for the chairman's decision.
    public var authorityLine: String? = nil
    /// A công văn's trích yếu, printed "V/v …" under its Số (NĐ30 ô 5b); a document with one
    /// prints no type name and no trích yếu block.
    public var regarding: String? = nil

    /// The line of authority a decision prints under its title.
    public var authority: String { authorityLine ?? issuerLines.joined(separator: " ") }

    /// "Số: 342/QĐ-UBND", or "Số:      /QĐ-UBND" before it is numbered.
    public var numberLine: String {
        guard let numberText else { return "Số:      /\(symbol)" }
        return "Số: \(numberText)/\(symbol)"
    }

    /// The number as the header prints it, `09` below 10; `nil` before it is numbered.
    public var numberText: String? { number.map { $0 < 10 ? "0\($0)" : "\($0)" } }

    public var placeAndDate: String { VietnameseDate.placeAndDate(place, date, fallbackYear: fallbackYear) }
}

/// Chữ ký: the lines above the signature (quyền hạn, chức vụ) and the name.
public struct SignatureBlock: Sendable {
    public var lines: [String]
    public var competence: String
    public var position: String
    public var name: String

    /// The name as printed under the signature: a dotted line to write it on when plan.yaml
    /// leaves it empty (validate warns).
    public var printedName: String { name.isEmpty ? SignatureBlock.blankName : name }

    public static let blankName = "……………………………"
}

/// Phụ lục: a labelled appendix with its own title and blocks.
public struct Appendix: Sendable {
    /// "PHỤ LỤC I", or "PHỤ LỤC" when there is only one.
    public var label: String
    public var title: String
    /// The "(Kèm theo …)" line.
    public var attached: String
    public var blocks: [Block]
    /// Whether it prints on landscape pages (wide tables).
    public var landscape: Bool
    /// A document of its own attached to this one (the plan a decision issues): its label is
    /// the type name and its title the trích yếu, printed as that document's heading.
    public var isDocument = false
}

/// One piece of a document's body.
public enum Block: Sendable {
    /// A heading: level 1 `I.`, level 2 `1.`, level 3 `a)`.
    case heading(level: Int, label: String, text: String)
    case paragraph(String)
    /// A bullet line, printed with a leading "- ".
    case item(String)
    /// A centred bold line, e.g. "QUYẾT ĐỊNH:" or the authority.
    case centered(String)
    /// `Điều 1.` and its text.
    case article(label: String, text: String)
    case table(DocTable)
    case chart(BarChart)
    /// Kính gửi (NĐ30 ô 9a): whom a letter is addressed to, one name a line.
    case addressees([String])

    /// Kính gửi as printed: one name on the line after "Kính gửi:" ("Kính gửi: Ủy ban nhân dân
    /// tỉnh An Giang."), several one a line under it, each `- …;`, the last `- ….`.
    public static func addresseeLines(_ names: [String]) -> [String] {
        guard names.count > 1 else { return names.map(DocumentParts.endSentence) }
        return names.enumerated().map { i, name in
            var n = name.trimmingCharacters(in: .whitespaces)
            while let last = n.last, ";.,".contains(last) { n.removeLast() }
            return "- " + n + (i == names.count - 1 ? "." : ";")
        }
    }
}

/// A table whose numeric cells keep their exact value beside the printed text. Every number of
/// a column prints as many decimals as the longest one (`9,00`, `1,25`, `10,70`, never `9`,
/// `1,25`, `10,7`).
public struct DocTable: Sendable {
    public var id: String
    public var title: String
    public var columns: [DocColumn]
    public var rows: [DocRow]

    public init(id: String, title: String, columns: [DocColumn], rows: consuming [DocRow]) {
        (self.id, self.title, self.columns) = (id, title, columns)
        self.rows = Self.evenDecimals(rows, columns: columns.count)
    }

    /// Pads each decimal column's numbers with zeros to the decimals of its longest one.
    private static func evenDecimals(_ rows: consuming [DocRow], columns: Int) -> [DocRow] {
        // The rows are taken, not copied: padding a cell of a copy would copy every row.
        var rows = rows
        for c in 0..<columns {
            // By index: every table of every document passes here, and a row or cell copied
            // out of the array costs a retain for each of its strings.
            var places = 0
            for r in rows.indices where c < rows[r].cells.count {
                guard case .decimal = rows[r].cells[c].kind, let i = Self.plainNumber(rows[r].cells[c].text) else { continue }
                places = max(places, i)
            }
            guard places > 0 else { continue }
            for r in rows.indices where c < rows[r].cells.count {
                guard case .decimal = rows[r].cells[c].kind, let have = Self.plainNumber(rows[r].cells[c].text), have < places
                else { continue }
                rows[r].cells[c].text += (have == 0 ? "," : "") + String(repeating: "0", count: places - have)
            }
        }
        return rows
    }

    /// The decimals of a number printed on its own (`10,7` → 1, `9` → 0); `nil` for a dash, an
    /// empty cell or a score out of its max (`85,50/100`).
    /// Read on the UTF-8 bytes: every table of every document passes here (a `contains` on the
    /// String took Foundation's search, 7 % of a national render).
    private static func plainNumber(_ text: String) -> Int? {
        let bytes = text.utf8
        guard let last = bytes.last, last >= UInt8(ascii: "0"), last <= UInt8(ascii: "9"),
            !bytes.contains(UInt8(ascii: "/"))
        else { return nil }
        var places = 0
        for byte in bytes.reversed() {
            if byte == UInt8(ascii: ",") { return places }
            places += 1
        }
        return 0
    }
}

public struct DocColumn: Sendable {
    public var title: String
    public var numeric: Bool

    public init(_ title: String, numeric: Bool = false) {
        self.title = title
        self.numeric = numeric
    }
}

public struct DocRow: Sendable {
    public var cells: [DocCell]
    /// Printed bold (a field, a total).
    public var strong: Bool

    public init(_ cells: [DocCell], strong: Bool = false) {
        self.cells = cells
        self.strong = strong
    }
}

/// A cell: its printed text and, for numbers, the exact value (and the max it is out of).
public struct DocCell: Sendable {
    public var text: String
    public var value: String?
    public var max: String?
    public var numeric: Bool
    /// What `value` is, for a writer that keeps numbers as numbers (a workbook).
    public var kind: Kind = .text
    /// The number exactly, where `value` is rounded to the decimals printed (`46.4249` beside
    /// `46.42`): a workbook keeps it, so that its columns add up as the computation does.
    public var exact: String?

    /// What a cell's value is.
    public enum Kind: Sendable, Equatable {
        case text
        case integer
        /// A number printed with this many decimals.
        case decimal(places: Int)
        /// A change of rank, printed in words (`tăng 3 bậc`), valued `3` or `-2`.
        case rankChange
    }

    public static func text(_ s: String) -> DocCell { DocCell(text: s, value: nil, max: nil, numeric: false) }

    /// A change of rank in words, `tăng 3 bậc`, valued as a signed number of places.
    public static func rankChange(_ change: Int?) -> DocCell {
        DocCell(text: RankChange.text(change), value: change.map(String.init), max: nil, numeric: false, kind: .rankChange)
    }

    /// An empty numeric cell (no difference to show).
    public static let blank = DocCell(text: "", value: nil, max: nil, numeric: true)

    /// A score printed `85,5`, valued `85.5`; `nil` prints a dash (N/A).
    public static func number(_ d: Points?, decimals: Int = 2, minDecimals: Int = 0, max: Points? = nil) -> DocCell {
        guard let d else { return DocCell(text: "-", value: nil, max: nil, numeric: true, kind: .decimal(places: decimals)) }
        return DocCell(
            text: VietnameseNumber.format(d, maxDecimals: decimals, minDecimals: minDecimals),
            value: VietnameseNumber.plain(d, decimals: decimals), max: max.map(VietnameseNumber.plain), numeric: true,
            kind: .decimal(places: decimals), exact: VietnameseNumber.plain(d))
    }

    public static func integer(_ n: Int?) -> DocCell {
        guard let n else { return DocCell(text: "-", value: nil, max: nil, numeric: true, kind: .integer) }
        return DocCell(text: VietnameseNumber.format(n), value: String(n), max: nil, numeric: true, kind: .integer)
    }
}

/// A horizontal bar chart of indexes (0–100), drawn as inline SVG in HTML.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Points

        public init(label: String, value: Points) { (self.label, self.value) = (label, value) }
    }

    public var title: String
    public var bars: [Bar]
    public var decimals: Int
    /// The group's average index, drawn as a line across the bars.
    public var average: Points? = nil

    /// A bar's length on a scale where 100 is `full` units long, rounded half-up.
    package static func length(_ bar: Bar, full: Int) -> Int {
        Int(truncating: (bar.value * Points(full)).shifted(by: 2).roundedHalfUp(0).decimal as NSDecimalNumber)
    }
}
