import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCompute
@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit

/// The commendation decision (issue 30, item 5): its list is the award rule's result, ties at the
/// last place awarded included or left out as plan.yaml says, and said so in the decision.
@Suite struct CommendationTests {
    /// The units each group's table lists, read from the built document.
    static func listed(_ document: OfficialDocument) -> [[String]] {
        document.appendices.flatMap(\.blocks).compactMap { block -> [String]? in
            guard case .table(let table) = block else { return nil }
            return table.rows.map { $0.cells[1].text }
        }
    }

    /// The rule done by hand: every unit whose rank reaches the count; with `exclude`, those tied
    /// at the last place awarded left out when they would pass the count.
    static func reference(_ group: GroupResult, count: Int, exclude: Bool) -> [String] {
        var awarded = group.units.filter { ($0.rank ?? .max) <= count }
        if exclude, awarded.count > count, let edge = awarded.last?.rank { awarded.removeAll { $0.rank == edge } }
        return awarded.map(\.name)
    }

    static func commendation(_ folder: URL) throws -> (OfficialDocument?, Results) {
        let checked = Pipeline.check(folder)
        let (dataset, results) = (try #require(checked.dataset), try #require(checked.results, "\(checked.errors)"))
        return (try DocumentSet.build(dataset, results, kinds: [.commendation]).first, results)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func theListIsTheAwardRulesResult(seed: UInt64) throws {
        for exclude in [false, true] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-award-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let data = GeneratedDataset(seed: seed)
            try data.write(to: folder, .init())
            var groups: [String] = []
            for unit in data.units where !groups.contains(unit.group) { groups.append(unit.group) }
            let plan = folder.appendingPathComponent("plan.yaml")
            let rules = groups.map { "  - {group: \"\($0)\", count: 2\(exclude ? ", ties: exclude" : "")}\n" }.joined()
            try Data((try String(contentsOf: plan, encoding: .utf8) + "awards:\n" + rules).utf8).write(to: plan)
            let (document, results) = try Self.commendation(folder)
            let expected = results.groups.map { Self.reference($0, count: 2, exclude: exclude) }.filter { !$0.isEmpty }
            if expected.isEmpty {
                #expect(document == nil)
                continue
            }
            #expect(Self.listed(try #require(document)) == expected, "seed \(seed), exclude \(exclude)")
        }
    }

    /// Four units tied at rank 1, two to commend: all four with `include` (said in Điều 1), none
    /// with `exclude` (no decision: render says it skipped it).
    @Test func aTieAtTheCutIsHandledAsThePlanSaysAndStated() throws {
        let units = "id,name,group\na,Sở A,Sở\nb,Sở B,Sở\nc,Sở C,Sở\nd,Sở D,Sở\n"
        var files = ScratchDataset.scored(units: units)
        let plan = ScratchDataset.example["plan.yaml"]!
        files["plan.yaml"] = plan + "awards:\n  - {group: Sở, count: 2, form: Giấy khen, amount: 1500000}\n"
        let included = try ScratchDataset(files)
        defer { try? FileManager.default.removeItem(at: included.folder) }
        let (document, _) = try Self.commendation(included.folder)
        let decision = try #require(document)
        #expect(Self.listed(decision) == [["Sở A", "Sở B", "Sở C", "Sở D"]])
        let articles = decision.body.compactMap { block -> String? in
            if case .article(_, let text) = block { return text }
            return nil
        }
        #expect(articles[0].hasPrefix("Tặng Giấy khen của Chủ tịch Ủy ban nhân dân"), "\(articles[0])")
        #expect(articles[0].contains("cho 04 tập thể (04 tập thể thuộc sở; có danh sách kèm theo)"), "\(articles[0])")
        #expect(
            articles[0].contains("Do đồng hạng ở thứ hạng 1, sở có 04 tập thể được khen thưởng (Kế hoạch dự kiến 02 tập thể)."))
        #expect(
            articles[1].hasPrefix("Tiền thưởng kèm theo Giấy khen cho mỗi tập thể thuộc sở là 1.500.000 đồng"), "\(articles[1])")

        files["plan.yaml"] = plan + "awards:\n  - {group: Sở, count: 2, ties: exclude}\n"
        let excluded = try ScratchDataset(files)
        defer { try? FileManager.default.removeItem(at: excluded.folder) }
        #expect(try Self.commendation(excluded.folder).0 == nil)
        let out = excluded.folder.appendingPathComponent("out")
        let run = try CLI.run(["render", excluded.folder.path, "--out", out.path, "--kinds", "commendation,decision"])
        #expect(run.status == 0 && run.stdout.contains("skipped commendation: no unit to commend"), "\(run.stdout)")
    }
}
