import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCompute
@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit

/// The tờ trình (issue 30, item 4): its results in brief are the results, recomputed here by
/// hand; the results decision and the commendation cite it once plan.yaml numbers it.
@Suite struct SubmissionTests {
    static func build(_ folder: URL, _ kinds: [DocumentKind]) throws -> ([OfficialDocument], Results) {
        let checked = Pipeline.check(folder)
        let (dataset, results) = (try #require(checked.dataset), try #require(checked.results, "\(checked.errors)"))
        return (try DocumentSet.build(dataset, results, kinds: kinds), results)
    }

    static func paragraphs(_ d: OfficialDocument) -> [String] {
        d.body.compactMap { block in
            if case .paragraph(let text) = block { return text }
            return nil
        }
    }

    @Test func eachGroupsSummaryIsItsResultsRecomputed() throws {
        let (documents, results) = try Self.build(TestPaths.input("an-giang-2022"), [.submission])
        let submission = try #require(documents.first)
        let text = Self.paragraphs(submission)
        for group in results.groups {
            let summary = try #require(
                text.first { $0.hasPrefix("\(group.name) (\(group.units.count) đơn vị)") }, "\(group.name)")
            let indexes = group.units.compactMap(\.index)
            let average = indexes.reduce(Points(0), +).decimal / Decimal(indexes.count)
            let shown = VietnameseNumber.format(Points(average.roundedHalfUp(2)), maxDecimals: 2, minDecimals: 2)
            #expect(summary.contains("Chỉ số trung bình đạt \(shown)%"), "\(summary)")
            let best = VietnameseNumber.format(indexes.max()!, maxDecimals: 2, minDecimals: 2)
            let worst = VietnameseNumber.format(indexes.min()!, maxDecimals: 2, minDecimals: 2)
            #expect(summary.contains("(\(best)%), thấp nhất là") && summary.contains("(\(worst)%)."), "\(summary)")
            // The bands' counts add up to the group.
            let counts = summary.matches(of: /(\d+) đơn vị (Tốt|Khá|Trung bình|Yếu)/).map { Int($0.1)! }
            #expect(counts.reduce(0, +) == group.units.count, "\(summary)")
        }
        #expect(submission.header.numberLine == "Số:      /TTr-SNV" && submission.type.typeName == "TỜ TRÌNH")
        #expect(
            submission.body.first.map { if case .centered(let t) = $0 { t } else { "" } }
                == "Kính gửi: Ủy ban nhân dân tỉnh An Giang.")
        #expect(submission.recipients == ["- Như trên;", "- Lưu: VT, CCHC."])
    }

    /// Numbered in plan.yaml, the tờ trình is cited by the decisions it asks for; not numbered, it is not.
    @Test func theDecisionsCiteItOnceNumbered() throws {
        // The example's plan without its decision's own căn cứ, which would replace the default ones.
        let example = ScratchDataset.example["plan.yaml"]!
        let plan = String(example[..<example.range(of: "  decision:\n")!.lowerBound]) + "awards:\n  - {group: Sở, count: 1}\n"
        let units = "id,name,group\na,Sở A,Sở\nb,Sở B,Sở\n"
        var files = ScratchDataset.scored(units: units)
        files["plan.yaml"] = plan.replacingOccurrences(
            of: "documents:\n", with: "documents:\n  submission: {number: 315, date: 2023-02-24}\n")
        let numbered = try ScratchDataset(files)
        defer { try? FileManager.default.removeItem(at: numbered.folder) }
        let (documents, _) = try Self.build(numbered.folder, [.decision, .commendation, .submission])
        let cited = "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 315/TTr-SNV ngày 24 tháng 02 năm 2023."
        for kind in [DocumentKind.decision, .commendation] {
            let d = try #require(documents.first { $0.kind == kind })
            #expect(d.bases.last == cited, "\(kind): \(d.bases)")
        }
        #expect(documents.first { $0.kind == .submission }?.header.numberLine == "Số: 315/TTr-SNV")
        files["plan.yaml"] = plan
        let plain = try ScratchDataset(files)
        defer { try? FileManager.default.removeItem(at: plain.folder) }
        let decision = try #require(try Self.build(plain.folder, [.decision]).0.first)
        #expect(decision.bases.last == "Theo đề nghị của Giám đốc Sở Nội vụ.")
    }
}
