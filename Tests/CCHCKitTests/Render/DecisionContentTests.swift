import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit
@testable import CCHCWriters

/// A decision a chairman signs: its bases, its Lưu line, an appendix whose index can be checked
/// and whose Xếp loại is explained, and a tie past the planned awards stated in Điều 2.
@Suite struct DecisionContentTests {
    private func renderDecision(_ scratch: ScratchDataset) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-decision-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(scratch.check(), .init(output: out, kinds: [.decision], formats: [.txt]))
        let text = try String(contentsOf: out.appendingPathComponent("quyet-dinh.txt"), encoding: .utf8)
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func aDecisionWithOnlyTheDefaultBasesIsWarned() throws {
        let scratch = try ScratchDataset([
            "plan.yaml": "year: 2024\nissuer: {name: Ủy ban nhân dân tỉnh Mẫu, short: UBND}\nplace: Mẫu\n"
        ])
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(
            checked.warnings.contains {
                $0.message.hasPrefix("'documents.decision.bases': not given; the decision cites only the default căn cứ")
            })
        #expect(!checked.passes(strict: true))
    }

    @Test func theLuuLineNamesTheDraftingUnit() throws {
        let scratch = try ScratchDataset()
        defer { scratch.remove() }
        #expect(try renderDecision(scratch).contains("- Lưu: VT, NC."))
    }

    @Test func theAppendixPrintsTheMaxAndExplainsTheBands() throws {
        let scratch = try ScratchDataset()
        defer { scratch.remove() }
        let checked = scratch.check()
        let (dataset, results) = (try #require(checked.dataset), try #require(checked.results))
        let decision = try #require(try DocumentSet.build(dataset, results, kinds: [.decision]).first)
        guard case .table(let table) = decision.appendices[0].blocks[0] else {
            Issue.record("no table")
            return
        }
        let maxColumn = try #require(table.columns.firstIndex { $0.title == "Điểm tối đa" })
        #expect(table.rows.map { $0.cells[maxColumn].text } == ["5,0", "3,5"])
        let text = try renderDecision(scratch)
        #expect(
            text.contains(
                "Ghi chú: Xếp loại A: từ 90% trở lên; B: từ 80% đến dưới 90%; C: từ 70% đến dưới 80%; D: dưới 70% (theo mức xếp loại chung của Bộ Nội vụ)."
            ))
    }

    @Test func aTiePastThePlannedAwardsIsStatedInArticle2() throws {
        let plan = try #require(ScratchDataset.example["plan.yaml"]) + "awards:\n  - group: Sở, ban, ngành\n    count: 1\n"
        let scratch = try ScratchDataset([
            "plan.yaml": plan,
            "scores.csv": "unit;code;self;appraised\ntp;1.1;1,5;1,5\ntp;1.2;1,5;1,5\ntc;1.1;1,5;1,5\ntc;1.2;1,5;1,5\n",
            "survey.csv": "unit,code,score\ntp,2,2\ntc,2,2\n",
        ])
        defer { scratch.remove() }
        let text = try renderDecision(scratch)
        #expect(text.contains("(2 đơn vị do đồng hạng ở thứ hạng cuối được khen thưởng; Kế hoạch dự kiến 1 đơn vị)"))
    }

    /// One column, one number of decimals: `9,00`, `1,25`, `10,70`.
    @Test func aColumnPrintsItsNumbersWithOneNumberOfDecimals() {
        let table = DocTable(
            id: "t", title: "", columns: [DocColumn("Điểm tối đa", numeric: true)],
            rows: [
                DocRow([.number(Points(9), decimals: 2)]), DocRow([.number(Points("1.25"), decimals: 2)]),
                DocRow([.number(Points("10.7"), decimals: 2)]), DocRow([.number(nil)]),
            ])
        #expect(table.rows.map { $0.cells[0].text } == ["9,00", "1,25", "10,70", "-"])
    }

    /// A landscape appendix's table in the text format gives the unit's name its room.
    @Test func aLandscapeTextTableIsAsWideAsItsPage() {
        let text = TextLayout.block(
            .table(
                DocTable(
                    id: "t", title: "", columns: [DocColumn("Đơn vị")] + (1...10).map { DocColumn("Điểm \($0)", numeric: true) },
                    rows: [
                        DocRow([.text("Sở Nông nghiệp và Phát triển nông thôn")] + (1...10).map { _ in .number(Points("95.33")) })
                    ]
                )), landscape: true)
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("Sở Nông nghiệp và Phát triển nông thôn ") })
    }
}
