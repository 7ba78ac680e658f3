import CCHCCore

/// A paragraph style of the .docx (kiểu đoạn văn): its id in `word/document.xml` and the name
/// the officer sees in Word's Styles pane. A table cell's style carries its alignment and weight,
/// so a cell writes one `w:pStyle` and no direct formatting.
package enum WordStyle: CaseIterable {
    case heading1, heading2, heading3
    /// The header block and the short rules (Tiêu đề văn bản).
    case headerBlock
    /// Tên loại, Trích yếu, the "(Kèm theo …)" line.
    case docType, subject, attached
    case centered, basis
    case tableCaption, tableHeading
    /// A table cell: text left, numbers right, each plain or bold (a field's or a total's row).
    case tableText, tableNumber, tableTextStrong, tableNumberStrong
    case bar
    case recipients, signer
    /// The page-number header.
    case header

    package var id: StaticString {
        switch self {
        case .heading1: "Heading1"
        case .heading2: "Heading2"
        case .heading3: "Heading3"
        case .headerBlock: "HeaderBlock"
        case .docType: "DocType"
        case .subject: "Subject"
        case .attached: "Attached"
        case .centered: "Centered"
        case .basis: "Basis"
        case .tableCaption: "TableCaption"
        case .tableHeading: "TableHeading"
        case .tableText: "TableText"
        case .tableNumber: "TableNumber"
        case .tableTextStrong: "TableTextStrong"
        case .tableNumberStrong: "TableNumberStrong"
        case .bar: "Bar"
        case .recipients: "Recipients"
        case .signer: "Signer"
        case .header: "Header"
        }
    }

    /// The style's name in Word's Styles pane.
    package var name: String {
        switch self {
        case .heading1: "heading 1"
        case .heading2: "heading 2"
        case .heading3: "heading 3"
        case .headerBlock: "Tiêu đề văn bản"
        case .docType: "Tên loại"
        case .subject: "Trích yếu"
        case .attached: "Kèm theo"
        case .centered: "Căn giữa đậm"
        case .basis: "Căn cứ"
        case .tableCaption: "Tên bảng"
        case .tableHeading: "Tiêu đề cột"
        case .tableText: "Nội dung bảng"
        case .tableNumber: "Số trong bảng"
        case .tableTextStrong: "Nội dung bảng đậm"
        case .tableNumberStrong: "Số trong bảng đậm"
        case .bar: "Thanh biểu đồ"
        case .recipients: "Nơi nhận"
        case .signer: "Chữ ký"
        case .header: "header"
        }
    }

    /// The heading style of a level (1 `I.`, 2 `1.`, 3 `a)` and below).
    package static func heading(_ level: Int) -> WordStyle { level <= 1 ? .heading1 : level == 2 ? .heading2 : .heading3 }

    /// A table cell's style.
    package static func cell(numeric: Bool, strong: Bool) -> WordStyle {
        switch (numeric, strong) {
        case (false, false): .tableText
        case (true, false): .tableNumber
        case (false, true): .tableTextStrong
        case (true, true): .tableNumberStrong
        }
    }
}
