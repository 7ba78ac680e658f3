import CCHCCore
import CCHCKit
import CCHCTestSupport
import Foundation

/// A dataset written to a temporary folder: the worked example of `Fixtures/spec-example`, with files replaced
/// per test, so each validation rule is tested on a dataset that is otherwise valid.
struct ScratchDataset {
    let folder: URL

    static let example: [String: String] = {
        var files: [String: String] = [:]
        let dir = TestPaths.fixture("spec-example")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
            files[name] = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }()

    /// The example with `overrides` (a `nil` value removes the file).
    init(_ overrides: [String: String?] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files = Self.example
        for (name, content) in overrides { files[name] = content }
        for (name, content) in files { try Data(content.utf8).write(to: folder.appendingPathComponent(name)) }
    }

    /// The example's files for other units: `units` (units.csv) and, for each of its ids, one
    /// point on every criterion (scores.csv and survey.csv), and no previous.csv.
    static func scored(units: String) -> [String: String?] {
        let ids = units.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        return [
            "units.csv": units,
            "scores.csv": "unit;code;self;appraised\n" + ids.map { "\($0);1.1;1;1\n\($0);1.2;1;1\n" }.joined(),
            "survey.csv": "unit,code,score\n" + ids.map { "\($0),2,1\n" }.joined(), "previous.csv": nil,
        ]
    }

    /// Writes raw bytes to a file of the dataset.
    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    func check() -> Pipeline.Checked { Pipeline.check(folder) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

extension Pipeline.Checked {
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// What the documents of the year lack, as validate tells it: the worked example names no
    /// council, no award rule, no deadline and no dates, so it has these four warnings.
    static let yearDocumentNotes = [
        "no council members:", "'awards': no award rule", "'deadlines.self-assessment': not given", "no date for ",
    ]

    /// The diagnostics but the four notes on the documents of the year.
    var otherDiagnostics: [Diagnostic] {
        diagnostics.filter { d in !Self.yearDocumentNotes.contains { d.message.hasPrefix($0) } }
    }

    var otherWarnings: [Diagnostic] { otherDiagnostics.filter { $0.severity == .warning } }

    /// The errors as `file:line` strings, e.g. `scores.csv:3`.
    var errorLocations: [String] { errors.map { "\($0.file):\($0.line.map(String.init) ?? "-")" } }
}
