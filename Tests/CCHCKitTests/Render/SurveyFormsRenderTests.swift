import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCKit
@testable import CCHCStore

/// A dataset whose survey comes from raw forms renders the report's Phụ lục "Kết quả điều tra xã
/// hội học" and survey-results.csv, each read back and checked against the tally (issue 29, item 3).
@Suite struct SurveyFormsRenderTests {
    @Test func theReportAndSurveyResultsSayWhatTheFormsGave() throws {
        var f = try SurveyFormsFixture()
        defer { f.remove() }
        // snv: 8 + 32 forms (A 12, B 20, C 6, D 2 in all); stp: 3 forms, A B C.
        let rows =
            SurveyFormsFixture.forms("snv", "đại biểu HĐND", [("A", 6), ("B", 2)], from: 1)
            + SurveyFormsFixture.forms("snv", "người dân", [("A", 6), ("B", 18), ("C", 6), ("D", 2)], from: 9)
            + SurveyFormsFixture.forms("stp", "người dân", [("A", 1), ("B", 1), ("C", 1)], from: 100)
        f.responses = "respondent,form,group,unit,q1\n" + rows.joined(separator: "\n") + "\n"
        try f.write()
        let out = f.folder.deletingLastPathComponent().appendingPathComponent("out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let paths = try RenderJob.run(f.folder, .init(output: out, formats: [.html, .xml, .txt, .docx]))
        #expect(paths.contains("survey-results.csv"))
        let csv = try String(contentsOf: out.appendingPathComponent("survey-results.csv"), encoding: .utf8)
        #expect(
            csv == """
                unit,code,group,n,percent
                snv,2.1,đại biểu HĐND,8,90
                snv,2.1,người dân,32,56.25
                snv,2.1,*,40,63
                stp,2.1,người dân,3,60
                stp,2.1,*,3,60

                """)
        // The appendix prints each unit's forms, percentage, max and points: 2 × 63 % = 1,26; 2 × 60 % = 1,20.
        let report = try String(contentsOf: out.appendingPathComponent("bao-cao-ket-qua.txt"), encoding: .utf8)
        let title = try #require(report.range(of: "KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC NĂM 2025"))
        let appendix = report[title.upperBound...].split(separator: "\n")
        let snv = try #require(appendix.first { $0.hasPrefix("Sở Nội vụ") }, "\(appendix)")
        #expect(snv.contains("40 (đại biểu HĐND: 8; người dân: 32)") && snv.contains("1,26"), "\(snv)")
        #expect(snv.contains("| 2.1 | Hài lòng |     63,00 |") && snv.hasSuffix("| 1,26"), "\(snv)")
        let stp = try #require(appendix.first { $0.hasPrefix("Sở Tư pháp") })
        #expect(stp.contains("3 (người dân: 3)") && stp.contains("60,00") && stp.hasSuffix("| 1,20"), "\(stp)")
        // The points are those the results were computed from: 8 + 1,26 for snv, 7 + 1,20 for stp.
        let results = try String(contentsOf: out.appendingPathComponent("results.csv"), encoding: .utf8)
        #expect(results.contains("snv,") && results.contains(",9.26\n") && results.contains(",8.2\n"), "\(results)")
    }

    /// The forms are archived with the dataset, survey-results.csv with the results, and the
    /// record renders again from them.
    @Test func aFormsDatasetArchivesAndVerifies() throws {
        var f = try SurveyFormsFixture()
        defer { f.remove() }
        f.responses = "respondent,form,group,unit,q1\nr1,A,người dân,snv,A\nr2,A,người dân,stp,B\n"
        try f.write()
        let root = f.folder.deletingLastPathComponent().appendingPathComponent("forms-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try RenderJob.run(f.folder, .init(output: out, formats: [.html, .txt]))
        let store = root.appendingPathComponent("store")
        try Archiver.archive(out, .init(store: store))
        let id = try #require(ArchiveStore(store).recordIDs().first)
        let files = try ArchiveStore(store).manifest(id).files
        let name = f.folder.lastPathComponent
        #expect(files.contains { $0.path == "dataset/\(name)/questions.csv" && $0.role == .input })
        #expect(files.contains { $0.path == "dataset/\(name)/responses.csv" && $0.role == .input })
        #expect(files.contains { $0.path == "survey-results.csv" && $0.role == .results })
        let report = try ArchiveVerifier.verify(ArchiveStore(store), key: nil, rerender: true)
        #expect(report.ok, "\(report.problems)")
    }
}
