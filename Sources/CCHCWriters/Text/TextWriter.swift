import CCHCCore
import CCHCDocuments
import CCHCTemplate

extension TemplateWriter {
    /// Plain text from `txt/`: the layout (the header's two columns, wrapped paragraphs, aligned
    /// tables, the signature beside Nơi nhận) is `TextLayout`'s; the templates place the pieces.
    package static func text(_ library: TemplateLibrary) -> TemplateWriter {
        TemplateWriter(.txt, library, pieces: TextLayout.pieces, validator: nil)
    }
}

extension TextLayout {
    /// The pieces the text templates place: `text.header`, `text.title`, … at the root, and the
    /// `text` of each block and appendix.
    package static let pieces = FormatPieces(
        root: { d in
            let h = d.header
            return [
                "header": .text(header(h)),
                "title": .text(
                    h.regarding != nil ? "" : (centered(d.type.typeName) + centered(h.subject)).joined(separator: "\n")),
                "attached": .text(h.attached.isEmpty ? "" : centered("(\(h.attached))").joined(separator: "\n")),
                "authority": .text(centered(h.authority).joined(separator: "\n")),
                "bases": .text(d.bases.map(paragraph).joined(separator: "\n")),
                "signature": .text(signature(d.signer, recipients: d.recipients)),
            ]
        },
        block: block,
        appendix: { a in (centered(a.label) + centered(a.title) + centered(a.attached)).joined(separator: "\n") })
}
