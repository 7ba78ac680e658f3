import CCHCCompute
import CCHCCore
import CCHCTemplate
import Foundation

extension AppraisalReportDocument {
    /// What the sentences take: the year's course, the counts of each round, per group its
    /// totals in brief, the criterion lowered most often, the answers to round 1.
    func values(_ tally: AppraisalTally, _ groups: [String], _ twoRounds: Bool) -> TemplateObject {
        let units = tally.units
        let top = tally.lowered.first
        let answered = units.filter { $0.answered > 0 }
        let round2Change = answered.reduce(Points(0)) { $0 + $1.appraisedTotal - $1.round1Total }
        let mostLowered = units.filter { $0.lowered > 0 }.sorted { a, b in
            a.lowered != b.lowered
                ? a.lowered > b.lowered : a.name.compare(b.name, locale: Locale(identifier: "vi")) == .orderedAscending
        }
        let council = parts.provinceHeader(.council, subject: "")
        var values: TemplateObject = [
            "year": .text(String(parts.plan.year)), "secretariat": .text(parts.secretariat),
            "issuerName": .text(parts.issuerInText), "unitCount": .text(String(units.count)), "twoRounds": .bool(twoRounds),
            "adjusted": .text(String(units.reduce(0) { $0 + $1.adjusted })),
            "adjustedRound1": .text(String(units.reduce(0) { $0 + $1.adjustedRound1 })),
            "adjustedRound2": .text(String(units.reduce(0) { $0 + $1.adjustedRound2 })),
            "loweredCount": .text(String(units.reduce(0) { $0 + $1.lowered })),
            "hasLowered": .bool(top != nil), "topCode": .text(top?.code.description ?? ""), "topName": .text(top?.name ?? ""),
            "topUnits": .text(top.map { String($0.units) } ?? ""), "topPoints": .text(parts.score(top?.points)),
            "shown": .text(String(min(Self.loweredShown, tally.lowered.count))),
            "groups": .items(groups.map { g in groupValues(g, units.filter { $0.group == g }) }),
            "answeredUnits": .text(String(answered.count)),
            "answeredCriteria": .text(String(answered.reduce(0) { $0 + $1.answered })),
            "changedRound2": .text(String(answered.reduce(0) { $0 + $1.adjustedRound2 })),
            "round2Change": .text(parts.score(round2Change)), "round2Raised": .bool(round2Change > 0),
            "hasMostLowered": .bool(!mostLowered.isEmpty),
            "mostLowered": .items(
                mostLowered.prefix(3).map { ["name": .text(Sentence.unitName($0.name)), "count": .text(String($0.lowered))] }),
            "hasCouncilDecision": .bool(council.number != nil), "councilNumber": .text(council.numberText ?? ""),
            "councilSymbol": .text(council.symbol),
            "councilDate": .text(VietnameseDate.long(council.date, fallbackYear: council.fallbackYear)),
        ]
        for (key, value) in parts.planDecisionValues.fields { values[key] = value }
        return values
    }

    /// A group in brief: its units' average self and appraised totals, how many went down, up or
    /// kept their total, and the largest fall.
    private func groupValues(_ name: String, _ units: [AppraisalTally.Unit]) -> TemplateObject {
        let n = max(units.count, 1)
        let selfAverage = units.reduce(Points(0)) { $0 + $1.selfTotal }.divided(by: n, roundedTo: parts.precision)
        let appraisedAverage = units.reduce(Points(0)) { $0 + $1.appraisedTotal }.divided(by: n, roundedTo: parts.precision)
        let falls = units.map { $0.selfTotal - $0.appraisedTotal }
        let largest = falls.max() ?? 0
        return [
            "name": .text(name), "nameInSentence": .text(Sentence.inner(name)), "size": .text(String(units.count)),
            "selfAverage": .text(parts.score(selfAverage)), "appraisedAverage": .text(parts.score(appraisedAverage)),
            "down": .text(String(falls.filter { $0 > 0 }.count)), "up": .text(String(falls.filter { $0 < 0 }.count)),
            "same": .text(String(falls.filter { $0 == 0 }.count)), "hasFall": .bool(largest > 0),
            "largestFall": .text(parts.score(largest)),
            "largestFallUnits": .items(
                zip(units, falls).filter { $0.1 == largest && largest > 0 }.map { ["name": .text(Sentence.unitName($0.0.name))] }),
        ]
    }
}
