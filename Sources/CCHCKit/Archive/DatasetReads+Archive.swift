import CCHCCore
import CCHCInput
import CCHCStore
import Foundation

extension DatasetReads {
    /// Refuses file `name` whose bytes now (`data`) are not the ones read: changed, read twice with
    /// different bytes, or not read at all (it appeared while the run went on).
    package func requireSame(_ name: String, _ data: Data) throws {
        let read = hashes(of: name)
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
