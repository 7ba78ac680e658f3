/// "Did you mean …?": the one known name closest to a name that is not known, when it is close
/// enough to be a typo (a letter or two, a dot, a case or a space, Vietnamese marks included).
package enum Suggestion {
    /// The closest of `known` to `text`, or `nil` when none is close or two are equally close.
    package static func closest(_ text: String, among known: some Sequence<String>) -> String? {
        let folded = fold(text)
        var best: (name: String, distance: Int)?
        var tied = false
        for name in known where name != text {
            let other = fold(name)
            // Case, spaces and punctuation aside, the same: as close as it gets.
            let d = other.filter(\.isLetterOrNumber) == folded.filter(\.isLetterOrNumber) ? 0 : distance(folded, other)
            if let b = best, d > b.distance { continue }
            if let b = best, d == b.distance { tied = b.name != name } else { (best, tied) = ((name, d), false) }
        }
        guard let best, !tied else { return nil }
        let allowed = max(1, min(folded.count, fold(best.name).count) / 4)
        return best.distance <= allowed ? best.name : nil
    }

    private static func fold(_ s: String) -> [Character] { Array(s.lowercased()) }

    /// Edit distance on characters: insertions, deletions, substitutions and swaps of two
    /// neighbours (`shrot` → `short` is 1), each counting 1.
    package static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return a.count + b.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}

extension Character {
    fileprivate var isLetterOrNumber: Bool { isLetter || isNumber }
}
