import CCHCTemplate
import Foundation

/// What a document is: the archive metadata names.
public struct DocumentMetadata: Codable, Sendable, Equatable {
    public var kind: String
    public var typeName: String
    public var format: String
    public var unit: String?
    public var codeNumber: String
    public var codeNotation: String
    public var issuedDate: String
    public var organName: String
    public var subject: String
    public var signer: String
    public var language: String
    public var year: Int
}

extension DocumentMetadata {
    /// The metadata of one file of `document`: the document as `format` writes it.
    package init(_ document: OfficialDocument, format: OutputFormat) {
        let h = document.header
        self.init(
            kind: document.kind.rawValue, typeName: document.type.typeTitle, format: format.rawValue,
            unit: document.unit, codeNumber: h.number.map(String.init) ?? "", codeNotation: h.symbol,
            issuedDate: h.date?.iso ?? "", organName: h.organName, subject: h.subject, signer: document.signer.name,
            language: "vi", year: document.year)
    }
}
