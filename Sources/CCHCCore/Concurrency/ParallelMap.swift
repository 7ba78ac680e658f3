import Foundation
import Synchronization

/// Work spread over every core, with results in index order, so the output never depends on
/// scheduling.
package enum Parallel {
    /// How many workers to start for `count` items.
    package static func workers(for count: Int) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
    }

    /// `body(i)` for every `i` in `0..<count`, each worker taking the next index not yet taken,
    /// so that a few long items do not leave a core idle while the other works through them.
    /// Put the longest items first.
    package static func map<Value: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        guard count > 1 else { return (0..<count).map(body) }
        let workers = workers(for: count)
        let next = Atomic<Int>(0)
        // Each result goes into its own slot; the lock is taken once per item (a document, a
        // unit), which costs nothing beside the item's own work.
        let results = Locked<[Value?]>(Array(repeating: nil, count: count))
        withoutActuallyEscaping(body) { body in
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < count else { return }
                    let value = body(i)
                    results.withLock { $0[i] = value }
                }
            }
        }
        return results.withLock { slots in slots.map { $0! } }
    }
}

extension Parallel {
    /// `first()` and `second()` at once: `second` in the background, `first` on this thread, so
    /// that a parallel loop inside `first` still gets every core (a loop nested inside
    /// `concurrentPerform` runs on one). Returns both results.
    package static func both<A, B>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let other = Background(second)
        let a = first()
        guard case .success(let b) = other.result() else { preconditionFailure("Parallel.both: `second` cannot throw") }
        return (a, b)
    }
}
