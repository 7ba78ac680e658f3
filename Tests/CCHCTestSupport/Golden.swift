import Foundation
import Testing

/// Golden files under Tests/CCHCKitTests/Golden: compared byte for byte; rewritten when the
/// environment has RECORD_SNAPSHOTS=1, and the test then fails (as swift-argument-parser's
/// snapshots do): a recording run never passes, so review the diff by eye, then run again.
package enum Golden {
    package static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    package static func assert(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = TestPaths.golden.appendingPathComponent(name)
        if recording {
            try record(actual, to: url, sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            let got = first < a.count ? String(a[first]) : "<end>"
            let want = first < e.count ? String(e[first]) : "<end>"
            Issue.record(
                "\(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)", sourceLocation: sourceLocation)
        }
    }

    /// Writes `actual` as the golden file `url` and records a failure naming it.
    package static func record(_ actual: String, to url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        Issue.record(
            "recorded \(url.path): review the diff, then run the tests again without RECORD_SNAPSHOTS",
            sourceLocation: sourceLocation)
    }
}
