import Foundation

/// Work done on another thread while the caller goes on; `wait()` returns when it is done and
/// rethrows its error.
final class Background: @unchecked Sendable {
    private let group = DispatchGroup()
    private var failure: Error?

    init(_ work: @escaping @Sendable () throws -> Void) {
        DispatchQueue.global().async(group: group) { [self] in
            do { try work() } catch { failure = error }
        }
    }

    func wait() throws {
        group.wait()
        if let failure { throw failure }
    }
}
