import CCHCCore
import Foundation

/// A seeded mutator in the manner of libFuzzer's: byte flips, inserts of interesting bytes,
/// deletions, duplications, splices and truncations of corpus inputs. Deterministic for a seed.
package struct Mutator {
    private var random: SplitMix
    package let corpus: [[UInt8]]

    package static let interesting: [[UInt8]] = [
        [0x22], [0x2C], [0x3B], [0x0A], [0x0D, 0x0A], [0x00], [0xFF], [0xC3], [0xE1, 0xBB],
        [0xEF, 0xBB, 0xBF], [0x25], [0x2D], [0x2E], [0x3A], [0x5B], [0x7B], [0x26], [0x2A], [0x21], [0x7C], [0x3E], [0x23],
        Array("N/A".utf8), Array("99999999999999999999999".utf8), Array("1.2.3.4.5.6.7".utf8), Array("-1".utf8),
        Array("1,5".utf8), Array("  ".utf8), Array("\t".utf8), Array("year: ".utf8), Array("!!binary".utf8), Array("&a *a".utf8),
    ]

    package init(seed: UInt64, corpus: [[UInt8]]) {
        random = SplitMix(seed: seed)
        self.corpus = corpus
    }

    private mutating func pick(_ n: Int) -> Int { n <= 1 ? 0 : Int(random.next() % UInt64(n)) }

    package mutating func next() -> [UInt8] {
        var input = corpus[pick(corpus.count)]
        for _ in 0...pick(4) { mutate(&input) }
        return input
    }

    private mutating func mutate(_ b: inout [UInt8]) {
        let at = pick(b.count + 1)
        switch pick(7) {
        case 0 where !b.isEmpty: b[min(at, b.count - 1)] ^= UInt8(1 << pick(8))
        case 1: b.insert(contentsOf: Self.interesting[pick(Self.interesting.count)], at: at)
        case 2 where !b.isEmpty: b.removeSubrange(min(at, b.count - 1)..<min(b.count, at + 1 + pick(8)))
        case 3 where !b.isEmpty:
            let start = min(at, b.count - 1)
            let chunk = Array(b[start..<min(b.count, start + 1 + pick(16))])
            b.insert(contentsOf: chunk, at: pick(b.count + 1))
        case 4:
            let other = corpus[pick(corpus.count)]
            b = Array(b.prefix(at)) + Array(other.suffix(max(0, other.count - pick(other.count + 1))))
        case 5: b = Array(b.prefix(at))
        default: b.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
        }
    }

    package static func corpus(_ folder: String) -> [[UInt8]] {
        let dir = TestPaths.packageRoot.appendingPathComponent("Tests/CCHCKitTests/Fixtures/fuzz/\(folder)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
            .compactMap { FileManager.default.contents(atPath: dir.appendingPathComponent($0).path).map { [UInt8]($0) } }
    }

    /// Iterations per target: a fixed budget in the tests, more with CCHC_FUZZ_ITERATIONS.
    package static var budget: Int { ProcessInfo.processInfo.environment["CCHC_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 3000 }
}
