import CCHCCore
import Foundation

/// Điểm điều tra từ phiếu: a survey leaf's points for a unit from the answered forms. For each
/// question, pct = Σ credits ÷ valid answers, pooled over the unit's respondents, or the mean
/// (or weighted mean) of its groups' pct; a leaf's pct is the mean of its questions'; its points
/// = max × pct ÷ 100, rounded half-up to the plan's precision. Computed on exact fractions; where
/// one would overflow 128 bits (thousands of answers spread over many questions), on 38-digit
/// decimals.
package enum SurveyTally {
    /// One line of survey-results.csv: a unit's criterion, by one group (or `*`, the unit as the
    /// points use it): valid answers and the percentage.
    package struct Row: Sendable {
        package var unit: String
        package var code: CriterionCode
        package var group: String
        package var answers: Int
        package var percent: Decimal
    }

    package struct Outcome: Sendable {
        /// The points of each unit's survey leaves that have answers.
        package var points: [String: [CriterionCode: Points]] = [:]
        package var rows: [Row] = []
        /// Forms returned per unit and group.
        package var respondents: [String: [String: Int]] = [:]
    }

    /// The answers of one question by one unit's respondents: per group, the credits' sum and count.
    package typealias Answers = [String: (sum: Points, count: Int)]

    package static func tally(
        _ questions: [SurveyQuestion], _ responses: [SurveyResponse], pooling: SurveyPooling,
        max: (String, CriterionCode) -> Points?, precision: Int
    ) -> Outcome {
        var outcome = Outcome()
        // Summed in one flat table keyed by numbers (units, questions and groups numbered once:
        // hashing a Vietnamese name normalises it, and a nested table copies its inner tables),
        // then arranged: unit → question id → group → (sum, count).
        struct Key: Hashable {
            var unit: Int
            var question: Int
            var group: Int
        }
        var numbers: [String: Int] = [:]
        var names: [String] = []
        func number(_ name: String) -> Int {
            if let n = numbers[name] { return n }
            names.append(name)
            numbers[name] = names.count - 1
            return names.count - 1
        }
        let questionNumbers = Dictionary(questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var sums: [Key: (sum: Points, count: Int)] = [:]
        var forms: [Key: Int] = [:]
        for r in responses {
            let (unit, group) = (number(r.unit), number(r.group))
            forms[Key(unit: unit, question: -1, group: group), default: 0] += 1
            for (id, answer) in r.answers {
                guard let q = questionNumbers[id], let credit = questions[q].credits[answer] else { continue }
                let key = Key(unit: unit, question: q, group: group)
                let before = sums[key] ?? (0, 0)
                sums[key] = (before.sum + credit, before.count + 1)
            }
        }
        for (key, n) in forms { outcome.respondents[names[key.unit], default: [:]][names[key.group]] = n }
        var answers: [String: [String: Answers]] = [:]
        for (key, value) in sums {
            answers[names[key.unit], default: [:]][questions[key.question].id, default: [:]][names[key.group]] = value
        }
        let byCode = Dictionary(grouping: questions, by: \.code)
        for unit in answers.keys.sorted() {
            for code in byCode.keys.sorted() {
                let perQuestion = byCode[code]!.compactMap { answers[unit]?[$0.id] }.filter { !$0.isEmpty }
                guard !perQuestion.isEmpty, let max = max(unit, code) else { continue }
                let (points, rows) =
                    leaf(Fraction.self, perQuestion, pooling, max: max, precision: precision)
                    ?? leaf(DecimalNumber.self, perQuestion, pooling, max: max, precision: precision)!
                outcome.points[unit, default: [:]][code] = points
                outcome.rows += rows.map {
                    Row(unit: unit, code: code, group: $0.group, answers: $0.answers, percent: $0.percent)
                }
            }
        }
        return outcome
    }

    /// A leaf's points and its rows (each group, then `*`); `nil` when a number overflowed.
    private static func leaf<N: SurveyNumber>(
        _: N.Type, _ perQuestion: [Answers], _ pooling: SurveyPooling, max: Points, precision: Int
    ) -> (Points, [(group: String, answers: Int, percent: Decimal)])? {
        var total = N.zero
        for question in perQuestion {
            guard let p = percent(N.self, question, pooling), let sum = total + p else { return nil }
            total = sum
        }
        guard let pct = total.divided(by: perQuestion.count), let m = N(max), let product = m * pct,
            let points = product.divided(by: 100)?.roundedHalfUp(precision)
        else { return nil }
        var rows: [(String, Int, Decimal)] = []
        for group in VietnameseCollation.sorted(Array(Set(perQuestion.flatMap(\.keys)))) {
            let answered = perQuestion.compactMap { $0[group] }
            var sum = N.zero
            for a in answered {
                guard let p = N(a.sum)?.divided(by: a.count), let s = sum + p else { return nil }
                sum = s
            }
            guard let mean = sum.divided(by: answered.count) else { return nil }
            rows.append((group, answered.reduce(0) { $0 + $1.count }, mean.decimal))
        }
        rows.append(("*", perQuestion.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } }, pct.decimal))
        return (points, rows)
    }

    /// One question's pct for one unit, by `pooling`; `nil` when a number overflowed.
    private static func percent<N: SurveyNumber>(_: N.Type, _ answers: Answers, _ pooling: SurveyPooling) -> N? {
        let groups = answers.keys.sorted().map { answers[$0]! }.filter { $0.count > 0 }
        switch pooling {
        case .pooled:
            let sum = groups.reduce(Points(0)) { $0 + $1.sum }
            return N(sum)?.divided(by: groups.reduce(0) { $0 + $1.count })
        case .meanOfGroups:
            var total = N.zero
            for g in groups {
                guard let p = N(g.sum)?.divided(by: g.count), let s = total + p else { return nil }
                total = s
            }
            return total.divided(by: groups.count)
        case .weighted(let weights):
            var (total, weight) = (N.zero, N.zero)
            for name in answers.keys.sorted() where answers[name]!.count > 0 {
                let g = answers[name]!
                guard let w = N(weights[name] ?? 0), let p = N(g.sum)?.divided(by: g.count), let wp = w * p,
                    let t = total + wp, let ws = weight + w
                else { return nil }
                (total, weight) = (t, ws)
            }
            // The weights of the groups that answered, made to sum to 1 again.
            return weight.reciprocal.flatMap { total * $0 }
        }
    }
}

