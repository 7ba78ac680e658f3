import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput

/// `SurveyTally` (exact fractions) against a plain reference over Foundation's `Decimal`, written
/// from the rule as the README states it, on generated forms, for every pooling.
@Suite struct SurveyTallyReferenceTests {
    static let questions = [
        SurveyQuestion(
            id: "q1", form: "A", code: CriterionCode("2.1")!, text: "",
            credits: [("A", 100), ("B", 60), ("C", 20), ("D", 0)].map { ($0.0, Points($0.1)) }, line: 2),
        SurveyQuestion(
            id: "q2", form: "A", code: CriterionCode("2.1")!, text: "",
            credits: [("5", "100"), ("4", "87.5"), ("3", "33.3"), ("2", "0"), ("1", "0")].map { ($0.0, Points($0.1)!) }, line: 3),
        SurveyQuestion(
            id: "q3", form: "B", code: CriterionCode("2.2")!, text: "",
            credits: [("A", 100), ("B", 50), ("C", 0)].map { ($0.0, Points($0.1)) }, line: 4),
    ]
    static let groups = ["đại biểu HĐND", "lãnh đạo phòng", "người dân"]
    static let maxes: [CriterionCode: Points] = [CriterionCode("2.1")!: Points("2.5")!, CriterionCode("2.2")!: Points(3)]

    /// Forms for 25 units, 1–60 each, in random groups, some answers blank.
    static func responses(seed: UInt64) -> [SurveyResponse] {
        var random = SplitMix(seed: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        var out: [SurveyResponse] = []
        for u in 0..<25 {
            for _ in 0..<(1 + pick(60)) {
                let form = pick(3) == 0 ? "B" : "A"
                var answers: [String: String] = [:]
                for q in questions where q.form == form && pick(6) != 0 { answers[q.id] = q.answers[pick(q.answers.count)] }
                out.append(
                    SurveyResponse(
                        respondent: "r\(out.count)", form: form, group: groups[pick(groups.count)], unit: "u\(u)",
                        answers: answers, line: out.count + 2))
            }
        }
        return out
    }

    /// The rule, plainly: per unit and leaf, each question's pct, their mean, max × pct ÷ 100.
    static func reference(
        _ responses: [SurveyResponse], _ pooling: SurveyPooling, questions: [SurveyQuestion] = questions,
        maxes: [CriterionCode: Points] = maxes
    ) -> [String: [CriterionCode: Decimal]] {
        var out: [String: [CriterionCode: Decimal]] = [:]
        for unit in Set(responses.map(\.unit)) {
            for code in Set(questions.map(\.code)) {
                var pcts: [Decimal] = []
                for q in questions where q.code == code {
                    var sums: [String: Decimal] = [:]
                    var counts: [String: Int] = [:]
                    for r in responses where r.unit == unit {
                        guard let answer = r.answers[q.id], let credit = q.credits[answer] else { continue }
                        sums[r.group, default: 0] += credit.decimal
                        counts[r.group, default: 0] += 1
                    }
                    guard !counts.isEmpty else { continue }
                    let byGroup = counts.keys.map { (group: $0, pct: sums[$0]! / Decimal(counts[$0]!)) }
                    switch pooling {
                    case .pooled: pcts.append(sums.values.reduce(0, +) / Decimal(counts.values.reduce(0, +)))
                    case .meanOfGroups: pcts.append(byGroup.map(\.pct).reduce(0, +) / Decimal(byGroup.count))
                    case .weighted(let w):
                        let total = byGroup.map { w[$0.group]!.decimal * $0.pct }.reduce(0, +)
                        pcts.append(total / byGroup.map { w[$0.group]!.decimal }.reduce(0, +))
                    }
                }
                guard !pcts.isEmpty else { continue }
                out[unit, default: [:]][code] = maxes[code]!.decimal * (pcts.reduce(0, +) / Decimal(pcts.count)) / 100
            }
        }
        return out
    }

    @Test(arguments: [
        SurveyPooling.pooled, .meanOfGroups,
        .weighted(["đại biểu HĐND": Points("0.2")!, "lãnh đạo phòng": Points("0.3")!, "người dân": Points("0.5")!]),
    ])
    func theTallyIsTheRule(pooling: SurveyPooling) {
        for seed in UInt64(1)...4 {
            let responses = Self.responses(seed: seed)
            let tally = SurveyTally.tally(
                Self.questions, responses, pooling: pooling, max: { _, code in Self.maxes[code] }, precision: 2)
            let expected = Self.reference(responses, pooling)
            #expect(Set(tally.points.keys) == Set(expected.keys))
            for (unit, byCode) in expected {
                #expect(Set(tally.points[unit]?.keys ?? [:].keys) == Set(byCode.keys), "\(unit)")
                for (code, exact) in byCode {
                    let rounded = Points(exact).roundedHalfUp(2)
                    // Decimal's 38 digits can only mislead at an exact half; none is near one here.
                    let distance = abs(
                        (exact * 100 - Decimal(Int(truncating: NSDecimalNumber(decimal: exact * 100)))) - Decimal(string: "0.5")!)
                    if distance > Decimal(string: "1e-20")! {
                        #expect(tally.points[unit]?[code] == rounded, "seed \(seed), \(unit) \(code): \(exact)")
                    }
                }
            }
        }
    }

    /// Twenty questions answered by 101, 103, 107, … respondents: their fractions' common
    /// denominator passes 10^38, so the tally goes on in 38-digit decimals, and still follows the rule.
    @Test func aTallyTooLargeForFractionsFollowsTheRuleInDecimals() {
        let primes = [101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197]
        let questions = primes.indices.map { k in
            SurveyQuestion(
                id: "q\(k)", form: "A", code: CriterionCode("2.1")!, text: "", credits: [("A", Points(100)), ("B", Points(0))],
                line: k + 2)
        }
        let responses = (0..<200).map { i in
            SurveyResponse(
                respondent: "r\(i)", form: "A", group: "người dân", unit: "u",
                answers: Dictionary(
                    uniqueKeysWithValues: primes.indices.filter { i < primes[$0] }.map { ("q\($0)", i % 3 == 0 ? "A" : "B") }),
                line: i + 2)
        }
        var fractions: Fraction? = .zero
        for p in primes { fractions = fractions.flatMap { $0 + Fraction(1, Int128(p))! } }
        #expect(fractions == nil, "the fractions overflow")
        let tally = SurveyTally.tally(questions, responses, pooling: .pooled, max: { _, _ in Points(2) }, precision: 2)
        let exact = Self.reference(responses, .pooled, questions: questions, maxes: [CriterionCode("2.1")!: Points(2)])
        #expect(tally.points["u"]?[CriterionCode("2.1")!] == Points(exact["u"]![CriterionCode("2.1")!]!).roundedHalfUp(2))
    }
}
