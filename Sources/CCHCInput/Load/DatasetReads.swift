import CCHCCore
import Crypto
import Foundation

/// What a run read of a dataset folder: the SHA-256 of each file's bytes as the loader read them.
/// `cchc archive` records the files it loads and refuses to archive a file whose bytes are not
/// those it loaded (scores.csv saved again while the archive ran), so a record's dataset always
/// gives its own documents.
package final class DatasetReads: @unchecked Sendable {
    package let folder: String
    private let hashes = Locked<[String: Set<String>]>([:])

    /// The SHA-256 of each version of file `name` the loader read (one, unless it changed between reads).
    package func hashes(of name: String) -> Set<String> { hashes.withLock { $0[name] } ?? [] }

    /// The recordings running now (one per archive of the process).
    private static let active = Locked<[DatasetReads]>([])

    private init(_ folder: URL) { self.folder = folder.standardizedFileURL.path }

    /// Starts recording what is read of `folder`, until `stop()`.
    package static func start(_ folder: URL) -> DatasetReads {
        let reads = DatasetReads(folder)
        active.withLock { $0.append(reads) }
        return reads
    }

    package func stop() { Self.active.withLock { $0.removeAll { $0 === self } } }

    /// `data` was read as file `name` of `folder`: noted by every recording of that folder.
    package static func note(_ data: Data, name: String, in folder: URL) {
        let path = folder.standardizedFileURL.path
        let recordings = active.withLock { list in list.filter { $0.folder == path } }
        guard !recordings.isEmpty else { return }
        let sha = Hashing.sha256(data)
        for reads in recordings { reads.hashes.withLock { $0[name, default: []].insert(sha) } }
    }

}
