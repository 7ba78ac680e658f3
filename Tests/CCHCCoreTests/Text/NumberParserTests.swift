import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

@Suite struct NumberParserTests {
    @Test(arguments: [
        ("1,25", "1.25"), ("1.25", "1.25"), ("0", "0"), (" 8,5 ", "8.5"), ("9.20", "9.2"), ("100", "100"),
        ("0,76939", "0.76939"), ("+2", "2"),
    ])
    func acceptsDecimalCommaOrPoint(text: String, expected: String) throws {
        let value = try NumberParser.points(text).get()
        #expect(value == Points(expected))
    }

    @Test(arguments: [
        ("1.234,5", NumberParser.Problem.thousandsSeparator), ("1.234.567", .thousandsSeparator),
        ("1,234,5", .thousandsSeparator), ("abc", .notANumber), ("1e5", .notANumber), ("", .empty), ("-1", .negative),
        ("1,", .notANumber), (",5", .notANumber), ("8,5đ", .notANumber),
    ])
    func rejects(text: String, problem: NumberParser.Problem) {
        #expect(NumberParser.points(text) == .failure(problem))
    }

    @Test(arguments: [("83,84%", "0.8384"), ("0,8384", "0.8384"), ("100%", "1"), ("80 %", "0.8")])
    func ratios(text: String, expected: String) throws {
        #expect(try NumberParser.ratio(text).get() == Points(expected))
    }

    @Test func nineTwentyIsExact() throws {
        // Through Double, 9.20 became 9.1999….
        #expect(try NumberParser.points("9,20").get().description == "9.2")
    }
}
