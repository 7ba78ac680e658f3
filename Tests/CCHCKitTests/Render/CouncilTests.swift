import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit

/// The council decision (issue 30, item 1): its members from council.csv or plan.yaml, each
/// refusal of council.csv at its cell, the Phụ lục's assignment of each field to its lead
/// agency's member, and render saying why it skips the decision.
@Suite struct CouncilTests {
    static let members = """
        name,title,agency,role
        Trần Văn Chủ,Phó Chủ tịch,Ủy ban nhân dân tỉnh,Chủ tịch
        Lê Thị Nội,Giám đốc,Sở Nội vụ,Ủy viên kiêm Thư ký

        """

    static func council(_ files: [String: String?]) throws -> (OfficialDocument?, [String]) {
        let scratch = try ScratchDataset(files)
        defer { try? FileManager.default.removeItem(at: scratch.folder) }
        let checked = Pipeline.check(scratch.folder)
        guard let dataset = checked.dataset, let results = checked.results else {
            return (nil, checked.diagnostics.map(\.description))
        }
        return (try DocumentSet.build(dataset, results, kinds: [.council]).first, checked.diagnostics.map(\.description))
    }

    @Test func theMembersAndTheirFieldsFromCouncilCsvOrPlanYaml() throws {
        let (fromTable, _) = try Self.council(["council.csv": Self.members])
        let plan =
            ScratchDataset.example["plan.yaml"]!
            + "council:\n  - {name: Trần Văn Chủ, title: Phó Chủ tịch, agency: Ủy ban nhân dân tỉnh, role: Chủ tịch}\n  - {name: Lê Thị Nội, title: Giám đốc, agency: Sở Nội vụ, role: Ủy viên kiêm Thư ký}\n"
        let (fromPlan, _) = try Self.council(["plan.yaml": plan])
        for document in [fromTable, fromPlan] {
            let d = try #require(document)
            let items = d.body.compactMap { block -> String? in
                if case .item(let text) = block { return text }
                return nil
            }
            #expect(
                items == [
                    "Trần Văn Chủ, Phó Chủ tịch Ủy ban nhân dân tỉnh: Chủ tịch Hội đồng;",
                    "Lê Thị Nội, Giám đốc Sở Nội vụ: Ủy viên kiêm Thư ký Hội đồng.",
                ])
            // The example's field 1 is led by Sở Nội vụ: its member; field 2 is the survey's, led by Sở Nội vụ too.
            guard case .table(let table) = d.appendices[0].blocks[0] else { throw TestFailure("no table") }
            #expect(
                table.rows.map { $0.cells.map(\.text) } == [
                    ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "Sở Nội vụ", "Lê Thị Nội"],
                    ["2", "SỰ HÀI LÒNG CỦA NGƯỜI DÂN", "Sở Nội vụ", "Lê Thị Nội"],
                ])
            #expect(d.header.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH MẪU")
        }
    }

    @Test func everyProblemOfCouncilCsvIsNamedAtItsCell() throws {
        let (_, messages) = try Self.council([
            "council.csv":
                "name,title,agency,role\n,Giám đốc,Sở Nội vụ,Ủy viên\nLê Văn B,Giám đốc,Sở Tư pháp,thành viên\nTrần C,,,Ủy viên\n"
        ])
        for expected in [
            "council.csv:2: error: column 'name': empty; expected the member's full name, e.g. Nguyễn Văn A",
            "council.csv:3: error: column 'role': 'thành viên' for Lê Văn B; expected one of Chủ tịch, Phó Chủ tịch, Ủy viên, Ủy viên kiêm Thư ký, Thư ký",
            "council.csv:1: error: the council has no Chủ tịch; expected exactly one member with role Chủ tịch",
        ] {
            #expect(messages.contains(expected), "\(messages)")
        }
    }

    @Test func renderSaysWhyItSkipsTheCouncil() throws {
        let scratch = try ScratchDataset()
        defer { try? FileManager.default.removeItem(at: scratch.folder) }
        let out = scratch.folder.appendingPathComponent("out")
        let run = try CLI.run(["render", scratch.folder.path, "--out", out.path, "--kinds", "council,plan"])
        #expect(run.status == 0 && run.stdout.contains("skipped council: no council members"), "\(run.stdout)")
    }
}

struct TestFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
