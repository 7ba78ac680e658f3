import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit

/// Fuzzing with a seeded mutator for a fixed budget. A crash or a hang fails the run; every
/// input that ever crashed or hung is kept in `regressions` below and in the corpus.
@Suite(.timeLimit(.minutes(5))) struct FuzzTests {
    @Test func csvReaderNeverCrashesAndAlwaysExplains() {
        var mutator = Mutator(seed: 0xC5F, corpus: Mutator.corpus("csv"))
        for _ in 0..<Mutator.budget { checkCSV(mutator.next()) }
    }

    @Test func planLoaderNeverCrashesAndAlwaysExplains() {
        var mutator = Mutator(seed: 0x9A1, corpus: Mutator.corpus("yaml"))
        for _ in 0..<Mutator.budget { checkPlan(mutator.next()) }
    }

    @Test func thePipelineNeverCrashesOnAMutatedFile() throws {
        let names = ["framework.csv", "units.csv", "scores.csv", "survey.csv", "previous.csv", "plan.yaml"]
        let scratch = try ScratchDataset()
        defer { scratch.remove() }
        var mutator = Mutator(seed: 0x51E, corpus: names.compactMap { ScratchDataset.example[$0].map { Array($0.utf8) } })
        for i in 0..<(Mutator.budget / 10) {
            let name = names[i % names.count]
            let original = ScratchDataset.example[name] ?? ""
            try scratch.write(name, bytes: mutator.next())
            let checked = scratch.check()
            if checked.passes(strict: false) { #expect(checked.results != nil) } else { #expect(checked.results == nil) }
            try scratch.write(name, bytes: Array(original.utf8))
        }
    }

    /// Inputs that once misbehaved (none found so far by this mutator; keep adding).
    static let regressions: [[UInt8]] = [
        Array("a,b\n\"".utf8), Array("\"".utf8), Array("\u{FEFF}".utf8), Array("\r".utf8), [0xEF, 0xBB], [0xC3],
    ]

    @Test(arguments: regressions)
    func regressionInputs(input: [UInt8]) {
        checkCSV(input)
        checkPlan(input)
    }

    private func checkCSV(_ bytes: [UInt8]) {
        var d = DiagnosticEngine()
        let table = CSVReader.read(Data(bytes), file: "f.csv", diagnostics: &d)
        let lines = bytes.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
        #expect(table != nil || d.hasErrors, "a rejected file must say why")
        for diagnostic in d.diagnostics { #expect((diagnostic.line ?? 1) >= 1 && (diagnostic.line ?? 1) <= lines) }
        if let table { #expect(table.rows.allSatisfy { $0.fields.count == table.header.count }) }
    }

    private func checkPlan(_ bytes: [UInt8]) {
        var d = DiagnosticEngine()
        let plan = PlanLoader.load(Data(bytes), diagnostics: &d)
        #expect(plan != nil || d.hasErrors, "a rejected plan must say why")
    }
}

/// The sheet readers under mutated sheet XML: the byte scanner and libxml2 never crash, trap on an
/// integer or run away with memory, and agree on every sheet both read; the crashers of issue 26
/// (row 2⁶³−1 then a row without `r`, date serials 2⁶³−1 and 1e30, `r="-5"`, a cell past XFD)
/// are the seeds.
@Suite(.timeLimit(.minutes(5))) struct SheetFuzzTests {
    @Test func theSheetReadersNeverCrashAndAgree() throws {
        var mutator = Mutator(seed: 0x5EE7, corpus: Mutator.corpus("sheet"))
        let workbook = try Workbook(
            try HandWrittenWorkbook(
                sheets: [.init(name: "s", rows: "")], sharedStrings: ["<t>a</t>"],
                styles: "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>"
            ).data())
        for _ in 0..<Mutator.budget {
            let part = Data(mutator.next())
            let reference = try? SheetReader.rows(part)
            if let fast = SheetScanner.rows(part), let reference {
                #expect(fast.map(\.line) == reference.map(\.line) && fast.map(\.cells) == reference.map(\.cells))
            }
            guard let reference else { continue }
            for row in reference {
                #expect(row.line >= 1 && row.line <= SheetReader.lastRow)
                #expect(row.cells.allSatisfy { $0.column >= 1 && $0.column <= SheetReader.lastColumn })
            }
            var found = DiagnosticEngine()
            let rows = SheetReader.convert(reference, workbook, SourceName("f.xlsx", sheet: "s"), &found)
            _ = SheetReader.table(rows, file: SourceName("f.xlsx", sheet: "s"), diagnostics: &found)
        }
    }
}
