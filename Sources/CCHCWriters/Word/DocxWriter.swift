import CCHCCore
import CCHCDocuments
import CCHCTemplate
import Foundation

/// Writes an `OfficialDocument` as a Word document (.docx): the body from `WordBody`, the styles,
/// theme and fonts from the template set's reference (`WordReference`), the other fixed parts
/// from `WordParts`, zipped by `ZipWriter` with every entry dated 1980-01-01 so the same document
/// gives the same bytes. The text is NFC, as in every other format.
public struct DocxWriter: Sendable {
    /// How the body and the styles are deflated: zlib's fastest level. A national set writes
    /// a few hundred megabytes of WordprocessingML; level 1 deflates it at twice the speed of
    /// the default level, for files about a fifth larger (Benchmarks/README.md).
    package static let deflate = ZipWriter.Method.deflated(level: 1)

    /// The parts every document shares, compressed once; `nil` where each writes its own.
    private let shared: [(String, ZipWriter.Entry?)]
    /// The same parts uncompressed (the reference test zips them both ways).
    private let fixed: [(String, [UInt8]?)]

    /// The writer of the built-in house style (NĐ 30/2020).
    public static let builtIn: DocxWriter = {
        do { return try DocxWriter(.builtInParts) } catch { fatalError("the built-in Word parts do not zip: \(error)") }
    }()

    /// A writer whose documents take the styles, theme and fonts of `reference`.
    public init(_ reference: WordReference) throws {
        fixed = Self.fixedParts(reference)
        do {
            shared = try fixed.map { (path, bytes) throws(ZipError) in
                (path, try bytes.map { (b) throws(ZipError) in try ZipWriter.Entry(b, method: Self.method(path, Self.deflate)) })
            }
        } catch {
            throw RenderError.write(path: "docx/reference.docx", reason: error.description)
        }
    }

    /// The writer of the house style of `templates`: the built-in one unless the set has an
    /// officer's `docx/reference.docx`.
    public static func of(_ templates: TemplateSet) throws -> DocxWriter {
        try WordReference.of(templates).map(DocxWriter.init) ?? builtIn
    }

    /// `d` written with the built-in house style.
    public static func write(_ d: OfficialDocument) throws -> [UInt8] { try builtIn.write(d) }

    /// `d` as a .docx.
    public func write(_ d: OfficialDocument) throws -> [UInt8] {
        var zip = ZipWriter()
        do {
            for (path, entry) in shared {
                if let entry {
                    try zip.add(path, entry)
                } else {
                    let own = Self.own(path, d)
                    try zip.add(path, ZipWriter.Entry(own.bytes, method: own.method))
                }
            }
        } catch {
            throw RenderError.write(path: "\(d.path).docx", reason: error.description)
        }
        return zip.finish()
    }

    /// The package's parts in order, each with its bytes and how it is stored (the reference
    /// test zips them both ways).
    package static func parts(_ d: OfficialDocument, deflate: ZipWriter.Method = deflate) -> [(String, ZipWriter.Method, [UInt8])]
    {
        builtIn.fixed.map { path, shared in
            if let shared { return (path, method(path, deflate), shared) }
            let own = own(path, d, deflate: deflate)
            return (path, own.method, own.bytes)
        }
    }

    /// Only the body and the styles are worth deflating, the other parts being a few hundred
    /// bytes each.
    private static func method(_ path: String, _ deflate: ZipWriter.Method) -> ZipWriter.Method {
        path == "word/document.xml" || path == "word/styles.xml" ? deflate : .stored
    }

    /// A part each document writes: its body or its core properties.
    private static func own(_ path: String, _ d: OfficialDocument, deflate: ZipWriter.Method = deflate) -> (
        bytes: [UInt8], method: ZipWriter.Method
    ) {
        if path == "word/document.xml" { return (TextDecoder.nfc(WordBody.xml(d)), method(path, deflate)) }
        let core = WordParts.core(
            title: "\(d.type.typeTitle): \(d.header.subject)", creator: d.header.organName, subject: d.header.subject)
        return (TextDecoder.nfc(Array(core.utf8)), method(path, deflate))
    }

    /// Every part in the package's order, with its bytes when every document shares them (the
    /// styles, theme and fonts those of `reference`) and `nil` for the two each document writes.
    package static func fixedParts(_ reference: WordReference) -> [(String, [UInt8]?)] {
        [
            ("[Content_Types].xml", Array(WordParts.contentTypes.utf8)),
            ("_rels/.rels", Array(WordParts.packageRelationships.utf8)),
            ("docProps/core.xml", nil), ("docProps/app.xml", Array(WordParts.app.utf8)), ("word/document.xml", nil),
            ("word/_rels/document.xml.rels", Array(WordParts.documentRelationships.utf8)),
            ("word/styles.xml", reference.styles),
            ("word/settings.xml", Array(WordParts.settings.utf8)), ("word/fontTable.xml", reference.fontTable),
            ("word/theme/theme1.xml", reference.theme), ("word/header1.xml", Array(WordParts.pageNumberHeaderPart.utf8)),
            ("word/header2.xml", Array(WordParts.emptyHeaderPart.utf8)),
        ]
    }
}

extension DocxWriter: DocumentWriter {
    public var format: OutputFormat { .docx }

    public func write(_ document: OfficialDocument, earlier: [OutputFormat: [UInt8]]) throws -> [UInt8] {
        try write(document)
    }
}
