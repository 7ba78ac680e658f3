import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit
@testable import CCHCStore

/// `cchc init --xlsx`: the same dataset to fill in, its tables as workbooks of one sheet each.
@Suite struct DatasetSkeletonWorkbookTests {
    @Test func theTablesAreWorkbooksWithTheRowsToFill() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // A framework whose code 1.10 must stay 1.10, not become the number 1.1.
        let framework = root.appendingPathComponent("criteria.csv")
        let units = root.appendingPathComponent("units.csv")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let codes = (1...10).map { "1.\($0),Tiêu chí \($0),1," }.joined(separator: "\n")
        try Data("code,name,max,method\n1,Lĩnh vực,,\n\(codes)\n2,SIPAS,2,sipas\n".utf8).write(to: framework)
        try Data("id,name,group\ntp,Sở Tư pháp,\"Sở, ban, ngành\"\n".utf8).write(to: units)
        let folder = root.appendingPathComponent("tinh-x")
        var options = DatasetSkeleton.Options(folder: folder, framework: framework, units: units, year: 2025)
        options.workbooks = true
        let outcome = try DatasetSkeleton.create(options)
        let tables = ["framework", "units", "scores", "survey", "previous", "targets"].map { $0 + ".xlsx" }
        #expect(outcome.files == ["plan.yaml"] + tables)
        #expect(outcome.scoreRows == 10 && outcome.surveyRows == 1)
        #expect(FileTree.files(in: folder, hidden: true).sorted() == (["plan.yaml"] + tables).sorted())
        var found = DiagnosticEngine()
        let scores = try #require(DatasetLoader.readTable("scores.csv", in: folder, diagnostics: &found))
        #expect(found.diagnostics.isEmpty, "\(found.diagnostics)")
        #expect(scores.file == SourceName("scores.xlsx", sheet: "scores"))
        #expect(scores.header == ["unit", "code", "self", "appraised", "evidence", "explanation", "comment"])
        #expect(scores.rows.map { $0.fields[1] } == (1...10).map { "1.\($0)" })
        let messages = Pipeline.check(folder).errors.map(\.description)
        #expect(
            messages.contains(
                "scores.xlsx[scores] row 2: error: unit tp (Sở Tư pháp): none of its 10 rows (lines 2–11) is filled in yet; expected self and appraised scores (a number or N/A) in each"
            ), "\(messages)")
    }
}
