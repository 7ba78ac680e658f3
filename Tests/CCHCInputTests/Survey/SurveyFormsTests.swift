import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput

/// Survey points from the raw forms (issue 29, item 3): the README's worked example, each pooling.
@Suite struct SurveyFormsTests {
    /// 40 forms: A 12, B 20, C 6, D 2 (A:100;B:60;C:20;D:0) on a criterion of max 2.
    static let split = [("A", 12), ("B", 20), ("C", 6), ("D", 2)]

    private func points(_ f: SurveyFormsFixture, _ unit: String = "snv") throws -> Points? {
        let loaded = try f.load()
        #expect(loaded.diagnostics.errors.isEmpty, "\(loaded.diagnostics.errors)")
        guard case .points(let p)? = loaded.dataset?.survey[unit]?[CriterionCode("2.1")!]?.points else { return nil }
        return p
    }

    @Test func pooledFortyFormsMakeSixtyThreePercentAndOnePointTwentySix() throws {
        var f = try SurveyFormsFixture()
        defer { f.remove() }
        let rows =
            SurveyFormsFixture.forms("snv", "người dân", Self.split, from: 1)
            + SurveyFormsFixture.forms("stp", "người dân", [("A", 1)], from: 100)
        f.responses = "respondent,form,group,unit,q1\n" + rows.joined(separator: "\n") + "\n"
        #expect(try points(f) == Points("1.26"))
        let loaded = try f.load()
        let star = loaded.dataset?.surveyForms?.rows.first { $0.unit == "snv" && $0.group == "*" }
        #expect(star?.percent == 63 && star?.answers == 40)
    }

    @Test func theSameSplitInTwoGroupsMeanOfGroupsIsOnePointFortySix() throws {
        var f = try SurveyFormsFixture()
        defer { f.remove() }
        // Group 1 (8 forms): A 6, B 2 → 90 %; group 2 (32 forms): A 6, B 18, C 6, D 2 → 56,25 %.
        let rows =
            SurveyFormsFixture.forms("snv", "đại biểu HĐND", [("A", 6), ("B", 2)], from: 1)
            + SurveyFormsFixture.forms("snv", "người dân", [("A", 6), ("B", 18), ("C", 6), ("D", 2)], from: 9)
            + SurveyFormsFixture.forms("stp", "người dân", [("A", 1)], from: 100)
        f.responses = "respondent,form,group,unit,q1\n" + rows.joined(separator: "\n") + "\n"
        #expect(try points(f) == Points("1.26"), "pooled, the same 40 forms")
        f.plan += "survey:\n  groups: []\n  pooling: mean-of-groups\n"
        #expect(try points(f) == Points("1.46"))
        // Weighted 0,25 / 0,75: 0,25 × 90 + 0,75 × 56,25 = 64,6875 % → 1,29375 → 1,29.
        f.plan = f.plan.replacingOccurrences(
            of: "  pooling: mean-of-groups\n", with: "  weights:\n    đại biểu HĐND: 0.25\n    người dân: 0,75\n")
        #expect(try points(f) == Points("1.29"))
    }

    /// The README's worked example states what the two tests above compute.
    @Test func theReadmeStatesTheWorkedExample() throws {
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let flat = readme.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            flat.contains(
                "40 forms, A 12, B 20, C 6, D 2, on a leaf of max 2 → (12×100 + 20×60 + 6×20) ÷ 40 = 63,00 % → 1,26 điểm"))
        #expect(
            flat.contains(
                "8 đại biểu HĐND (A 6, B 2: 90 %) and 32 người dân (A 6, B 18, C 6, D 2: 56,25 %) with `mean-of-groups` → 73,125 % → 1,46"
            ))
    }
}
