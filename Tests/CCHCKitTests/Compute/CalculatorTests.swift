import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCompute
@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCWriters

@Suite struct CalculatorTests {
    private func d(_ s: String) -> Points { Points(s)! }

    private func results(_ folder: URL) throws -> Results {
        let checked = Pipeline.check(folder)
        #expect(checked.errors.isEmpty, "\(checked.errors)")
        return try #require(checked.results)
    }

    @Test func specWorkedExampleMatchesTheSpec() throws {
        let r = try results(TestPaths.fixture("spec-example"))
        let units = r.groups[0].units
        #expect(units.map(\.id) == ["tp", "tc"])
        #expect(units[0].total == d("4.1") && units[0].max == 5 && units[0].index == 82 && units[0].band == "B")
        #expect(units[1].total == d("2.7") && units[1].max == d("3.5") && units[1].index == d("77.14") && units[1].band == "C")
        #expect(units.map(\.rankChange) == [1, -1])
        #expect(units[0].fields.map(\.index) == [d("83.33"), 80])
        #expect(units[0].fields.map(\.rank) == [2, 1])
        try Golden.assert(ResultsJSON.render(r), matches: "spec-example.json")
    }

    @Test func haNamComputesFromItsLeaves() throws {
        let r = try results(TestPaths.input("ha-nam-2018"))
        let u = try #require(r.groups.first?.units.first)
        // The sum of the published leaves, with the restored 3.2.5 (0,5 points); see its README.
        #expect(u.total == d("75.31413"))
        #expect(u.max == 100)
        #expect(u.index == d("75.31413"), "the plan's precision is 5: the table publishes 5 decimals")
        let fields = Dictionary(uniqueKeysWithValues: u.fields.map { ($0.code.description, $0.score) })
        #expect(fields["3"] == d("9.4744"))
        #expect(fields["5"] == d("10.39045"), "published 10,74045: 5.7 and 5.9 do not add up")
    }

    @Test func haNamDeclaredTotalsThatDoNotAddUpAreAllReported() throws {
        let r = try results(TestPaths.input("ha-nam-2018"))
        let scores = r.warnings.filter { $0.file == "scores.csv" }.map { $0.message.components(separatedBy: ":")[1] }
        #expect(scores.count == 5)
        #expect(r.warnings.contains { $0.message.contains("code 5.7: declared total 1, computed 0.75 (delta +0.25)") })
        #expect(r.warnings.filter { $0.file == "targets.csv" }.count == 10)
    }

    @Test func quangBinhSurveySampleTotalIsComputed() throws {
        let checked = Pipeline.check(TestPaths.input("quang-binh-2021"))
        let w = try #require(checked.warnings.first)
        #expect(
            w.description
                == "plan.yaml:13:3: warning: 'survey.total': states 169 but the groups sum to 199 (30 + 60 + 100 + 9); the documents print 199"
        )
        // The others: the sample names no signer (its seed does not).
        #expect(checked.warnings.dropFirst().allSatisfy { $0.message.contains("signer") }, "\(checked.warnings)")
    }

    @Test func anGiangRanksTwoGroupsWithATie() throws {
        let r = try results(TestPaths.input("an-giang-2022"))
        #expect(r.groups.map(\.name) == ["Sở, ban, ngành", "UBND cấp huyện"])
        #expect(r.groups.map(\.units.count) == [20, 11])
        #expect(r.groups.map(\.awarded.count) == [5, 3])
        let tied = r.groups[0].units.filter { $0.rank == 12 }.map(\.name)
        #expect(tied == ["Sở Tài nguyên và Môi trường", "Sở Y tế"])
        #expect(r.groups[0].units.first { $0.rank == 14 } != nil, "rank 13 is skipped after a tie at 12")
        let ngoaiVu = try #require(r.groups[0].units.first { $0.id == "sngv" })
        #expect(ngoaiVu.max == 96, "4.4 and 6.4 are N/A for Sở Ngoại vụ")
        try Golden.assert(ResultsJSON.render(r), matches: "an-giang-2022.json")
        try Golden.assert(ResultsText.render(r), matches: "an-giang-2022.txt")
    }

    @Test func aFieldWhoseEveryLeafIsNAHasNoIndexOrRank() throws {
        let scratch = try ScratchDataset([
            "scores.csv": "unit;code;self;appraised\ntp;1.1;N/A;N/A\ntp;1.2;N/A;N/A\ntc;1.1;1;1\ntc;1.2;1;1\n"
        ])
        defer { scratch.remove() }
        let r = try results(scratch.folder)
        let tp = try #require(r.groups[0].units.first { $0.id == "tp" })
        #expect(tp.fields[0].index == nil && tp.fields[0].rank == nil && tp.fields[0].max == 0)
        #expect(tp.max == 2)
    }

    @Test func resultsAreTheSameWhateverTheSpellingOfTheInput() throws {
        let semicolonsCommas = try ScratchDataset()
        let commasPoints = try ScratchDataset([
            "scores.csv":
                "\u{FEFF}unit,code,self,appraised,evidence,explanation\r\ntc,1.2,N/A,N/A,,\r\ntp,1.2,1.5,1,,\"Báo cáo, quý IV\"\r\ntc,1.1,1.5,1.5,,\r\ntp,1.1,1.5,1.5,,\r\n",
            "survey.csv": "unit;code;score;ratio\ntc;2;1.2;\ntp;2;;0,8\n",
        ])
        defer {
            semicolonsCommas.remove()
            commasPoints.remove()
        }
        let a = ResultsJSON.render(try results(semicolonsCommas.folder)).replacingOccurrences(
            of: semicolonsCommas.folder.lastPathComponent, with: "x")
        let b = ResultsJSON.render(try results(commasPoints.folder)).replacingOccurrences(
            of: commasPoints.folder.lastPathComponent, with: "x")
        #expect(a == b)
    }
}
