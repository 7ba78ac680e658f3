import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit

/// Inputs that once hung the tool or passed unnoticed: each is an error or a warning with its
/// place, found without expanding, waiting or reading past a stated limit.
@Suite struct InputLimitTests {
    @Test func aYAMLAliasBombIsRefusedAtItsLine() throws {
        var plan = try String(contentsOf: TestPaths.fixture("spec-example/plan.yaml"), encoding: .utf8)
        let first = plan.split(separator: "\n", omittingEmptySubsequences: false).count  // the line x0 goes on
        plan += "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            plan += "x\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let scratch = try ScratchDataset(["plan.yaml": plan])
        defer { scratch.remove() }
        let errors = scratch.check().errors.map(\.description)
        // 10⁹ values if expanded; each anchor used again is named once, at its own line.
        #expect(errors.count == 9, "\(errors)")
        #expect(
            errors.first
                == "plan.yaml:\(first):5: error: the value anchored here as '&a0' is used again as '*a0'; plan.yaml takes no aliases (a few can expand to millions of values): write the value out where it is needed"
        )
    }

    @Test func aFIFOOrADeviceIsNotReadAsAFile() throws {
        let scratch = try ScratchDataset(["survey.csv": nil, "previous.csv": nil])
        defer { scratch.remove() }
        #expect(mkfifo(scratch.folder.appendingPathComponent("survey.csv").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.folder.appendingPathComponent("previous.csv").path, withDestinationPath: "/dev/zero")
        let errors = scratch.check().errors.map(\.description)
        #expect(errors.contains("survey.csv: error: is a named pipe (FIFO); expected a regular file"), "\(errors)")
        #expect(errors.contains("previous.csv: error: is a device; expected a regular file"), "\(errors)")
    }

    @Test func aFileBeyondTheLimitIsRefusedUnread() throws {
        let scratch = try ScratchDataset()
        defer { scratch.remove() }
        // A sparse file: its size is past the limit without taking the disk space.
        let handle = try FileHandle(forWritingTo: scratch.folder.appendingPathComponent("scores.csv"))
        try handle.truncate(atOffset: UInt64(DatasetFiles.maxFileBytes) + 1)
        try handle.close()
        #expect(
            scratch.check().errors.map(\.description).contains(
                "scores.csv: error: is 512 MB; expected at most 512 MB (a dataset file this large is not one cchc reads)"))
    }

    @Test func aCellBeyondTheLimitIsAnErrorAtItsLine() throws {
        let cell = String(repeating: "x", count: CSVReader.maxCellBytes + 1)
        let scores = "unit,code,self,appraised,evidence\ntp,1.1,1,1,\(cell)\ntp,1.2,1,1,\ntc,1.1,1,1,\ntc,1.2,N/A,N/A,\n"
        let scratch = try ScratchDataset(["scores.csv": scores])
        defer { scratch.remove() }
        #expect(
            scratch.check().errors.map(\.description).contains(
                "scores.csv:2: error: column 'evidence': a cell of 1048577 bytes; expected at most 1048576 (1 MB)"))
    }

    @Test func aColumnNamedTwiceIsAnError() throws {
        let scratch = try ScratchDataset(["units.csv": "id,name,group,name\ntp,Sở Tư pháp,g,x\ntc,Sở Tài chính,g,y\n"])
        defer { scratch.remove() }
        #expect(
            scratch.check().errors.map(\.description).contains(
                "units.csv:1: error: column 'name' appears twice in the header (columns 2 and 4); expected each column once"))
    }

    @Test func aUnitWhoseEveryCriterionIsNotApplicableIsWarned() throws {
        let framework = "code,name,max\n1,Chỉ đạo,\n1.1,Kế hoạch,\"1,5\"\n1.2,Báo cáo,\"1,5\"\n"
        let scores = "unit;code;self;appraised\ntp;1.1;1;1\ntp;1.2;1;1\ntc;1.1;N/A;N/A\ntc;1.2;N/A;N/A\n"
        let scratch = try ScratchDataset(["framework.csv": framework, "scores.csv": scores, "survey.csv": nil])
        defer { scratch.remove() }
        #expect(
            scratch.check().otherWarnings.map(\.description) == [
                "units.csv:3: warning: unit tc (Sở Tài chính): every criterion is N/A in scores.csv, so it has no index and no rank; check its scores"
            ])
    }

    @Test func aFrameworkWhoseMaxesAreAllZeroIsWarned() throws {
        let framework = "code,name,max\n1,Chỉ đạo,\n1.1,Kế hoạch,0\n1.2,Báo cáo,0\n"
        let scores = "unit;code;self;appraised\ntp;1.1;0;0\ntp;1.2;0;0\ntc;1.1;0;0\ntc;1.2;0;0\n"
        let scratch = try ScratchDataset(["framework.csv": framework, "scores.csv": scores, "survey.csv": nil])
        defer { scratch.remove() }
        #expect(
            scratch.check().warnings.map(\.description).contains(
                "framework.csv: warning: every criterion's max is 0, so no unit assessed on it can have an index; expected the points of each criterion"
            ))
    }

    @Test func aPreviousRankBeyondTheGroupIsWarned() throws {
        let scratch = try ScratchDataset(["previous.csv": "unit,index,rank\ntp,\"70,5\",40\ntc,75,1\n"])
        defer { scratch.remove() }
        #expect(
            scratch.check().otherWarnings.map(\.description) == [
                "previous.csv:2: warning: column 'rank': 40 for unit tp is beyond the 2 units of its group this year; check last year's rank"
            ])
    }
}
