import Crypto
import Foundation

/// SHA-256 as lowercase hex.
package enum Hashing {
    package static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
