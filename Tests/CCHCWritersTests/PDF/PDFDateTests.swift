import CCHCTestSupport
import Testing

@testable import CCHCCore
@testable import CCHCWriters

/// The dates a PDF carries are the document's, never the clock's.
@Suite struct PDFDateTests {
    @Test func bothDatesAreReplacedInPlace() {
        let pdf = Array("1 0 obj <</CreationDate (D:20261204210624+00'00')\n/ModDate (D:20261204210625+00'00')>>".utf8)
        let stamped = PDFDate(PlanDate("2023-03-22"), year: 2023, environment: [:]).stamp(pdf)
        #expect(stamped.count == pdf.count)
        #expect(
            String(decoding: stamped, as: UTF8.self)
                == "1 0 obj <</CreationDate (D:20230322000000+00'00')\n/ModDate (D:20230322000000+00'00')>>")
    }

    @Test func anUndatedDocumentTakesItsYearAndSourceDateEpochWins() {
        #expect(PDFDate(nil, year: 2023, environment: [:]).text == "D:20230101000000+00'00'")
        #expect(
            PDFDate(PlanDate("2023-03-22"), year: 2023, environment: ["SOURCE_DATE_EPOCH": "86400"]).text
                == "D:19700102000000+00'00'")
    }

    @Test func aDateOfAnotherLengthIsLeftAsItIs() {
        let pdf = Array("/CreationDate (D:2026)".utf8)
        #expect(PDFDate(nil, year: 2023, environment: [:]).stamp(pdf) == pdf)
    }
}
