import CCHCTemplate
import Foundation

extension OutputFormat {
    /// What a plain `cchc render` writes: the standard formats, and PDF when a browser is found.
    public static func defaults(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [OutputFormat] {
        standard + (PDFPrinter.locate(environment) == nil ? [] : [.pdf])
    }
}
