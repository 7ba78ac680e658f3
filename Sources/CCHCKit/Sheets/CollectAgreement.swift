import CCHCCore
import CCHCInput

/// Two returned workbooks of one unit or agency (the same round) must say the same thing: an
/// officer who sent a corrected file and forgot to remove the first one would otherwise have
/// whichever came last. Where they disagree, both are refused, the cell named in each.
enum CollectAgreement {
    static func agreeing(
        _ checked: [(book: ReturnedWorkbook, values: [ReturnedValue])], diagnostics: inout DiagnosticEngine
    ) -> [(book: ReturnedWorkbook, values: [ReturnedValue])] {
        var first: [String: (book: ReturnedWorkbook, values: [String: ReturnedValue])] = [:]
        var refused = Set<String>()
        for (book, values) in checked {
            let sender = key(book.stamp)
            let byCell = Dictionary(values.map { ("\($0.unit)\t\($0.code)\t\($0.column)", $0) }, uniquingKeysWith: { a, _ in a })
            guard let earlier = first[sender] else {
                first[sender] = (book, byCell)
                continue
            }
            let keys = Set(byCell.keys).union(earlier.values.keys).sorted()
            for cell in keys where !same(byCell[cell], earlier.values[cell]) {
                let here = byCell[cell]
                let there = earlier.values[cell]
                let value = (here ?? there)!
                diagnostics.error(
                    book.source, line: here?.line, column: here?.cell,
                    "unit \(value.unit), code \(value.code), column \(value.column): '\(here?.text ?? "")' here but '\(there?.text ?? "")' in \(earlier.book.file), another workbook of \(book.sender); expected one answer: remove the workbook that is out of date"
                )
                refused.insert(sender)
                break
            }
        }
        return checked.filter { !refused.contains(key($0.book.stamp)) }
    }

    private static func key(_ stamp: ScoringStamp) -> String {
        "\(stamp.form.audience.rawValue)\t\(stamp.form.round.rawValue)\t\(stamp.id)"
    }

    private static func same(_ a: ReturnedValue?, _ b: ReturnedValue?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        if let p = a.points, let q = b.points { return p == q }
        return a.text == b.text
    }
}
