import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCompute
@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCInput
@testable import CCHCKit

/// The council's appraisal report (issue 30, item 3): its figures recomputed here by hand from the
/// score rows, with plain `Decimal`s, for the An Giang sample of two rounds.
@Suite struct AppraisalReportTests {
    /// A score row's cell as the computation counts it: empty is 0, N/A none.
    static func value(_ v: ScoreValue) -> Decimal? {
        switch v {
        case .points(let p): return p.decimal
        case .missing: return 0
        case .notApplicable, .invalid: return nil
        }
    }

    static func tables(_ d: OfficialDocument) -> [String: DocTable] {
        var out: [String: DocTable] = [:]
        for block in d.body { if case .table(let t) = block { out[t.id] = t } }
        return out
    }

    static func number(_ cell: DocCell) -> Decimal { Decimal(string: cell.value ?? "x") ?? -1 }

    @Test(arguments: ["an-giang-2025", "an-giang-2022"])
    func itsFiguresAreTheScoresRecomputed(sample: String) throws {
        let checked = Pipeline.check(TestPaths.input(sample))
        let (dataset, results) = (try #require(checked.dataset), try #require(checked.results))
        let report = try #require(try DocumentSet.build(dataset, results, kinds: [.appraisalReport]).first)
        let tables = Self.tables(report)
        var selfTotals: [String: Decimal] = [:]
        var finals: [String: Decimal] = [:]
        var lowered: [String: (units: Int, points: Decimal)] = [:]
        var (round1Changes, round2Changes, answered) = (0, 0, Set<String>())
        for unit in dataset.units {
            let framework = dataset.framework(of: unit)
            for leaf in framework.leaves where !leaf.method.isSurvey {
                let row = dataset.scores[unit.id]?[leaf.code]
                let own = row.map { Self.value($0.selfScore) } ?? 0
                let final = row.map { Self.value($0.appraised) } ?? 0
                let first = row.map { $0.round1 == .missing ? final : Self.value($0.round1) } ?? final
                selfTotals[unit.name, default: 0] += own ?? 0
                finals[unit.name, default: 0] += final ?? 0
                if first != own { round1Changes += 1 }
                if final != first { round2Changes += 1 }
                if !(row?.response.isEmpty ?? true) { answered.insert(unit.id) }
                if (own ?? 0) > (final ?? 0) {
                    let key = "\(unit.framework) \(leaf.code)"
                    lowered[key] = ((lowered[key]?.units ?? 0) + 1, (lowered[key]?.points ?? 0) + (own ?? 0) - (final ?? 0))
                }
            }
        }
        // Each group's table: every unit, its totals and the difference.
        let unitTables = tables.filter { $0.key.hasPrefix("appraisal-units-") }.values
        #expect(unitTables.reduce(0) { $0 + $1.rows.count } == dataset.units.count)
        for row in unitTables.flatMap(\.rows) {
            let name = row.cells[1].text
            #expect(Self.number(row.cells[2]) == selfTotals[name] && Self.number(row.cells[3]) == finals[name], "\(name)")
            #expect(Self.number(row.cells[4]) == finals[name]! - selfTotals[name]!, "\(name)")
        }
        // The criteria lowered for the most units, by how much.
        let expected = lowered.sorted { a, b in
            a.value.units != b.value.units ? a.value.units > b.value.units : a.value.points > b.value.points
        }
        let table = try #require(tables["appraisal-lowered"])
        #expect(table.rows.count == min(10, lowered.count))
        for (row, (_, counted)) in zip(table.rows, expected) {
            #expect(Self.number(row.cells[2]) == Decimal(counted.units) && Self.number(row.cells[3]) == counted.points)
        }
        let prose = report.body.compactMap { if case .paragraph(let t) = $0 { t } else { nil } }.joined(separator: "\n")
        #expect(prose.contains("lần 1 điều chỉnh \(round1Changes) lượt tiêu chí"), "\(prose)")
        #expect(prose.contains("lần 2 điều chỉnh \(round2Changes) lượt tiêu chí so với lần 1"))
        #expect(prose.contains("Có \(answered.count)/\(dataset.units.count) cơ quan, đơn vị giải trình"))
        #expect(tables["appraisal-answers"]?.rows.count == answered.count)
        // Issued by the council, signed on its behalf by its Chủ tịch.
        #expect(report.header.issuerLines == ["HỘI ĐỒNG THẨM ĐỊNH", "CHỈ SỐ CCHC"])
        #expect(report.header.numberLine == "Số:      /BC-HĐTĐ")
        let chair = dataset.council.first { $0.role == "Chủ tịch" }?.name
        #expect(report.signer.lines == ["TM. HỘI ĐỒNG", "CHỦ TỊCH"] && report.signer.name == chair)
    }
}
