import CCHCCore
import Crypto
import Foundation

/// Sổ lưu trữ: the store's append-only log of the records put into it. Each entry names a record
/// and the SHA-256 of its manifest, chains the SHA-256 of the entry before it (like a git history
/// or a transparency log) and is signed with the archivist's key when one is given; the head
/// file names the last entry and is signed the same way. So a record removed, an entry removed
/// or changed, or the log's tail cut off is detected by `verify`.
///
///     STORE/store-log.jsonl    one entry a line, in order
///     STORE/store-head.json    {"entries": N, "head": SHA-256 of line N, "signature": …}
package struct StoreLog: Sendable {
    package static let fileName = "store-log.jsonl"
    package static let headName = "store-head.json"
    /// The `previous` of the first entry.
    package static let origin = String(repeating: "0", count: 64)

    /// One record put into the store.
    package struct Entry: Codable, Equatable, Sendable {
        /// 1 for the first entry, then one more each.
        package var seq: Int
        package var record: String
        /// SHA-256 of the record's manifest.json as archived.
        package var manifest: String
        /// SHA-256 of the previous entry's line (`origin` for the first).
        package var previous: String
        /// Ed25519 over `signedText`, base64; absent when archived without a key.
        package var signature: String?

        package init(seq: Int, record: String, manifest: String, previous: String, signature: String? = nil) {
            self.seq = seq
            self.record = record
            self.manifest = manifest
            self.previous = previous
            self.signature = signature
        }

        package var signedText: Data { Data("cchc-store-log/1\n\(seq)\n\(record)\n\(manifest)\n\(previous)\n".utf8) }

        /// The entry as its line of the log (without the line break).
        package func line() throws -> Data { try StoreLog.encoder.encode(self) }
    }

    /// The last entry of the log, signed: a log cut short no longer ends where its head says.
    package struct Head: Codable, Equatable, Sendable {
        package var entries: Int
        package var head: String
        package var signature: String?

        package var signedText: Data { Data("cchc-store-head/1\n\(entries)\n\(head)\n".utf8) }

        package func encoded() throws -> Data { try StoreLog.encoder.encode(self) + Data("\n".utf8) }
    }

    /// The entries and the exact bytes of each line (hashes are taken over the bytes).
    package var entries: [Entry] = []
    package var lines: [Data] = []

    /// The hash the next entry chains.
    package var lastHash: String { lines.last.map(Hashing.sha256) ?? Self.origin }

    /// The head that names the log as it is.
    package var head: Head { Head(entries: entries.count, head: lastHash, signature: nil) }

    /// The log with `entry` appended.
    package func appending(_ entry: Entry) throws -> StoreLog {
        var log = self
        log.entries.append(entry)
        log.lines.append(try entry.line())
        return log
    }

    /// The next entry for `record`, signed with `key` when given.
    package func nextEntry(record: String, manifest: Data, key: Curve25519.Signing.PrivateKey?) throws -> Entry {
        var entry = Entry(
            seq: entries.count + 1, record: record, manifest: Hashing.sha256(manifest), previous: lastHash, signature: nil)
        entry.signature = try key?.signature(for: entry.signedText).base64EncodedString()
        return entry
    }

    /// The log's bytes: one line per entry.
    package func encoded() -> Data { lines.reduce(into: Data()) { $0 += $1 + Data("\n".utf8) } }

    /// Reads a log; lines that are not entries are returned as problems (`store-log.jsonl:3: …`).
    package static func parse(_ data: Data) -> (log: StoreLog, problems: [String]) {
        var log = StoreLog()
        var problems: [String] = []
        let rawLines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (i, raw) in rawLines.enumerated() {
            if raw.isEmpty && i == rawLines.count - 1 { break }
            guard let entry = try? JSONDecoder().decode(Entry.self, from: Data(raw)) else {
                problems.append("\(fileName):\(i + 1): not a log entry; expected one JSON entry a line as cchc writes it")
                continue
            }
            log.entries.append(entry)
            log.lines.append(Data(raw))
        }
        return (log, problems)
    }

    package static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()
}

/// What an archive run is about to do, written before the record is moved into place: if the
/// run is killed, the next run finds it and completes the log (or drops it when the record never
/// arrived), so the store never stays in a state that `verify` reports forever.
package struct PendingEntry: Codable, Sendable {
    package static let fileName = "pending-log-entry.json"

    package var entry: StoreLog.Entry
    package var head: StoreLog.Head

    package init(entry: StoreLog.Entry, head: StoreLog.Head) {
        self.entry = entry
        self.head = head
    }

    package func encoded() throws -> Data { try StoreLog.encoder.encode(self) + Data("\n".utf8) }
}

extension Curve25519.Signing.PublicKey {
    /// Whether `signature` (base64) is this key's signature of `data`.
    package func verifies(_ signature: String?, of data: Data) -> Bool {
        guard let signature, let raw = Data(base64Encoded: signature) else { return false }
        return isValidSignature(raw, for: data)
    }
}
