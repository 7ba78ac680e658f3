/// A row of a `,`-separated file with more fields than its header because a number was written
/// with an unquoted decimal comma (`1,5` read as `1` and `5`), put back together when that is
/// the only reading: exactly as many pairs of whole numbers side by side as there are fields too
/// many, none overlapping another.
package enum DecimalCommaRepair {
    /// The fields with each such pair joined (`1,5`), and where each joined number stands.
    package static func mend(_ fields: [String], to count: Int) -> (fields: [String], numbers: [(column: Int, text: String)])? {
        let extra = fields.count - count
        guard extra > 0 else { return nil }
        let isWhole = { (s: String) in !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        let pairs = fields.indices.dropLast().filter { isWhole(fields[$0]) && isWhole(fields[$0 + 1]) }
        // Overlapping pairs (1,2,5) can be read two ways: no guess.
        guard pairs.count == extra, zip(pairs, pairs.dropFirst()).allSatisfy({ $1 - $0 >= 2 }) else { return nil }
        var mended: [String] = []
        var numbers: [(column: Int, text: String)] = []
        var i = 0
        while i < fields.count {
            if pairs.contains(i) {
                numbers.append((mended.count, fields[i] + "," + fields[i + 1]))
                mended.append(fields[i] + "," + fields[i + 1])
                i += 2
            } else {
                mended.append(fields[i])
                i += 1
            }
        }
        return (mended, numbers)
    }
}
