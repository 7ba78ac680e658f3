import Crypto
import Foundation

/// SHA-256 as lowercase hex.
package enum Hashing {
    package static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    package static func sha256<Bytes: ContiguousBytes>(_ bytes: Bytes) -> String {
        hex(bytes.withUnsafeBytes { SHA256.hash(data: $0) })
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: SHA256.Digest) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
