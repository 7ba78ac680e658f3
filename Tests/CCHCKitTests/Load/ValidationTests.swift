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
        #expect(checked.otherDiagnostics.isEmpty, "\(checked.diagnostics)")
        #expect(checked.results != nil)
    }

    /// The documents of the year tell what they lack: the worked example has no council, no award
    /// rule, no deadline and no dates; given them, nothing is told.
    @Test func whatTheDocumentsOfTheYearLackIsWarned() throws {
        let bare = try ScratchDataset()
        defer { bare.remove() }
        #expect(
            bare.check().warnings.map(\.description) == [
                "plan.yaml: warning: no council members: neither council.csv nor plan.yaml's 'council' names any; the council decision (quyet-dinh-thanh-lap-hoi-dong) is not written and the appraisal report (bao-cao-tham-dinh) leaves its Chủ tịch's name blank; expected council.csv with the columns name,title,agency,role, e.g. Trần Anh Thư,Phó Chủ tịch,Ủy ban nhân dân tỉnh,Chủ tịch",
                "plan.yaml: warning: 'awards': no award rule; the commendation decision (quyet-dinh-khen-thuong) is not written and the tờ trình proposes no commendation; expected the units to commend per group, e.g. awards: [{group: Sở, ban, ngành, count: 3}]",
                "plan.yaml: warning: 'deadlines.self-assessment': not given; the guidance letter (huong-dan-tu-danh-gia) and the scoring workbooks give no date to send the self-assessment by; expected deadlines: {self-assessment: YYYY-MM-DD}, e.g. self-assessment: 2026-01-20",
                "plan.yaml:6:1: warning: no date for guidance, appraisal-report, submission: they print “ngày     tháng     năm” to fill in by hand; expected the signing date of each under documents, e.g. documents: {guidance: {date: 2026-02-24}}",
            ])
        var plan = ScratchDataset.example["plan.yaml"]!
        plan += "  guidance: {date: 2024-12-20}\n  appraisal-report: {date: 2025-02-20}\n  submission: {date: 2025-02-25}\n"
        plan += "  council: {date: 2024-12-15}\n  commendation: {date: 2025-03-10}\n"
        plan += "deadlines: {self-assessment: 2025-01-15}\nawards: [{group: \"Sở, ban, ngành\", count: 1}]\n"
        plan += "council: [{name: Trần Thị Mẫu, title: Phó Chủ tịch, agency: Ủy ban nhân dân tỉnh, role: Chủ tịch}]\n"
        let complete = try ScratchDataset(["plan.yaml": plan])
        defer { complete.remove() }
        let told = complete.check().warnings.filter { w in Pipeline.Checked.yearDocumentNotes.contains { w.message.hasPrefix($0) }
        }
        #expect(told.isEmpty, "\(told)")
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
            checked.otherWarnings.map(\.description) == [
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
        let other = checked.otherDiagnostics.filter { !$0.message.hasPrefix("'documents.") }
        #expect(other.isEmpty, "\(other)")
        #expect(checked.dataset?.plan.awards?.map(\.group) == ["Sở, ban, ngành"])
        #expect(checked.results?.groups.first?.awarded == ["tp"])
    }
}
