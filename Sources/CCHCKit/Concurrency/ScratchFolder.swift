import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A new, empty folder under the system's temporary folder, for work nobody else sees (archive
/// and `verify --rerender` render into one), removed when done.
struct ScratchFolder: Sendable {
    let url: URL

    /// `purpose` goes into the name (`cchc-archive-<pid>-<n>`), so a leftover tells what left it.
    init(_ purpose: String) throws {
        let number = Self.numbers.add(1, ordering: .relaxed).newValue
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-\(purpose)-\(getpid())-\(number)")
        try? FileManager.default.removeItem(at: url)  // a folder of a process that had this id before
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw RenderError.write(path: url.path, reason: error.localizedDescription)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    private static let numbers = Atomic<Int>(0)
}
