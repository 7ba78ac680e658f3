import Foundation
import Testing

@testable import CCHCKit

/// Every validation rule of issue 2, each on the SPEC example with one file changed:
/// the expected file, line and a fragment of the message.
@Suite struct ValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String?]
        var location: String
        var message: String
        var testDescription: String { name }
    }

    static let fw = "code,name,max,method,lead\n"
    static let units = "id,name,group\n"
    static let scoresHeader = "unit;code;self;appraised;evidence;explanation\n"
    static let goodScores = "tp;1.1;1,5;1,5;;\ntp;1.2;1,5;1;;\ntc;1.1;1,5;1,5;;\ntc;1.2;N/A;N/A;;\n"

    static let cases: [Case] = [
        Case(
            name: "malformed code", files: ["framework.csv": fw + "1,A,,,\n1.x,B,1,,\n1.1,C,1,,\n2,D,2,sipas,\n"],
            location: "framework.csv:3", message: "'1.x' is not a criterion code"),
        Case(
            name: "duplicate code", files: ["framework.csv": fw + "1,A,,,\n1.1,B,1,,\n1.1,B,1,,\n1.2,C,1,,\n2,D,2,sipas,\n"],
            location: "framework.csv:4", message: "defined twice (first on line 3)"),
        Case(
            name: "orphan code",
            files: ["framework.csv": fw + "1,A,,,\n1.1,B,\"1,5\",,\n1.2,C,\"1,5\",,\n2,D,2,sipas,\n9.2,E,1,,\n"],
            location: "framework.csv:6", message: "9.2 has no parent 9"),
        Case(
            name: "parent max differs",
            files: ["framework.csv": fw + "1,A,4,,\n1.1,B,\"1,5\",,\n1.2,C,\"1,5\",,\n2,D,2,sipas,\n"],
            location: "framework.csv:2", message: "declares 4 but its children sum to 3"),
        Case(
            name: "leaf without max", files: ["framework.csv": fw + "1,A,,,\n1.1,B,,,\n1.2,C,\"1,5\",,\n2,D,2,sipas,\n"],
            location: "framework.csv:3", message: "empty for the leaf 1.1"),
        Case(
            name: "unknown method",
            files: ["framework.csv": fw + "1,A,,,\n1.1,B,\"1,5\",chamdiem,\n1.2,C,\"1,5\",,\n2,D,2,sipas,\n"],
            location: "framework.csv:3", message: "'chamdiem' for 1.1; expected one of tham-dinh, dieu-tra, sipas"),
        Case(
            name: "non-number max", files: ["framework.csv": fw + "1,A,,,\n1.1,B,abc,,\n1.2,C,\"1,5\",,\n2,D,2,sipas,\n"],
            location: "framework.csv:3", message: "'abc' for 1.1"),
        Case(
            name: "duplicate unit id", files: ["units.csv": units + "tp,Sở Tư pháp,Sở\ntc,Sở Tài chính,Sở\ntp,Sở khác,Sở\n"],
            location: "units.csv:4", message: "'tp' is used twice (first on line 2)"),
        Case(
            name: "framework file missing",
            files: ["units.csv": "id,name,group,framework\ntp,Sở Tư pháp,Sở,framework-xa.csv\ntc,Sở Tài chính,Sở,\n"],
            location: "units.csv:2", message: "'framework-xa.csv' does not exist"),
        Case(
            name: "missing required column", files: ["units.csv": "id,name\ntp,Sở Tư pháp\n"],
            location: "units.csv:1", message: "missing required column 'group'"),
        Case(
            name: "score for unknown unit", files: ["scores.csv": scoresHeader + goodScores + "xx;1.1;1;1;;\n"],
            location: "scores.csv:6", message: "'xx' is not in units.csv"),
        Case(
            name: "score for unknown code", files: ["scores.csv": scoresHeader + goodScores + "tp;1.3;1;1;;\n"],
            location: "scores.csv:6", message: "'1.3' is not a criterion"),
        Case(
            name: "duplicate score row", files: ["scores.csv": scoresHeader + goodScores + "tp;1.1;1;1;;\n"],
            location: "scores.csv:6", message: "scored twice (first on line 2)"),
        Case(
            name: "non-number score",
            files: ["scores.csv": scoresHeader + "tp;1.1;một;1,5;;\ntp;1.2;1,5;1;;\ntc;1.1;1,5;1,5;;\ntc;1.2;N/A;N/A;;\n"],
            location: "scores.csv:2", message: "column 'self': 'một'"),
        Case(
            name: "thousands separator",
            files: ["scores.csv": scoresHeader + "tp;1.1;1.234,5;1,5;;\ntp;1.2;1,5;1;;\ntc;1.1;1,5;1,5;;\ntc;1.2;N/A;N/A;;\n"],
            location: "scores.csv:2", message: "without thousands separators"),
        Case(
            name: "negative score",
            files: ["scores.csv": scoresHeader + "tp;1.1;-1;1,5;;\ntp;1.2;1,5;1;;\ntc;1.1;1,5;1,5;;\ntc;1.2;N/A;N/A;;\n"],
            location: "scores.csv:2", message: "a number ≥ 0"),
        Case(
            name: "score above max",
            files: ["scores.csv": scoresHeader + "tp;1.1;1,5;2;;\ntp;1.2;1,5;1;;\ntc;1.1;1,5;1,5;;\ntc;1.2;N/A;N/A;;\n"],
            location: "scores.csv:2", message: "2 for 1.1 is above its max 1.5"),
        Case(
            name: "missing appraised",
            files: ["scores.csv": scoresHeader + "tp;1.1;1,5;;;\ntp;1.2;1,5;1;;\ntc;1.1;1,5;1,5;;\ntc;1.2;N/A;N/A;;\n"],
            location: "scores.csv:2", message: "unit tp, code 1.1: appraised missing"),
        Case(
            name: "missing score row",
            files: ["scores.csv": scoresHeader + "tp;1.1;1,5;1,5;;\ntc;1.1;1,5;1,5;;\ntc;1.2;N/A;N/A;;\n"],
            location: "scores.csv:-", message: "unit tp, code 1.2: no row"),
        Case(
            name: "unit with no scores", files: ["scores.csv": scoresHeader + "tp;1.1;1,5;1,5;;\ntp;1.2;1,5;1;;\n"],
            location: "scores.csv:-", message: "unit tc (Sở Tài chính) has no scores"),
        Case(
            name: "survey code in scores", files: ["scores.csv": scoresHeader + goodScores + "tp;2;1;1;;\n"],
            location: "scores.csv:6", message: "scored by survey (sipas)"),
        Case(
            name: "ratio above 100%", files: ["survey.csv": "unit,code,score,ratio\ntp,2,,120%\ntc,2,\"1,2\",\n"],
            location: "survey.csv:2", message: "above 100%"),
        Case(
            name: "survey row without value", files: ["survey.csv": "unit,code,score,ratio\ntp,2,,\ntc,2,\"1,2\",\n"],
            location: "survey.csv:2", message: "neither 'score' nor 'ratio'"),
        Case(
            name: "survey row with both", files: ["survey.csv": "unit,code,score,ratio\ntp,2,1,80%\ntc,2,\"1,2\",\n"],
            location: "survey.csv:2", message: "both 'score'"),
        Case(
            name: "missing survey result", files: ["survey.csv": "unit,code,score,ratio\ntp,2,,80%\n"],
            location: "survey.csv:-", message: "unit tc, code 2 (sipas): no survey result"),
        Case(
            name: "survey score above max", files: ["survey.csv": "unit,code,score,ratio\ntp,2,3,\ntc,2,\"1,2\",\n"],
            location: "survey.csv:2", message: "above its max 2"),
        Case(
            name: "previous rank not positive", files: ["previous.csv": "unit,index,rank\ntp,70,0\ntc,75,1\n"],
            location: "previous.csv:2", message: "column 'rank': '0'; expected a whole number ≥ 1"),
        Case(
            name: "previous rank not integer", files: ["previous.csv": "unit,index,rank\ntp,70,\"1,5\"\ntc,75,1\n"],
            location: "previous.csv:2", message: "column 'rank'"),
        Case(
            name: "plan does not parse", files: ["plan.yaml": "year: 2024\nissuer: [unclosed\nplace: X\n"],
            location: "plan.yaml:3", message: "does not parse as YAML"),
        Case(
            name: "plan year not a number",
            files: ["plan.yaml": "year: hai nghìn\nissuer: {name: UBND tỉnh X, short: UBND}\nplace: X\n"],
            location: "plan.yaml:1", message: "'year'"),
        Case(
            name: "plan missing place", files: ["plan.yaml": "year: 2024\nissuer: {name: UBND tỉnh X, short: UBND}\n"],
            location: "plan.yaml:1", message: "missing required key 'place'"),
        Case(
            name: "plan bad date",
            files: [
                "plan.yaml":
                    "year: 2024\nissuer: {name: UBND tỉnh X, short: UBND}\nplace: X\ndocuments:\n  decision:\n    date: 22/3/2023\n"
            ],
            location: "plan.yaml:6", message: "'22/3/2023' is not a date"),
        Case(
            name: "missing units file", files: ["units.csv": nil],
            location: "units.csv:-", message: "file not found"),
        Case(
            name: "empty scores file", files: ["scores.csv": ""],
            location: "scores.csv:1", message: "the file is empty"),
    ]

    @Test(arguments: cases)
    func reportsWithFileAndLine(_ c: Case) throws {
        let scratch = try ScratchDataset(c.files)
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(checked.results == nil, "an invalid dataset is not computed")
        let matching = checked.errors.filter { $0.message.contains(c.message) }
        #expect(!matching.isEmpty, "expected an error containing «\(c.message)»; got \(checked.errors.map(\.description))")
        #expect(
            matching.map { "\($0.file):\($0.line.map(String.init) ?? "-")" }.contains(c.location),
            "expected at \(c.location); got \(matching.map(\.description))")
    }

    @Test func theExampleIsValid() throws {
        let scratch = try ScratchDataset()
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics)")
        #expect(checked.results != nil)
    }

    @Test func everyProblemOfARunIsReportedTogether() throws {
        let scratch = try ScratchDataset([
            "scores.csv": Self.scoresHeader + "tp;1.1;x;1,5;;\ntp;1.2;1,5;9;;\ntc;1.1;1,5;1,5;;\ntc;1.2;N/A;N/A;;\n",
            "previous.csv": "unit,index,rank\ntp,70,-2\ntc,75,1\n",
        ])
        defer { scratch.remove() }
        #expect(Set(scratch.check().errorLocations).isSuperset(of: ["scores.csv:2", "scores.csv:3", "previous.csv:2"]))
    }

    @Test func directoryInPlaceOfAFile() throws {
        let scratch = try ScratchDataset(["survey.csv": nil])
        defer { scratch.remove() }
        try FileManager.default.createDirectory(
            at: scratch.folder.appendingPathComponent("survey.csv"), withIntermediateDirectories: false)
        #expect(scratch.check().errors.contains { $0.file == "survey.csv" && $0.message.contains("is a directory") })
    }

    @Test func binaryAndForeignEncodingsAreErrors() throws {
        let scratch = try ScratchDataset()
        defer { scratch.remove() }
        try scratch.write(
            "units.csv", bytes: [0xFF, 0xFE] + Array("id,name,group".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try scratch.write("previous.csv", bytes: Array("unit,index,rank\n".utf8) + [0x00, 0x01, 0x02])
        let errors = scratch.check().errors
        #expect(errors.contains { $0.file == "units.csv" && $0.message.contains("UTF-16") })
        #expect(errors.contains { $0.file == "previous.csv" && $0.message.contains("NUL") })
    }

    @Test func declaredTotalsAreCheckedAsWarnings() throws {
        let scratch = try ScratchDataset(["scores.csv": Self.scoresHeader + Self.goodScores + "tp;1;3;2,75;;\n"])
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(checked.errors.isEmpty)
        let w = checked.warnings.map(\.description)
        #expect(
            w.contains(
                "scores.csv:6: warning: column 'self': unit tp, code 1: declared total 3, computed 3 (delta 0); the computed sum is used"
            ) == false)
        #expect(
            w.contains(
                "scores.csv:6: warning: column 'appraised': unit tp, code 1: declared total 2.75, computed 2.5 (delta +0.25); the computed sum is used"
            ))
        #expect(checked.passes(strict: false))
        #expect(!checked.passes(strict: true))
    }

    @Test func unknownPlanKeysAreWarned() throws {
        let scratch = try ScratchDataset([
            "plan.yaml": "year: 2024\nissuer: {name: UBND tỉnh X, short: UBND}\nplace: X\nawrds: []\n"
        ])
        defer { scratch.remove() }
        #expect(scratch.check().warnings.contains { $0.line == 4 && $0.message.contains("unknown key 'awrds'") })
    }

    @Test func awardTieAtTheBoundaryIsWarned() throws {
        let scratch = try ScratchDataset([
            "plan.yaml": "year: 2024\nissuer: {name: UBND tỉnh X, short: UBND}\nplace: X\nawards:\n  - group: Sở\n    count: 1\n",
            "units.csv": Self.units + "tp,Sở Tư pháp,Sở\ntc,Sở Tài chính,Sở\n",
            "scores.csv": Self.scoresHeader + "tp;1.1;1,5;1,5;;\ntp;1.2;1,5;1,5;;\ntc;1.1;1,5;1,5;;\ntc;1.2;1,5;1,5;;\n",
            "survey.csv": "unit,code,score,ratio\ntp,2,2,\ntc,2,,100%\n",
        ])
        defer { scratch.remove() }
        let checked = scratch.check()
        let warning = checked.warnings.first { $0.message.contains("awards for 'Sở'") }
        #expect(warning?.line == 6)
        #expect(checked.results?.groups.first?.awarded.count == 2)
    }
}
