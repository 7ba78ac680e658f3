import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A new, empty folder under the system's temporary folder, for work nobody else sees (archive
/// and `verify --rerender` render into one, the PDF browser keeps its profile in one), removed
/// when done. The first one a process makes also removes those of killed runs (`kill -9`, a
/// power cut): folders of this form whose process is gone.
package struct ScratchFolder: Sendable {
    package let url: URL

    /// `purpose` goes into the name (`cchc-archive-<pid>-<n>`), so a leftover tells what left it.
    package init(_ purpose: String) throws {
        _ = Self.leftoversRemoved
        let number = Self.numbers.add(1, ordering: .relaxed).newValue
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-\(purpose)-\(getpid())-\(number)")
        try? FileManager.default.removeItem(at: url)  // a folder of a process that had this id before
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw RenderError.write(path: url.path, reason: error.localizedDescription)
        }
    }

    package func remove() { try? FileManager.default.removeItem(at: url) }

    private static let numbers = Atomic<Int>(0)

    /// The purposes of cchc's scratch folders.
    package static let purposes = ["archive", "verify", "pdf"]

    /// Removes, once a process, the scratch folders of runs whose process is gone.
    private static let leftoversRemoved: Void = removeLeftovers()

    /// Removes the scratch folders in the temporary folder whose process is gone.
    package static func removeLeftovers() {
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] {
            guard let pid = leftoverProcess(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }

    /// The process that made scratch folder `name` (`cchc-pdf-4242-1` → 4242); `nil` for any
    /// other name (only the exact form cchc makes is ever removed).
    package static func leftoverProcess(_ name: String) -> pid_t? {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "cchc", purposes.contains(String(parts[1])),
            parts[2].allSatisfy(\.isASCII), parts[3].allSatisfy(\.isASCII), let pid = Int32(parts[2]), pid > 0,
            Int(parts[3]) != nil
        else { return nil }
        return pid
    }
}
