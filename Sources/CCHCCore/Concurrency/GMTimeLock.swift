/// `gmtime`'s result is one buffer for the whole process. ZIPFoundation dates every entry it
/// writes with it, so code that writes a ZIP with ZIPFoundation (the tests' reference zips and
/// hand-made workbooks) holds this lock: two writers never share the buffer.
package enum GMTimeLock {
    package static let lock = Locked(())

    package static func withLock<T>(_ body: () throws -> T) rethrows -> T { try lock.withLock { _ in try body() } }
}
