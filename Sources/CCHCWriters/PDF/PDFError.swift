import Foundation

/// Why a PDF could not be printed.
public enum PDFError: Error, LocalizedError, Sendable, Equatable {
    /// No Chromium or Chrome on this machine (PATH, `$CCHC_CHROMIUM`).
    case noBrowser
    /// The browser did not start.
    case cannotStart(String, String)
    /// The folder of `--fonts` (or `$CCHC_FONTS`) is not a folder.
    case noFonts(String)
    /// The browser answered a call with an error, or stopped answering.
    case browser(String, String)
    /// A document did not print within the time a document may take (its path, the seconds).
    case timedOut(String, Int)

    public var errorDescription: String? {
        switch self {
        case .noBrowser:
            return "--formats pdf: no browser to print PDF with was found; \(PDFPrinter.installHint)"
        case .cannotStart(let program, let reason):
            return
                "--formats pdf: \(program) did not start (\(reason)); expected a Chromium or Chrome program; \(PDFPrinter.installHint)"
        case .noFonts(let path):
            return
                "--fonts (or CCHC_FONTS): \(path) is not a folder; expected a folder of .ttf or .otf fonts, e.g. --fonts /usr/share/fonts/truetype/msttcorefonts"
        case .browser(let call, let reason):
            return "pdf: the browser failed at \(call): \(reason); nothing was written"
        case .timedOut(let document, let seconds):
            return
                "\(document): not printed within \(seconds) s, the time one document may take (a very long word or line, a template that makes the page huge?); expected a document the browser lays out in that time; nothing was written"
        }
    }
}
