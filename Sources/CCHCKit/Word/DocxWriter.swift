import Foundation
import ZIPFoundation

/// Writes an `OfficialDocument` as a Word document (.docx): the body from `WordBody`, the fixed
/// parts from `WordParts`, zipped with every entry dated 1980-01-01 so the same document gives
/// the same bytes. The text is NFC, as in every other format.
public enum DocxWriter {
    public static func write(_ d: OfficialDocument) throws -> [UInt8] {
        let core = WordParts.core(
            title: "\(d.type.typeTitle): \(d.header.subject)", creator: d.header.organName, subject: d.header.subject)
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes, compressed) in fixedBefore + [("docProps/core.xml", Data(nfc(core).utf8), false)] + fixedMiddle
            + [("word/document.xml", Data(nfc(WordBody.xml(d)).utf8), true)] + fixedAfter
        {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: WorkbookWriter.entryDate,
                permissions: 0o644, compressionMethod: compressed ? .deflate : .none
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else {
            throw RenderError.write(path: "\(d.path).docx", reason: "the zip could not be made")
        }
        return [UInt8](data)
    }

    /// The parts every document shares, made once, stored without compression (a few kB): only
    /// the body is worth the deflating.
    private static let fixedBefore = [
        ("[Content_Types].xml", Data(WordParts.contentTypes.utf8), false),
        ("_rels/.rels", Data(WordParts.packageRelationships.utf8), false),
    ]
    private static let fixedMiddle = [("docProps/app.xml", Data(WordParts.app.utf8), false)]
    private static let fixedAfter = [
        ("word/_rels/document.xml.rels", Data(WordParts.documentRelationships.utf8), false),
        ("word/styles.xml", Data(WordParts.styles.utf8), true), ("word/settings.xml", Data(WordParts.settings.utf8), false),
        ("word/fontTable.xml", Data(WordParts.fontTable.utf8), false),
        ("word/theme/theme1.xml", Data(WordParts.theme.utf8), false),
        ("word/header1.xml", Data(WordParts.pageNumberHeaderPart.utf8), false),
        ("word/header2.xml", Data(WordParts.emptyHeaderPart.utf8), false),
    ]

    private static func nfc(_ text: String) -> String {
        var copy = text
        let isNFC = copy.withUTF8 { TextDecoder.isNFCByQuickCheck(ArraySlice($0)) }
        return isNFC ? text : text.precomposedStringWithCanonicalMapping
    }
}
