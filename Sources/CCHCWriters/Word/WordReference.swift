import CCHCCore
import CCHCTemplate
import Foundation
import ZIPFoundation

/// Mẫu định dạng Word: the house style of every .docx cchc writes, taken from
/// `docx/reference.docx` of the template set (as Pandoc's `--reference-doc`). An officer opens
/// the reference in Word, changes a style (font, size, spacing), saves, and every later .docx
/// takes its styles, theme and fonts; its text is only a sample of each style. The built-in
/// reference carries NĐ 30/2020's styles (Times New Roman 14 pt, …).
public struct WordReference: Sendable {
    /// `word/styles.xml`, `word/theme/theme1.xml` and `word/fontTable.xml` as the reference has them.
    package let styles: [UInt8]
    package let theme: [UInt8]
    package let fontTable: [UInt8]

    /// The styles cchc writes into: the reference must keep every one of them (restyled, not
    /// renamed or deleted).
    package static let requiredStyles: [(id: String, name: String)] =
        [("Normal", "Normal"), ("TableGrid", "Table Grid")] + WordStyle.allCases.map { ("\($0.id)", $0.name) }

    /// NĐ 30's styles, as cchc has always written them.
    package static let builtInParts = WordReference(
        styles: Array(WordParts.styles.utf8), theme: Array(OfficeTheme.part.utf8), fontTable: Array(WordParts.fontTable.utf8))

    package init(styles: [UInt8], theme: [UInt8], fontTable: [UInt8]) {
        (self.styles, self.theme, self.fontTable) = (styles, theme, fontTable)
    }

    /// The officer's reference of `templates` (`docx/reference.docx`), or `nil` when the set has
    /// the built-in one (which holds exactly `builtInParts`).
    public static func of(_ templates: TemplateSet) throws -> WordReference? {
        guard let file = templates.file("docx/reference.docx"), file.url != nil else { return nil }
        guard let data = file.data() else { throw RenderError.missingFile(file.label) }
        return try WordReference(docx: data, label: file.label)
    }

    /// Reads a reference .docx named `label` in messages: its styles (which must define every
    /// style cchc uses), and its theme and font table when it has them (the built-in ones when not).
    package init(docx data: Data, label: String) throws {
        func refused(_ why: String) -> RenderError {
            .write(
                path: label,
                reason:
                    "\(why); expected the reference `cchc templates` writes, restyled in Word or LibreOffice (change the styles, do not rename or delete them)"
            )
        }
        guard let archive = try? Archive(data: data, accessMode: .read) else { throw refused("is not a Word document (.docx)") }
        func part(_ path: String) throws -> [UInt8]? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= 16 << 20 else { throw refused("its \(path) is larger than 16 MB") }
            var bytes: [UInt8] = []
            do { _ = try archive.extract(entry) { bytes += $0 } } catch { throw refused("its \(path) cannot be read") }
            return bytes
        }
        guard let styles = try part("word/styles.xml") else { throw refused("has no styles (word/styles.xml)") }
        let text = String(decoding: styles, as: UTF8.self)
        let missing = Self.requiredStyles.filter { !text.contains("w:styleId=\"\($0.id)\"") }
        guard missing.isEmpty else {
            throw refused("lacks the styles \(missing.map { "\($0.name) (\($0.id))" }.joined(separator: ", "))")
        }
        self.init(
            styles: styles, theme: try part("word/theme/theme1.xml") ?? Self.builtInParts.theme,
            fontTable: try part("word/fontTable.xml") ?? Self.builtInParts.fontTable)
    }

    /// The built-in reference as a .docx: the built-in parts, and a body showing each style by
    /// its name (`Templates/docx/reference.docx` is this file; a test holds them equal).
    package static func document() throws -> [UInt8] {
        var body = "\(WordParts.documentStart)"
        body += "<w:p><w:r><w:t>Normal: đoạn văn bản thường, căn đều hai lề.</w:t></w:r></w:p>"
        for style in WordStyle.allCases {
            body += "<w:p><w:pPr><w:pStyle w:val=\"\(style.id)\"/></w:pPr><w:r><w:t>\(style.name)</w:t></w:r></w:p>"
        }
        body += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        body +=
            "<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
        body += "</w:sectPr></w:body></w:document>"
        var zip = ZipWriter()
        for (path, bytes) in DocxWriter.fixedParts(builtInParts) {
            let content: [UInt8]
            switch path {
            case "word/document.xml": content = Array(body.utf8)
            case "docProps/core.xml":
                content = Array(WordParts.core(title: "Mẫu định dạng", creator: "cchc", subject: "Mẫu định dạng").utf8)
            default: content = bytes ?? []
            }
            try zip.add(path, ZipWriter.Entry(content, method: .deflated(level: -1)))
        }
        return zip.finish()
    }
}
