import CCHCCore
import Foundation

/// The fast path of `SheetReader`: reads a sheet part's bytes directly, in the one form that
/// Excel, LibreOffice Calc and openpyxl write (`<row>`, `<c>`, `<v>`, `<f>`, `<is><t>`, the five
/// entities and character references). On anything else (a namespace prefix, a comment, CDATA,
/// rich text in an inline string) it gives up and returns `nil`, and libxml2's reader, the
/// reference, reads the part. `WorkbookScannerTests` compares the two on every workbook the
/// tests have.
package enum SheetScanner {
    /// The rows of the part; `nil` when it is not in the form this reads.
    package static func rows(_ part: Data) -> SheetReader.RawRows? {
        guard let pieces = pieces(part, count: 1) else { return nil }
        return rows(part, pieces[0])
    }

    /// The byte ranges of `<sheetData>`'s content, cut in up to `count` pieces at row starts that
    /// carry their number (`<row r="`), so each piece can be read on its own core; `nil` when
    /// the part is not in the form this reads. An empty `<sheetData/>` is one empty piece.
    package static func pieces(_ part: Data, count: Int) -> [Range<Int>]? {
        part.withUnsafeBytes { raw -> [Range<Int>]? in
            var scanner = ByteScanner(raw.bindMemory(to: UInt8.self))
            guard scanner.find("<sheetData"), scanner.isNameEnd(scanner.i), let empty = scanner.skipAttributes() else {
                return nil
            }
            let start = scanner.i
            if empty { return [start..<start] }
            guard let end = scanner.last("</sheetData>"), end >= start else { return nil }
            var cuts = [start]
            for k in 1..<max(count, 1) {
                scanner.i = max(cuts.last!, start + (end - start) * k / count)
                guard scanner.find("<row r=\""), scanner.i - 8 < end else { break }
                cuts.append(scanner.i - 8)
            }
            return zip(cuts, cuts.dropFirst() + [end]).map { $0..<$1 }
        }
    }

    /// The rows in one piece of `<sheetData>`; `nil` when it is not in the form this reads.
    package static func rows(_ part: Data, _ piece: Range<Int>) -> SheetReader.RawRows? {
        part.withUnsafeBytes { raw in
            var scanner = ByteScanner(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[..<piece.upperBound]))
            scanner.i = piece.lowerBound
            return scanner.rows()
        }
    }
}
