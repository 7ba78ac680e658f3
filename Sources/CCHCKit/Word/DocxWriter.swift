import Foundation
import ZIPFoundation

/// Writes an `OfficialDocument` as a Word document (.docx): the body from `WordBody`, the fixed
/// parts from `WordParts`, zipped with every entry dated 1980-01-01 so the same document gives
/// the same bytes. The text is NFC, as in every other format.
public enum DocxWriter {
    public static func write(_ d: OfficialDocument) throws -> [UInt8] {
        let core = WordParts.core(
            title: "\(d.type.typeTitle): \(d.header.subject)", creator: d.header.organName, subject: d.header.subject)
        let own = ["docProps/core.xml": Data(nfc(core).utf8), "word/document.xml": Data(nfc(WordBody.xml(d)).utf8)]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, fixedBytes) in fixed {
            let bytes = fixedBytes ?? own[path]!
            // The shared parts are a few kB and stored as they are: only the body and the styles
            // are worth deflating.
            let deflated = path == "word/document.xml" || path == "word/styles.xml"
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: WorkbookWriter.entryDate,
                permissions: 0o644, compressionMethod: deflated ? .deflate : .none
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else {
            throw RenderError.write(path: "\(d.path).docx", reason: "the zip could not be made")
        }
        return [UInt8](data)
    }

    /// Every part in the package's order, with its bytes when every document shares them (made
    /// once) and `nil` for the two each document writes.
    private static let fixed: [(String, Data?)] = [
        ("[Content_Types].xml", Data(WordParts.contentTypes.utf8)), ("_rels/.rels", Data(WordParts.packageRelationships.utf8)),
        ("docProps/core.xml", nil), ("docProps/app.xml", Data(WordParts.app.utf8)), ("word/document.xml", nil),
        ("word/_rels/document.xml.rels", Data(WordParts.documentRelationships.utf8)),
        ("word/styles.xml", Data(WordParts.styles.utf8)),
        ("word/settings.xml", Data(WordParts.settings.utf8)), ("word/fontTable.xml", Data(WordParts.fontTable.utf8)),
        ("word/theme/theme1.xml", Data(WordParts.theme.utf8)), ("word/header1.xml", Data(WordParts.pageNumberHeaderPart.utf8)),
        ("word/header2.xml", Data(WordParts.emptyHeaderPart.utf8)),
    ]

    private static func nfc(_ text: String) -> String {
        var copy = text
        let isNFC = copy.withUTF8 { TextDecoder.isNFCByQuickCheck(ArraySlice($0)) }
        return isNFC ? text : text.precomposedStringWithCanonicalMapping
    }
}
