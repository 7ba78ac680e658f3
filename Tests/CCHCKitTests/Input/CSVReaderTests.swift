import Foundation
import Testing

@testable import CCHCKit

@Suite struct CSVReaderTests {
    private func read(_ text: String) -> (CSVTable?, [Diagnostic]) {
        var d = DiagnosticEngine()
        let table = CSVReader.read(Data(text.utf8), file: "t.csv", diagnostics: &d)
        return (table, d.diagnostics)
    }

    @Test func quotedFieldsKeepCommasQuotesAndNewlines() throws {
        let (table, diagnostics) = read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\n4,5,6\n")
        #expect(diagnostics.isEmpty)
        let t = try #require(table)
        #expect(t.rows[0].fields == ["x, y", "say \"hi\"", "line1\nline2"])
        #expect(t.rows[0].line == 2)
        #expect(t.rows[1].line == 4, "a record after a quoted newline starts on the next physical line")
    }

    @Test(arguments: [
        ("a,b\n1,2\n", Character(",")), ("a;b\n1,5;2\n", ";"), ("unit;code;self\nx;1;1,5\n", ";"),
        ("\"a;b\",c\n1,2\n", ","),
    ])
    func separatorIsDetectedFromTheHeader(text: String, separator: Character) throws {
        let t = try #require(read(text).0)
        #expect(t.separator == separator)
        #expect(t.header.count == 2 || t.header.count == 3)
    }

    @Test func bomAndCRLFAreAccepted() throws {
        let (table, diagnostics) = read("\u{FEFF}id,name\r\n1,Sở Nội vụ\r\n")
        #expect(diagnostics.isEmpty)
        let t = try #require(table)
        #expect(t.header == ["id", "name"])
        #expect(t.rows[0].fields == ["1", "Sở Nội vụ"])
    }

    @Test func textIsNormalisedToNFC() throws {
        let decomposed = "Nguye\u{0302}\u{0303}n"
        let t = try #require(read("name\n\(decomposed)\n").0)
        #expect(Array(t.rows[0].fields[0].utf8) == Array("Nguyễn".precomposedStringWithCanonicalMapping.utf8))
    }

    @Test func unterminatedQuoteNamesTheLineItOpened() {
        let (table, d) = read("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(table == nil)
        #expect(d.map(\.line) == [3])
        #expect(d[0].message.contains("unterminated"))
    }

    @Test func wrongFieldCountIsReportedPerRow() {
        let (_, d) = read("a,b,c\n1,2\n1,2,3\n1,2,3,4\n")
        #expect(d.map(\.line) == [2, 4])
        #expect(d[0].message.contains("found 2 fields; expected 3"))
    }

    @Test func emptyFileIsAnError() {
        let (table, d) = read("")
        #expect(table == nil)
        #expect(d.first?.message.contains("empty") == true)
    }

    @Test func textAfterClosingQuoteIsAnError() {
        let (_, d) = read("a,b\n\"x\"y,2\n")
        #expect(d.map(\.line) == [2])
    }

    @Test func encodingsAreNamed() {
        var d = DiagnosticEngine()
        _ = TextDecoder.decode(Data([0xFF, 0xFE, 0x61, 0x00]), file: "u.csv", diagnostics: &d)
        #expect(d.diagnostics.first?.message.contains("UTF-16") == true)

        d = DiagnosticEngine()
        // A Windows-1258 export: byte 0xFE is a letter there but never valid UTF-8.
        _ = TextDecoder.decode(Data([0x61, 0x0A, 0x53, 0xFE, 0x0A]), file: "w.csv", diagnostics: &d)
        #expect(d.diagnostics.first?.line == 2)
        #expect(d.diagnostics.first?.message.contains("not valid UTF-8") == true)

        d = DiagnosticEngine()
        _ = TextDecoder.decode(Data([0x61, 0x0A, 0x00, 0x01]), file: "b.csv", diagnostics: &d)
        #expect(d.diagnostics.first?.message.contains("NUL") == true)
    }
}
