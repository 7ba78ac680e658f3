import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit

/// What the bad-dataset corpus (one message per folder, checked exactly by
/// BadDatasetCorpusTests) cannot show: every problem of a run together, a folder in a file's
/// place, what a warning leaves computable, and the results a warned tie still gives.
@Suite struct ValidationTests {
    static let fw = "code,name,max,method,lead\n"
    static let units = "id,name,group\n"
    static let scoresHeader = "unit;code;self;appraised;evidence;explanation\n"
    static let goodScores = "tp;1.1;1,5;1,5;;\ntp;1.2;1,5;1;;\ntc;1.1;1,5;1,5;;\ntc;1.2;N/A;N/A;;\n"

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
        #expect(scratch.check().errorLocations == ["previous.csv:2", "scores.csv:2", "scores.csv:3"])
    }

    @Test func directoryInPlaceOfAFile() throws {
        let scratch = try ScratchDataset(["survey.csv": nil])
        defer { scratch.remove() }
        try FileManager.default.createDirectory(
            at: scratch.folder.appendingPathComponent("survey.csv"), withIntermediateDirectories: false)
        #expect(scratch.check().errors.contains { $0.file == "survey.csv" && $0.message.contains("is a directory") })
    }

    @Test func declaredTotalsAreCheckedAsWarnings() throws {
        let scratch = try ScratchDataset(["scores.csv": Self.scoresHeader + Self.goodScores + "tp;1;3;2,75;;\n"])
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(checked.errors.isEmpty)
        // The self total (3) agrees with its leaves; only the appraised total is warned.
        #expect(
            checked.warnings.map(\.description) == [
                "scores.csv:6: warning: column 'appraised': unit tp, code 1: declared total 2.75, computed 2.5 (delta +0.25); the computed sum is used"
            ])
        #expect(checked.passes(strict: false))
        #expect(!checked.passes(strict: true))
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

    /// `awards:` written as a mapping of groups to counts reads as the list it stands for.
    @Test func awardsWrittenAsAMappingOfGroupsToCounts() throws {
        let scratch = try ScratchDataset([
            "plan.yaml": "year: 2024\nissuer: {name: UBND tỉnh X, short: UBND}\nplace: X\nawards: {\"Sở, ban, ngành\": 1}\n"
        ])
        defer { scratch.remove() }
        let checked = scratch.check()
        // Only what the documents lack (this plan names no signer and no bases) is told.
        let other = checked.diagnostics.filter { !$0.message.hasPrefix("'documents.") }
        #expect(other.isEmpty, "\(other)")
        #expect(checked.dataset?.plan.awards?.map(\.group) == ["Sở, ban, ngành"])
        #expect(checked.results?.groups.first?.awarded == ["tp"])
    }
}
