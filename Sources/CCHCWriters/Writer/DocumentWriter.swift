import CCHCDocuments
import CCHCTemplate

/// A writer of one format (Pandoc's `Writers/`): the bytes of one file from an `OfficialDocument`.
/// Every format a document is written in has exactly one writer; adding a format means adding a
/// writer and naming it in `DocumentWriters.make`.
public protocol DocumentWriter: Sendable {
    /// The format this writer writes.
    var format: OutputFormat { get }

    /// The file of `document` in this format. `earlier` holds what the writers before this one
    /// wrote of the same document (the PDF writer prints the HTML written before it, if any).
    func write(_ document: OfficialDocument, earlier: [OutputFormat: [UInt8]]) throws -> [UInt8]
}
