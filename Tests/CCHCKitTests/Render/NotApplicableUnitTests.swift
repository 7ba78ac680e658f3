import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit

/// A unit whose every criterion is N/A (in scores.csv and survey.csv) is warned about, and the
/// report's lowest unit is the lowest that has an index, never "… (-%)" (issue 26, finding 13).
@Suite struct NotApplicableUnitTests {
    @Test func theReportNamesTheLowestUnitThatHasAnIndex() throws {
        let folder = BadDatasetCorpusTests.root.appendingPathComponent("92-warning-unit-all-not-applicable")
        let scratch = try BadDatasetCorpusTests.materialize(folder)
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(checked.warnings.contains { $0.message.contains("every criterion is N/A in scores.csv and survey.csv") })
        let out = scratch.folder.appendingPathComponent("out")
        try RenderJob.run(checked, .init(output: out, templates: .builtIn, kinds: [.report], formats: [.txt, .xml]))
        for file in ["bao-cao-ket-qua.txt", "bao-cao-ket-qua.xml"] {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("(-%)"), "\(file)")
            #expect(text.contains("thấp nhất là Sở Tư pháp"), "\(file)")
        }
    }
}