/// What the tally computes on: exact fractions, or 38-digit decimals where a fraction overflows.
package protocol SurveyNumber {
    static var zero: Self { get }
    init?(_ points: Points)
    static func + (a: Self, b: Self) -> Self?
    static func * (a: Self, b: Self) -> Self?
    func divided(by count: Int) -> Self?
    var reciprocal: Self? { get }
    func roundedHalfUp(_ scale: Int) -> Points?
    var decimal: Decimal { get }
}

extension Fraction: SurveyNumber {
    package var reciprocal: Fraction? { Fraction(denominator, numerator) }
}

/// Foundation's decimal as a `SurveyNumber` (38 significant digits).
package struct DecimalNumber: SurveyNumber {
    package let decimal: Decimal
    package static let zero = DecimalNumber(decimal: 0)
    init(decimal: Decimal) { self.decimal = decimal }
    package init?(_ points: Points) { decimal = points.decimal }
    package static func + (a: Self, b: Self) -> Self? { Self(decimal: a.decimal + b.decimal) }
    package static func * (a: Self, b: Self) -> Self? { Self(decimal: a.decimal * b.decimal) }
    package func divided(by count: Int) -> Self? { count == 0 ? nil : Self(decimal: decimal / Decimal(count)) }
    package var reciprocal: Self? { decimal == 0 ? nil : Self(decimal: 1 / decimal) }
    package func roundedHalfUp(_ scale: Int) -> Points? { Points(decimal).roundedHalfUp(scale) }
}

extension SurveyTally.Outcome {
    /// survey-results.csv: `unit,code,group,n,percent`, each group's row and the unit's (`*`,
    /// the percentage its points are made from), so that an auditor can redo them in Excel. The
    /// percentage is rounded half-up to 6 decimals, with a decimal point.
    package func csv() -> String {
        var out = "unit,code,group,n,percent\n"
        for row in rows {
            let percent = Points(row.percent).roundedHalfUp(6).description
            out +=
                [row.unit, row.code.description, row.group, String(row.answers), percent].map(Self.field).joined(separator: ",")
                + "\n"
        }
        return out
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
