import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit
@testable import CCHCWriters

/// Workbooks as the secretariat's programs write them: made by openpyxl from the samples' CSV
/// files (numbers as numbers, codes as text), and the same re-saved by LibreOffice Calc (which
/// writes like Excel: shared strings, cached values, `95.319999999999993`). Each must compute
/// and render exactly as its CSV twin; results.xlsx must read back in openpyxl, and through
/// LibreOffice, with every number equal to results.json. On CI (CI=true) the tools must be
/// there; elsewhere the suite runs when they are.
@Suite(.enabled(if: Oracles.available || Tools.required, "needs python3 with openpyxl and soffice (CI installs them)"))
struct WorkbookOracleTests {
    static let samples = ["an-giang-2022", "ha-nam-2018", "quang-binh-2021"]

    @Test(arguments: samples)
    func samplesReadFromWorkbooksComputeAsFromCSV(sample: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-xlsx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = try Self.results(TestPaths.input(sample))
        for variant in ["files", "one"] {
            let made = root.appendingPathComponent("\(variant)/\(sample)")
            try Oracles.python(["csv_to_xlsx.py", TestPaths.input(sample).path, made.path] + (variant == "one" ? ["--one"] : []))
            let resaved = root.appendingPathComponent("\(variant)-lo/\(sample)")
            try Oracles.resave(made, into: resaved)
            for folder in [made, resaved] {
                #expect(try Self.results(folder) == expected, "\(folder.path)")
                try Self.scannerReadsAsLibxml2(folder)
            }
        }
    }

    @Test func aWorkbookDatasetRendersTheSameDocumentsAsItsCSVTwin() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-xlsx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let made = root.appendingPathComponent("made/an-giang-2022")
        try Oracles.python(["csv_to_xlsx.py", TestPaths.input("an-giang-2022").path, made.path])
        let resaved = root.appendingPathComponent("lo/an-giang-2022")
        try Oracles.resave(made, into: resaved)
        let (fromCSV, fromXLSX) = (root.appendingPathComponent("out-csv"), root.appendingPathComponent("out-xlsx"))
        try RenderJob.run(TestPaths.input("an-giang-2022"), .init(output: fromCSV))
        try RenderJob.run(resaved, .init(output: fromXLSX))
        let files = try FileManager.default.subpathsOfDirectory(atPath: fromCSV.path).filter { !$0.hasSuffix("cchc-render.json") }
            .sorted()
        #expect(files.count > 90)
        for file in files where !file.hasSuffix("/") {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: fromCSV.appendingPathComponent(file).path, isDirectory: &isFolder)
            if isFolder.boolValue { continue }
            let a = try Data(contentsOf: fromCSV.appendingPathComponent(file))
            let b = try Data(contentsOf: fromXLSX.appendingPathComponent(file))
            #expect(a == b, "\(file) differs")
        }
    }

    @Test(arguments: samples)
    func theResultsWorkbookReadsBackWithEveryNumber(sample: String) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-xlsx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(TestPaths.input(sample), .init(output: out, kinds: [.report]))
        let json = out.appendingPathComponent("results.json").path
        let report = try Oracles.python(["check_results_xlsx.py", out.appendingPathComponent("results.xlsx").path, json])
        #expect(report.contains(" 0 mismatches"), "\(report)")
        // LibreOffice Calc opens it: every sheet, re-saved, still holds every number.
        let resaved = out.appendingPathComponent("lo")
        try Oracles.soffice(["--convert-to", "xlsx", "--outdir", resaved.path, out.appendingPathComponent("results.xlsx").path])
        let again = try Oracles.python(["check_results_xlsx.py", resaved.appendingPathComponent("results.xlsx").path, json])
        #expect(again.contains(" 0 mismatches"), "\(again)")
    }

    /// openxml-audit checks results.xlsx against the OOXML schemas and Excel's own rules (a
    /// workbook without a theme part is one Excel "may repair").
    @Test func openXmlAuditFindsNothingInTheResultsWorkbook() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-xlsx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(TestPaths.input("an-giang-2022"), .init(output: out, kinds: [.report]))
        let report = try Tools.run(
            executable: "/usr/bin/env", ["python3", "-m", "openxml_audit", out.appendingPathComponent("results.xlsx").path],
            allowFailure: true)
        #expect(report.contains("Errors: 0") && report.contains("no findings"), "\(report)")
    }

    /// Every sheet of every workbook in `folder` read by the scanner (the fast path) and by
    /// libxml2 (the reference) gives the same cells.
    static func scannerReadsAsLibxml2(_ folder: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".xlsx") {
            let workbook = try Workbook(try Data(contentsOf: folder.appendingPathComponent(name)))
            for sheet in workbook.sheets {
                let part = try workbook.part(sheet.part)
                let reference = try SheetReader.rows(part)
                let fast = try #require(SheetScanner.rows(part), "\(name)[\(sheet.name)] fell back to libxml2")
                #expect(
                    fast.map(\.line) == reference.map(\.line) && fast.map(\.cells) == reference.map(\.cells),
                    "\(name)[\(sheet.name)]")
            }
        }
    }

    /// results.json of a dataset, without what names its files: the dataset's folder name and
    /// the file each warning is in (`scores.xlsx[scores]` and `scores.csv` are one table).
    static func results(_ folder: URL) throws -> String {
        let checked = Pipeline.check(folder)
        var results = try #require(checked.results, "\(checked.errors)")
        results.dataset = ""
        results.warnings = results.warnings.map { w in
            var w = w
            if let sheet = w.file.sheet { w.file = SourceName(sheet + ".csv") }
            return w
        }
        return ResultsJSON.render(results)
    }
}

/// The programs that make and read workbooks for these tests.
enum Oracles {
    static let folder = TestPaths.fixture("xlsx")
    /// The python3 on the PATH (where `pip install openpyxl` put it), not only the system's.
    static let python3: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    static let available =
        Tools.path("soffice") != nil && python3 != nil
        && (try? Tools.run(executable: python3 ?? "python3", ["-c", "import openpyxl"])) != nil

    /// Runs a script of Fixtures/xlsx; its output.
    @discardableResult
    static func python(_ arguments: [String]) throws -> String {
        guard let python3 else { throw Tools.ToolMissing(tool: "python3") }
        return try Tools.run(executable: python3, [folder.appendingPathComponent(arguments[0]).path] + arguments.dropFirst())
    }

    /// Runs LibreOffice headless, with a profile of its own (two at once would share one).
    static func soffice(_ arguments: [String]) throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        try Tools.run("soffice", ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--calc"] + arguments)
    }

    /// Every workbook of `folder` opened and saved again by LibreOffice Calc into `target`, with
    /// the dataset's other files copied beside them.
    static func resave(_ folder: URL, into target: URL) throws {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        for name in names where !name.hasSuffix(".xlsx") {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        let books = names.filter { $0.hasSuffix(".xlsx") }.map { folder.appendingPathComponent($0).path }
        try soffice(["--convert-to", "xlsx", "--outdir", target.path] + books)
        for name in names where name.hasSuffix(".xlsx") {
            #expect(
                FileManager.default.fileExists(atPath: target.appendingPathComponent(name).path),
                "LibreOffice did not save \(name)")
        }
    }
}
