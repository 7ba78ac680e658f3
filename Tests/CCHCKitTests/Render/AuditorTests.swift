import CCHCTestSupport
import Foundation
import FoundationXML
import Testing

@testable import CCHCCompute
@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit

/// Every document cchc writes, read back as an auditor reads a signed report: every table adds up,
/// every difference is the difference of the columns it names, every total, index and rank equals
/// the computed result, every score column prints the plan's decimals, and the HTML and the text
/// print the same numbers as the XML, and so does the Word document.
@Suite struct AuditorTests {
    static let samples = ["an-giang-2022", "ha-nam-2018", "quang-binh-2021"]

    @Test(arguments: samples)
    func theSamplesDocumentsAddUp(sample: String) throws {
        let problems = try Audit.render(TestPaths.input(sample))
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(12).joined(separator: "\n"))")
    }

    /// N/A criteria, several groups: a generated dataset.
    @Test(arguments: [3, 17, 40] as [UInt64])
    func aGeneratedDatasetsDocumentsAddUp(seed: UInt64) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try GeneratedDataset(seed: seed).write(to: folder, .init())
        let problems = try Audit.render(folder)
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(12).joined(separator: "\n"))")
    }
}

/// The auditor's reading of a rendered folder.
enum Audit {
    /// Renders `dataset` and audits every XML it wrote (with its HTML and text twins).
    static func render(_ dataset: URL) throws -> [String] {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-audit-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let checked = Pipeline.check(dataset)
        let results = try #require(checked.results, "\(checked.errors)")
        let dataset = try #require(checked.dataset)
        try RenderJob.run(checked, .init(output: out))
        var problems: [String] = []
        let files = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".xml") }.sorted()
        for file in files {
            let tables = try AuditedTable.read(out.appendingPathComponent(file))
            for table in tables {
                let at = "\(file) table \(table.id)"
                problems += table.sumsOfChildren().map { "\(at): \($0)" }
                problems += table.differences().map { "\(at): \($0)" }
                problems += table.rankings(results).map { "\(at): \($0)" }
                problems += table.decimals(results.precision).map { "\(at): \($0)" }
                problems += table.fieldResults(results).map { "\(at): \($0)" }
                problems += table.methodTotals().map { "\(at): \($0)" }
                problems += table.unitTotals(file, results, dataset).map { "\(at): \($0)" }
            }
            let numbers = tables.flatMap { $0.rows.flatMap { $0.cells.filter(\.isNumber).flatMap { numberTokens($0.text) } } }
            for twin in ["html", "txt", "docx"] {
                let path = out.appendingPathComponent(String(file.dropLast(3)) + twin)
                let text =
                    twin == "docx"
                    ? try DocxPackage(Array(Data(contentsOf: path))).bodyText : try String(contentsOf: path, encoding: .utf8)
                if let missing = firstMissing(numbers, in: numberTokens(text)) {
                    problems.append("\(file): the \(twin) does not print \(missing) where the XML does")
                }
            }
        }
        return problems
    }

    /// The numbers of a document as printed (`95,32`, `-0,5`, `1.234`), in order.
    static func numberTokens(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "[-+]?[0-9][0-9.]*(,[0-9]+)?")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) }
    }

    /// The first of `wanted` that is not found, in order, among `tokens`.
    static func firstMissing(_ wanted: [String], in tokens: [String]) -> String? {
        var k = 0
        for number in wanted {
            while k < tokens.count && tokens[k] != number { k += 1 }
            if k == tokens.count { return number }
            k += 1
        }
        return nil
    }
}
