import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCompute
@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCWriters

/// Properties of the computation over 40 generated datasets.
@Suite struct ComputationPropertyTests {
    static let seeds: [UInt64] = Array(1...40)

    private func compute(_ data: GeneratedDataset, _ spelling: GeneratedDataset.Spelling = .init()) throws -> (Results, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-prop-\(UUID().uuidString)/dataset")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try data.write(to: folder, spelling)
        let checked = Pipeline.check(folder)
        guard let results = checked.results else {
            throw PropertyFailure(message: checked.diagnostics.prefix(5).map(\.description).joined(separator: "\n"))
        }
        return (results, ResultsJSON.render(results))
    }

    struct PropertyFailure: Error { var message: String }

    @Test(arguments: seeds)
    func totalsAreSumsIndexesAreInRangeAndRanksAreCompetitionRanks(seed: UInt64) throws {
        let data = GeneratedDataset(seed: seed)
        let (results, _) = try compute(data)
        for group in results.groups {
            for u in group.units {
                #expect(u.total == u.fields.compactMap(\.score).reduce(0, +))
                #expect(u.max == u.fields.map(\.max).reduce(0, +))
                #expect(u.byMethod.map(\.score).reduce(0, +) == u.total)
                if let index = u.index {
                    #expect(index >= 0 && index <= 100)
                    #expect(index.decimal == (u.total.decimal * 100 / u.max.decimal).roundedHalfUp(results.precision))
                }
            }
            // Competition ranking: rank = 1 + the number of units with a strictly higher index.
            for u in group.units {
                let higher = group.units.filter { ($0.index ?? -1) > (u.index ?? -1) }.count
                #expect(u.rank == (u.index == nil ? nil : higher + 1))
            }
            let indexes = group.units.compactMap(\.index)
            #expect(indexes == indexes.sorted(by: >))
        }
    }

    @Test(arguments: seeds.prefix(20))
    func resultsDoNotDependOnHowTheInputIsSpelled(seed: UInt64) throws {
        let data = GeneratedDataset(seed: seed)
        let (_, plain) = try compute(data)
        let spellings = [
            GeneratedDataset.Spelling(separator: ";", decimalComma: true),
            GeneratedDataset.Spelling(bom: true, crlf: true),
            GeneratedDataset.Spelling(separator: ";", decimalComma: true, bom: true, crlf: true, shuffle: seed &* 7),
            GeneratedDataset.Spelling(shuffle: seed &+ 99),
        ]
        for spelling in spellings {
            let (_, other) = try compute(data, spelling)
            #expect(other == plain, "spelling \(spelling) changed the results")
        }
    }
}
