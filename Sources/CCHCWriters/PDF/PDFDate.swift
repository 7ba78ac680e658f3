import CCHCCore
import Foundation

/// The date a PDF says it was made and last changed: `SOURCE_DATE_EPOCH` when the environment
/// sets it (reproducible builds' convention), else the document's own date at midnight UTC. The
/// printed time is never the clock's, so the same document gives the same bytes.
public struct PDFDate: Sendable, Equatable {
    /// As a PDF writes it: `D:20230322000000+00'00'`.
    public let text: String

    public init(_ date: PlanDate?, year: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init), epoch >= 0 {
            var seconds = time_t(epoch)
            var parts = tm()
            gmtime_r(&seconds, &parts)
            text = String(
                format: "D:%04d%02d%02d%02d%02d%02d+00'00'", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
        } else {
            text = String(format: "D:%04d%02d%02d000000+00'00'", date?.year ?? year, date?.month ?? 1, date?.day ?? 1)
        }
    }

    /// `pdf` with every `/CreationDate (…)` and `/ModDate (…)` of the same length as `text`
    /// replaced by it, in place: no offset in the file moves. Chromium writes them in this form
    /// (UTC, as `PDFPrinter` starts it).
    public func stamp(_ pdf: [UInt8]) -> [UInt8] {
        var out = pdf
        let value = Array(text.utf8)
        for key in ["/CreationDate (", "/ModDate ("].map({ Array($0.utf8) }) {
            var from = 0
            while let found = out[from...].firstRange(of: key) {
                let start = found.upperBound
                let end = start + value.count
                if end < out.count, out[end] == UInt8(ascii: ")") { out.replaceSubrange(start..<end, with: value) }
                from = start
            }
        }
        return out
    }
}
