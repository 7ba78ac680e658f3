/// The pages of a printed PDF, read from its page tree: the root `/Pages` object's `/Count`, the
/// largest count in the file (a nested page tree counts a part of them). Chromium writes its page
/// tree uncompressed.
package enum PDFPages {
    package static func count(_ pdf: [UInt8]) -> Int? {
        let key = Array("/Count ".utf8)
        var best: Int?
        var i = 0
        while i + key.count < pdf.count {
            if pdf[i] == key[0] && pdf[i..<(i + key.count)].elementsEqual(key) {
                var j = i + key.count
                var n = 0
                var digits = 0
                while j < pdf.count, pdf[j] >= 0x30, pdf[j] <= 0x39, digits < 9 {
                    n = n * 10 + Int(pdf[j] - 0x30)
                    j += 1
                    digits += 1
                }
                if digits > 0 { best = max(best ?? 0, n) }
                i = j
            } else {
                i += 1
            }
        }
        return best
    }
}
