import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The test's side of `CCHC_HOLD_AT` (FaultPoint): a child `cchc` stops the n-th time it reaches
/// a step and says so; the test waits for that (no sleep, no polling), acts (kills it, signals
/// it, looks at its output) and may let it go on.
package struct Barrier {
    package let folder: URL

    /// A barrier at the `count`-th time a process reaches `step`.
    package init(_ step: String, _ count: Int = 1) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-barrier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["held", "go"] where mkfifo(folder.appendingPathComponent(name).path, 0o600) != 0 {
            throw CocoaError(.fileWriteUnknown)
        }
        environment = ["CCHC_HOLD_AT": "\(step)#\(count):\(folder.path)"]
    }

    /// What the child's environment needs for it.
    package let environment: [String: String]

    /// Waits until the child holds at the step; false when it did not within `seconds` (it ended,
    /// or never reached the step).
    package func waitUntilHeld(seconds: Int32 = 120) -> Bool {
        let fd = open(folder.appendingPathComponent("held").path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&waiting, 1, seconds * 1000) == 1, waiting.revents & Int16(POLLIN) != 0 else { return false }
        var byte: UInt8 = 0
        return read(fd, &byte, 1) == 1
    }

    /// Lets the held child go on.
    package func release() {
        let fd = open(folder.appendingPathComponent("go").path, O_WRONLY | O_NONBLOCK)
        guard fd >= 0 else { return }  // no reader: the child is gone
        _ = write(fd, "go\n", 3)
        close(fd)
    }

    package func remove() { try? FileManager.default.removeItem(at: folder) }
}
