import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// The lock every shared value of cchc sits behind. Its contended path is the one that matters:
/// the DevTools pipe's writers wait for each other there on every PDF.
@Suite struct LockedTests {
    /// Four threads add to one counter at once, each pausing with the lock held so that the
    /// others wait for it: the total is exact. Under ThreadSanitizer (scripts/sanitizers.sh) this
    /// is also the test that the handover between waiting threads is one the sanitizer sees: the
    /// standard library's `Mutex` hands a contended lock over inside the kernel on Linux, and the
    /// sanitizer reported every such handover as a race on the value.
    @Test func contendedCounterIsExact() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<5_000 {
                counter.withLock { value in
                    value += 1
                    if value % 64 == 0 { usleep(0) }  // yield with the lock held: the others wait
                }
            }
        }
        #expect(counter.withLock { $0 } == 20_000)
    }

    /// An error thrown inside leaves the lock free and the value as `body` left it.
    @Test func throwingBodyReleasesTheLock() {
        struct Refused: Error {}
        let names = Locked<[String]>([])
        #expect(throws: Refused.self) {
            try names.withLock { list in
                list.append("plan")
                throw Refused()
            }
        }
        names.withLock { $0.append("report") }
        #expect(names.withLock { $0 } == ["plan", "report"])
    }

    /// Every shared value sits behind `Locked`: no `Mutex` of the standard library is left in the
    /// code or its tests (ThreadSanitizer's reports on one stopped CI, a flaky red each time two
    /// prints met at the pipe). Comments may name it.
    @Test func noStandardMutexIsLeft() throws {
        let standard = "Mu" + "tex"  // so that this line does not find itself
        var found: [String] = []
        for folder in ["Sources", "Tests"] {
            let root = TestPaths.packageRoot.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                guard file.pathExtension == "swift" else { continue }
                let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                for (number, line) in lines.enumerated() {
                    let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                    if code.contains(standard + "<") || code.contains(standard + "(") {
                        found.append("\(file.path.dropFirst(TestPaths.packageRoot.path.count + 1)):\(number + 1)")
                    }
                }
            }
        }
        #expect(found.isEmpty, "use Locked instead of Mutex at \(found.joined(separator: ", "))")
    }
}
