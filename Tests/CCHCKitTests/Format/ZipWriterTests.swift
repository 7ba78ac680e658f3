import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit
@testable import CCHCWriters

/// `ZipWriter`, the fast path every .docx and .xlsx is zipped with, held to ZIPFoundation (its reference):
/// the same parts give the same bytes at zlib's default level, and at the level cchc uses a
/// ZIPFoundation reader gets every part back whole, CRC-checked.
@Suite struct ZipWriterTests {
    static func documents() throws -> [OfficialDocument] {
        let checked = Pipeline.check(TestPaths.input("an-giang-2022"))
        let dataset = try #require(checked.dataset)
        let results = try #require(checked.results)
        return try DocumentSet.build(dataset, results)
    }

    @Test func everyDocxIsTheBytesZIPFoundationWritesAtTheSameLevel() throws {
        let documents = try Self.documents()
        #expect(documents.count == 101)
        for d in documents {
            let parts = DocxWriter.parts(d, deflate: .zlibDefault)
            var zip = ZipWriter()
            for (path, method, bytes) in parts { try zip.add(path, ZipWriter.Entry(bytes, method: method)) }
            let reference = try ZipWriter.reference(parts.map { (path: $0.0, bytes: $0.2, method: $0.1) })
            #expect(zip.finish() == reference, "\(d.path).docx")
        }
    }

    @Test func whatCchcWritesReadsBackPartByPart() throws {
        for d in try Self.documents().prefix(12) {
            let package = try DocxPackage(try DocxWriter.write(d))
            let parts = DocxWriter.parts(d)
            #expect(package.names == parts.map(\.0), "\(d.path)")
            for (path, _, bytes) in parts { #expect(package.parts[path].map(Array.init) == bytes, "\(d.path): \(path)") }
        }
    }

    /// Every sample's results.xlsx, zipped by cchc at zlib's default level, is the bytes
    /// ZIPFoundation writes for the same parts (what it wrote before ZipWriter zipped workbooks).
    @Test func everyResultsWorkbookIsTheBytesZIPFoundationWrites() throws {
        for sample in ["an-giang-2022", "ha-nam-2018", "quang-binh-2021"] {
            let results = try #require(Pipeline.check(TestPaths.input(sample)).results)
            let workbook = ResultsWorkbook.make(results)
            let reference = try ZipWriter.reference(
                workbook.parts().map { (path: $0.0, bytes: Array($0.1.utf8), method: ZipWriter.Method.zlibDefault) })
            #expect(try [UInt8](workbook.data()) == reference, "\(sample)")
        }
    }

    @Test func storedAndEmptyEntriesAsZIPFoundationWritesThem() throws {
        let entries: [(path: String, bytes: [UInt8], method: ZipWriter.Method)] = [
            ("empty.txt", [], .stored), ("a/b.xml", Array("<a>Sở Nội vụ</a>".utf8), .stored),
            ("c.xml", Array(String(repeating: "<w:p/>", count: 5000).utf8), .zlibDefault),
        ]
        var zip = ZipWriter()
        for e in entries { try zip.add(e.path, ZipWriter.Entry(e.bytes, method: e.method)) }
        #expect(zip.finish() == (try ZipWriter.reference(entries)))
    }
}
