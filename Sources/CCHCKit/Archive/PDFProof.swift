import CCHCCore
import CCHCWriters
import Foundation

/// How `verify --rerender` proves an archived PDF that a fresh print does not give byte for
/// byte. A PDF's bytes are the browser's: the same HTML printed by another Chromium build is
/// another file. Such a PDF is proved by what it is the print of — the HTML rendered again gives
/// the very bytes the record says it printed — and by what it shows: the same number of pages,
/// each with the same text (`PDFText`, read the same way from both). Printed by the same browser,
/// only byte equality proves it.
enum PDFProof {
    enum Verdict: Equatable {
        /// Proved; the note says by which browsers and how.
        case proved(String)
        /// Not proved: why.
        case failed(String)
    }

    /// - Parameters:
    ///   - archivedSource: the SHA-256 of the HTML the archived PDF is the print of (its
    ///     manifest's `printOf`, or for a record made before it, the archived .html of the same
    ///     document); `nil` when the record does not say.
    ///   - freshSource: the SHA-256 of the HTML printed now.
    static func check(archived: [UInt8], fresh: [UInt8], archivedSource: String?, freshSource: String?) -> Verdict {
        let (old, new) = (PDFText(archived), PDFText(fresh))
        let then = old.printer() ?? "an unnamed browser"
        let now = new.printer() ?? "an unnamed browser"
        guard then != now else {
            return .failed(
                "does not follow from the archived dataset and templates: printed again by the same browser (\(now)), its bytes differ"
            )
        }
        let printers = "printed by \(then), now by \(now)"
        guard let archivedSource else {
            return .failed("\(printers); the record does not say which HTML it is the print of, so it cannot be proved")
        }
        guard archivedSource == freshSource else {
            return .failed("\(printers); the HTML it is the print of differs from the HTML rendered again from the archive")
        }
        guard let a = old.pages(), let b = new.pages() else {
            return .failed("\(printers); its text cannot be read to compare it with a fresh print")
        }
        guard a.count == b.count else {
            return .failed("\(printers); it has \(a.count) page\(a.count == 1 ? "" : "s"), a fresh print \(b.count)")
        }
        if let page = a.indices.first(where: { a[$0] != b[$0] }) {
            return .failed("\(printers); the text of page \(page + 1) differs from a fresh print's")
        }
        return .proved(
            "\(printers): proved by the HTML it is the print of (rendered again, the same) and its \(a.count) page\(a.count == 1 ? "" : "s") of text (the same)"
        )
    }
}
