import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit
@testable import CCHCStore
@testable import CCHCWriters

/// `cchc init`: a dataset to fill in, that says what is still missing and validates once filled.
@Suite struct DatasetSkeletonTests {
    private func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cchc-init-\(UUID().uuidString)")
    }

    private func messages(_ folder: URL) -> [String] { Pipeline.check(folder).diagnostics.map(\.description) }

    @Test func aFreshDatasetSaysWhatIsStillMissing() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try DatasetSkeleton.create(.init(folder: folder, year: 2025))
        #expect(outcome == .init(files: DatasetSkeleton.expectedFiles, scoreRows: 0, surveyRows: 0))
        #expect(FileTree.files(in: folder, hidden: true).sorted() == DatasetSkeleton.expectedFiles.sorted())
        let scores = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent("scores.csv").path))
        #expect(Array(scores) == [0xEF, 0xBB, 0xBF] + Array("unit;code;self;appraised;evidence;explanation;comment\n".utf8))
        let plan = try String(contentsOf: folder.appendingPathComponent("plan.yaml"), encoding: .utf8)
        #expect(plan.contains("\nyear: 2025\n") && plan.contains("# awards:\n#   - group: Sở, ban, ngành"))
        #expect(
            messages(folder) == [
                "framework.csv:1: error: no criteria; expected one row per field, criterion and sub-criterion",
                "plan.yaml:10:3: error: 'issuer.name': empty; expected the issuer's name, e.g. Ủy ban nhân dân tỉnh An Giang",
                "plan.yaml:16:1: error: 'place': empty; expected the địa danh, e.g. An Giang",
                "units.csv:1: error: no units; expected one row per unit",
            ])
    }

    /// Quảng Bình's framework and unit: one row per criterion to fill in, one message per file
    /// until they are filled; filled with Quảng Bình's scores, the results are Quảng Bình's.
    @Test func filledInItValidatesAndComputesAsTheSample() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = TestPaths.input("quang-binh-2021")
        let outcome = try DatasetSkeleton.create(
            .init(
                folder: folder, framework: sample.appendingPathComponent("framework.csv"),
                units: sample.appendingPathComponent("units.csv"), year: 2021))
        #expect(outcome.scoreRows == 26 && outcome.surveyRows == 8)
        #expect(
            messages(folder).suffix(2) == [
                "scores.csv:2: error: unit quang-binh (Tỉnh Quảng Bình): none of its 26 rows (lines 2–27) is filled in yet; expected self and appraised scores (a number or N/A) in each",
                "survey.csv:2: error: unit quang-binh (Tỉnh Quảng Bình): none of its 8 rows (lines 2–9) is filled in yet; expected a score or a ratio (or N/A) in each",
            ])
        // Fill every row from the sample, as an officer would, and take the sample's plan.
        try fill(folder.appendingPathComponent("scores.csv"), from: sample.appendingPathComponent("scores.csv"), cells: 2)
        try fill(folder.appendingPathComponent("survey.csv"), from: sample.appendingPathComponent("survey.csv"), cells: 2)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("plan.yaml"))
        try FileManager.default.copyItem(
            at: sample.appendingPathComponent("plan.yaml"), to: folder.appendingPathComponent("plan.yaml"))
        let checked = Pipeline.check(folder)
        #expect(checked.errors.isEmpty, "\(checked.errors)")
        let expected = try #require(Pipeline.check(sample).results)
        var results = try #require(checked.results)
        results.dataset = expected.dataset
        #expect(ResultsJSON.render(results) == ResultsJSON.render(expected))
    }

    /// An Giang's two frameworks keep their names, as its units.csv names them; each unit gets the
    /// rows of its own framework.
    @Test func severalFrameworksKeepTheirNames() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = TestPaths.input("an-giang-2022")
        let outcome = try DatasetSkeleton.create(
            .init(
                folder: folder,
                frameworks: ["framework-so.csv", "framework-huyen.csv"].map { sample.appendingPathComponent($0) },
                units: sample.appendingPathComponent("units.csv"), year: 2022))
        #expect(outcome.files.prefix(3) == ["plan.yaml", "framework-so.csv", "framework-huyen.csv"])
        let checked = Pipeline.check(sample)
        let dataset = try #require(checked.dataset)
        let expected = dataset.units.map { u in dataset.framework(of: u).leaves.filter { !$0.method.isSurvey }.count }.reduce(
            0, +)
        #expect(outcome.scoreRows == expected && outcome.scoreRows > 0)
        let renamed = folder.deletingLastPathComponent().appendingPathComponent("criteria-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: renamed) }
        try FileManager.default.copyItem(at: sample.appendingPathComponent("framework-so.csv"), to: renamed)
        let error = #expect(throws: InitError.self) {
            try DatasetSkeleton.create(
                .init(
                    folder: scratch(), frameworks: [renamed, sample.appendingPathComponent("framework-huyen.csv")],
                    units: sample.appendingPathComponent("units.csv"), year: 2022))
        }
        #expect(
            error?.localizedDescription
                == "\(renamed.relativePath): with several frameworks, each must be named framework-<name>.csv as units.csv names it (e.g. framework-so.csv); rename the file, or give one framework only"
        )
    }

    /// Writes into each `unit;code;…` row of `file` the first `cells` values of the sample's row.
    private func fill(_ file: URL, from sample: URL, cells: Int) throws {
        var values: [String: [String]] = [:]
        var d = DiagnosticEngine()
        let table = try #require(CSVReader.read(try Data(contentsOf: sample), file: "sample", diagnostics: &d))
        for row in table.rows { values[row.fields[0] + ";" + row.fields[1]] = Array(row.fields[2..<(2 + cells)]) }
        let text = try String(contentsOf: file, encoding: .utf8)
        let filled = text.split(separator: "\n").map { line -> String in
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            guard fields.count > 2, let v = values[fields[0] + ";" + fields[1]] else { return String(line) }
            return (fields[0..<2] + v + fields[(2 + cells)...]).joined(separator: ";")
        }
        try Data((filled.joined(separator: "\n") + "\n").utf8).write(to: file)
    }

    @Test func itNeverWritesOverAFolderAndStopsOnABadFramework() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let refused = #expect(throws: InitError.self) { try DatasetSkeleton.create(.init(folder: folder, year: 2025)) }
        #expect(
            refused?.localizedDescription
                == "\(folder.relativePath): already exists and is not an empty folder; expected a new folder name for the dataset"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        let bad = folder.appendingPathComponent("criteria.csv")
        try Data("code,name,max\n1,A,\n1.1,B,abc\n".utf8).write(to: bad)
        let sample = TestPaths.input("quang-binh-2021")
        let target = folder.appendingPathComponent("new")
        let error = #expect(throws: InitError.self) {
            try DatasetSkeleton.create(
                .init(folder: target, framework: bad, units: sample.appendingPathComponent("units.csv"), year: 2025))
        }
        #expect(
            error?.localizedDescription
                == "\(bad.relativePath):3: error: column 'max': 'abc' for 1.1; expected a number such as 8,5 or 8.5")
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["criteria.csv", "notes.txt"])
    }
}

extension DatasetSkeleton {
    static let expectedFiles = [
        "plan.yaml", "framework.csv", "units.csv", "scores.csv", "survey.csv", "previous.csv", "targets.csv",
    ]
}
