import Foundation

/// Work done on another thread while the caller goes on; `wait()` returns its value when it is
/// done, or rethrows its error.
package final class Background<Value>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written by the work's thread before it leaves the group; read only after `group.wait()`.
    private var outcome: Result<Value, Error>?

    package init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async(group: group) { [self] in outcome = Result { try work() } }
    }

    /// The work's value or error, once it is done.
    package func result() -> Result<Value, Error> {
        group.wait()
        guard let outcome else { preconditionFailure("Background: the work left without an outcome") }
        return outcome
    }

    @discardableResult
    package func wait() throws -> Value { try result().get() }
}
