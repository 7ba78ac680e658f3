import Foundation

/// A value that several threads share, read and changed only while its lock is held.
///
/// The lock is a POSIX mutex (Foundation's `NSLock`), not the standard library's `Mutex`: on
/// Linux a contended `Mutex` is handed from one thread to the next inside the kernel (a
/// priority-inheriting futex), where ThreadSanitizer cannot see it, and the sanitizer then
/// reports every such handover as a race on the value (CI failed on the DevTools pipe's
/// writers). A POSIX mutex is one the sanitizer knows; uncontended, both cost the same beside
/// the work done under them here (a document, a PDF, a unit).
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value  // guarded by `lock`

    package init(_ value: Value) { self.value = value }

    /// `body` on the value, the lock held (and released when `body` throws).
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
