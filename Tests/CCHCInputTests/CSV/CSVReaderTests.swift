import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput

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

    /// A large file is read in two halves at once; the records and problems must be exactly those
    /// of one reader going through the whole file, wherever the middle falls.
    @Test(arguments: [
        ("plain rows", ""),
        ("CRLF and blank lines", "crlf"),
        ("a quoted field with line breaks across the middle", "quoted"),
        ("an unterminated quote in the second half", "unterminated"),
        ("text after a closing quote in the first half", "afterQuote"),
        ("a stray quote inside a field", "stray"),
    ])
    func halvesReadAsOneReaderWould(_ name: String, _ variant: String) {
        var lines = ["unit,code,evidence"]
        for i in 0..<40_000 { lines.append("xa\(i),\(i % 48 + 1),Báo cáo số \(i)/BC-UBND ngày 15/12/2025") }
        let eol = variant == "crlf" ? "\r\n" : "\n"
        switch variant {
        case "crlf": for i in stride(from: 3, to: lines.count, by: 997) { lines[i] += eol }  // a blank line
        case "quoted": lines[20_000] = "xa,1,\"" + String(repeating: "dòng\n", count: 4_000) + "\""
        case "unterminated": lines[30_000] = "xa,1,\"never closed"
        case "afterQuote": lines[5_000] = "xa,1,\"closed\" then text"
        case "stray": lines[20_001] = "xa,1,nói \"rõ\" ở giữa"
        default: break
        }
        let bytes = Array(lines.joined(separator: eol).utf8) + Array(eol.utf8)
        #expect(bytes.count > CSVReader.splitSize, "large enough to be split")
        if variant == "quoted" {
            // The middle, where the second half would start, lies inside the quoted field.
            let start = (lines[..<20_000].joined(separator: eol) + eol).utf8.count
            #expect(start < bytes.count / 2 && bytes.count / 2 < start + lines[20_000].utf8.count)
        }
        var split = DiagnosticEngine()
        var whole = DiagnosticEngine()
        let halves = CSVReader.records(bytes, separator: 0x2C, file: "t.csv", diagnostics: &split)
        let one = CSVReader.records(bytes, separator: 0x2C, file: "t.csv", splitSize: .max, diagnostics: &whole)
        #expect(split.diagnostics == whole.diagnostics, "\(name)")
        #expect(halves?.count == one?.count, "\(name)")
        // Compared as one flag each: a failure would otherwise print 40.000 lines.
        let sameLines = halves?.map(\.line) == one?.map(\.line)
        let sameFields = halves?.map(\.fields) == one?.map(\.fields)
        #expect(sameLines, "\(name): line numbers differ")
        #expect(sameFields, "\(name): fields differ")
        switch variant {
        case "unterminated", "afterQuote": #expect(one == nil && whole.diagnostics.count == 1)
        default: #expect(one?.count == 40_001)
        }
        if variant == "unterminated" { #expect(whole.diagnostics.first?.line == 30_001) }
        if variant == "quoted" { #expect(one?.last?.line == 40_001 + 4_000) }
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
