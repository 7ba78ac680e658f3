import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// The parallel loops keep order and hand back each result and error where it belongs.
@Suite struct ParallelTests {
    @Test func parallelMapKeepsIndexOrder() {
        #expect(Parallel.map(10_001) { $0 * 3 } == (0..<10_001).map { $0 * 3 })
        #expect(Parallel.map(0) { $0 }.isEmpty)
        #expect(Parallel.map(1) { "x\($0)" } == ["x0"])
        // Items of very different lengths (handed out one at a time) still come back in order.
        let uneven = Parallel.map(200) { i in (0..<(i % 7 == 0 ? 20_000 : 10)).reduce(i) { $0 &+ $1 } }
        #expect(uneven == (0..<200).map { i in (0..<(i % 7 == 0 ? 20_000 : 10)).reduce(i) { $0 &+ $1 } })
    }

    /// Two different pieces of work (scores.csv beside the other files) come back each in its
    /// place, whichever finishes first.
    @Test func bothReturnsEachResultInItsPlace() {
        let (long, short) = Parallel.both(
            { (0..<200_000).reduce(0) { $0 &+ $1 } },
            { "survey" })
        #expect(long == 19_999_900_000)
        #expect(short == "survey")
        let (text, number) = Parallel.both({ "scores" }, { (0..<200_000).reduce(1) { $0 &+ $1 } })
        #expect(text == "scores")
        #expect(number == 19_999_900_001)
    }

    /// Background work (results.json while documents render) is done when `wait` returns, and
    /// its error reaches the caller.
    @Test func backgroundWorkIsAwaitedAndItsErrorRethrown() throws {
        let done = Background {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bg-\(getpid())")
            try Data("ok".utf8).write(to: url)
            try FileManager.default.removeItem(at: url)
        }
        try done.wait()
        struct Failure: Error {}
        let failing = Background { throw Failure() }
        #expect(throws: Failure.self) { try failing.wait() }
    }
}
