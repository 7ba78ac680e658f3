import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCompute
@testable import CCHCCore
@testable import CCHCKit

/// SPEC §3, Decimals: survey points enter the computation rounded half-up to the plan's
/// precision (điểm quy đổi); a typed score with more decimals than that is an error at its cell.
@Suite struct PrecisionTests {
    /// Survey points given with 4 decimals, or from a ratio, are the rounded points.
    @Test func surveyPointsEnterRoundedToThePlansPrecision() throws {
        let scratch = try ScratchDataset(["survey.csv": "unit,code,score,ratio\ntp,2,\"1,2345\",\ntc,2,,\"83,84%\"\n"])
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(checked.errors.isEmpty, "\(checked.errors)")
        let units = try #require(checked.results).groups[0].units
        let tp = try #require(units.first { $0.id == "tp" })
        let tc = try #require(units.first { $0.id == "tc" })
        // 1,2345 → 1,23 (half-up: 1,235 would be 1,24); 83,84% of 2 = 1,6768 → 1,68.
        #expect(tp.byMethod.first { $0.method == .sipas }?.score == Points("1.23"))
        #expect(tc.byMethod.first { $0.method == .sipas }?.score == Points("1.68"))
        #expect(tp.total == Points("3.73") && tc.total == Points("3.18"))
    }

    @Test func halfAPointOfTheLastDecimalRoundsUp() throws {
        let scratch = try ScratchDataset(["survey.csv": "unit,code,score,ratio\ntp,2,\"1,235\",\ntc,2,\"1,2349\",\n"])
        defer { scratch.remove() }
        let units = try #require(scratch.check().results).groups[0].units
        #expect(units.first { $0.id == "tp" }?.byMethod.first { $0.method == .sipas }?.score == Points("1.24"))
        #expect(units.first { $0.id == "tc" }?.byMethod.first { $0.method == .sipas }?.score == Points("1.23"))
    }

    /// A typed self or appraised score with 3 decimals under precision 2: an error at its cell,
    /// with the rounded value as the example.
    @Test func aTypedScoreWithMoreDecimalsIsAnErrorAtItsCell() throws {
        let scratch = try ScratchDataset([
            "scores.csv": "unit;code;self;appraised\ntp;1.1;1,5;1,5\ntp;1.2;1,255;1\ntc;1.1;1,5;1,375\ntc;1.2;N/A;N/A\n"
        ])
        defer { scratch.remove() }
        let errors = scratch.check().errors.map(\.description)
        #expect(
            errors == [
                "scores.csv:3: error: column 'self': '1,255' for 1.2 has more decimals than the plan's precision (2); expected it rounded, e.g. 1,26, or a higher 'precision' in plan.yaml",
                "scores.csv:4: error: column 'appraised': '1,375' for 1.1 has more decimals than the plan's precision (2); expected it rounded, e.g. 1,38, or a higher 'precision' in plan.yaml",
            ])
    }

    /// The same score is valid once the plan prints 3 decimals; a declared total (a parent row)
    /// is compared, never refused.
    @Test func aHigherPrecisionAcceptsIt() throws {
        let plan = try #require(ScratchDataset.example["plan.yaml"]) + "precision: 3\n"
        let scratch = try ScratchDataset([
            "plan.yaml": plan,
            "scores.csv":
                "unit;code;self;appraised\ntp;1;;2,755\ntp;1.1;1,5;1,5\ntp;1.2;1,255;1,255\ntc;1.1;1,5;1,375\ntc;1.2;N/A;N/A\n",
        ])
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(checked.errors.isEmpty, "\(checked.errors)")
        #expect(checked.results?.groups[0].units.first { $0.id == "tp" }?.total == Points("4.355"))
    }
}
