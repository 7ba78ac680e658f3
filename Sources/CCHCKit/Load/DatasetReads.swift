import Crypto
import Foundation

/// What a run read of a dataset folder: the SHA-256 of each file's bytes as the loader read them.
/// `cchc archive` records the files it loads and refuses to archive a file whose bytes are not
/// those it loaded (scores.csv saved again while the archive ran), so a record's dataset always
/// gives its own documents.
final class DatasetReads: @unchecked Sendable {
    let folder: String
    private let hashes = Locked<[String: Set<String>]>([:])

    /// The recordings running now (one per archive of the process).
    private static let active = Locked<[DatasetReads]>([])

    private init(_ folder: URL) { self.folder = folder.standardizedFileURL.path }

    /// Starts recording what is read of `folder`, until `stop()`.
    static func start(_ folder: URL) -> DatasetReads {
        let reads = DatasetReads(folder)
        active.withLock { $0.append(reads) }
        return reads
    }

    func stop() { Self.active.withLock { $0.removeAll { $0 === self } } }

    /// `data` was read as file `name` of `folder`: noted by every recording of that folder.
    static func note(_ data: Data, name: String, in folder: URL) {
        let path = folder.standardizedFileURL.path
        let recordings = active.withLock { list in list.filter { $0.folder == path } }
        guard !recordings.isEmpty else { return }
        let sha = Hashing.sha256(data)
        for reads in recordings { reads.hashes.withLock { $0[name, default: []].insert(sha) } }
    }

    /// Refuses file `name` whose bytes now (`data`) are not the ones read: changed, read twice with
    /// different bytes, or not read at all (it appeared while the run went on).
    func requireSame(_ name: String, _ data: Data) throws {
        let read = hashes.withLock { $0[name] } ?? []
        guard read == [Hashing.sha256(data)] else {
            throw ArchiveError.refusedInput(
                path: folder + "/" + name,
                reason: read.isEmpty
                    ? "appeared after the dataset was read for this archive; archive again"
                    : "changed while it was being archived (its bytes are not those the documents were made from); archive again"
            )
        }
    }
}
