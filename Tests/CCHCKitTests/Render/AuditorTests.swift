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
    static let samples = ["an-giang-2022", "an-giang-2025", "ha-nam-2018", "quang-binh-2021"]

    @Test(arguments: samples)
    func theSamplesDocumentsAddUp(sample: String) throws {
        let problems = try Audit.render(TestPaths.input(sample))
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(12).joined(separator: "\n"))")
    }

    /// A generated dataset prepared as a secretariat would prepare it by hand (issue 28): no
    /// `short` where the name gives a symbol of its own, the heads' titles in a column of its own
    /// naming, last year's ranks that contradict last year's indexes; its survey points with 4
    /// decimals and its quarter points make ties at the printed index.
    @Test(arguments: [5, 23] as [UInt64])
    func aHandPreparedDatasetsDocumentsAddUp(seed: UInt64) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = GeneratedDataset(seed: seed)
        try data.write(to: folder, .init())
        // Units: `short` only where two names would give one symbol, and a column cchc does not read.
        var symbols: [String: Int] = [:]
        for unit in data.units { symbols[IssuerSymbol.derive(unit.name), default: 0] += 1 }
        var units = "id,name,group,short,signer,head_title\n"
        for unit in data.units {
            let short = symbols[IssuerSymbol.derive(unit.name)]! > 1 ? unit.id.uppercased() : ""
            units += "\(unit.id),\(unit.name),\(unit.group),\(short),Lê Văn \(unit.id),GIÁM ĐỐC\n"
        }
        try Data(units.utf8).write(to: folder.appendingPathComponent("units.csv"))
        // Last year: the first unit ranked first at the lowest index.
        var previous = "unit,index,rank\n"
        for (i, unit) in data.units.enumerated() { previous += "\(unit.id),\(60 + i),\(i + 1)\n" }
        try Data(previous.utf8).write(to: folder.appendingPathComponent("previous.csv"))
        let checked = Pipeline.check(folder)
        #expect(checked.warnings.contains { $0.message.contains("cchc does not read this column") })
        #expect(checked.warnings.contains { $0.message.contains("last year's ranks do not follow last year's indexes") })
        let problems = try Audit.render(folder)
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(12).joined(separator: "\n"))")
    }

    /// The auditor's sentence check finds a quotient that is not the printed one.
    @Test func aQuotientThatIsNotThePrintedOneIsFound() {
        let text = "đạt 85,19% (79,22/93 điểm); đạt 85,18% (79,22/93 điểm)"
        #expect(Audit.quotients(text, precision: 2) == ["prints 85.19% for 79.22/93, which is 85.18%"])
    }

    /// Printed parts that do not add up to their printed total are found, to the last decimal.
    @Test func printedPartsThatDoNotAddUpAreFound() {
        func cell(_ text: String) -> AuditedTable.Cell { .init(text: text, value: nil, max: nil, isNumber: true) }
        let table = AuditedTable(
            id: "t", columns: ["Nội dung", "Điểm tối đa", "Điểm đạt"],
            rows: [
                .init(cells: [cell("Thẩm định"), cell("66,50"), cell("57,57")]),
                .init(cells: [cell("ĐT XHH"), cell("23,50"), cell("5,95")]),
                .init(cells: [cell("SIPAS"), cell("10,00"), cell("24,23")]),
                .init(cells: [cell("Tổng điểm"), cell("100,00"), cell("87,74")]),
            ])
        #expect(table.methodTotals() == ["'Tổng điểm' row's 'Điểm đạt' prints 87,74, the methods add up to 87.75"])
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
                problems += table.appraisalTotals(results).map { "\(at): \($0)" }
            }
            if file == "bao-cao-tham-dinh.xml" {
                problems += AuditedTable.appraisalReportAddsUp(tables).map { "\(file): \($0)" }
            }
            let xml = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            problems += quotients(xml, precision: results.precision).map { "\(file): \($0)" }
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

    /// Every "đạt 85,18% (79,22/93 điểm)" of a text: the printed percentage is the printed
    /// score ÷ the printed max × 100, rounded to the plan's decimals.
    static func quotients(_ text: String, precision: Int) -> [String] {
        let pattern = try! NSRegularExpression(
            pattern: "([0-9][0-9.]*(?:,[0-9]+)?)% \\(([0-9][0-9.]*(?:,[0-9]+)?)/([0-9][0-9.]*(?:,[0-9]+)?) điểm\\)")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { m in
            func group(_ i: Int) -> Decimal? { AuditedTable.printedNumber(String(text[Range(m.range(at: i), in: text)!])) }
            guard let percent = group(1), let score = group(2), let max = group(3), max > 0 else { return nil }
            let quotient = Points(score * 100 / max).roundedHalfUp(precision).decimal
            return quotient == percent ? nil : "prints \(percent)% for \(score)/\(max), which is \(quotient)%"
        }
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
