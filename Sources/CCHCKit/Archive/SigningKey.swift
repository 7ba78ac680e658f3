import Crypto
import Foundation

/// Ed25519 keys in a small text format:
///
///     cchc-ed25519-private-key
///     <base64 of the 32-byte raw key>
///
/// and `cchc-ed25519-public-key` likewise for PATH.pub.
public enum SigningKey {
    static let privateHeader = "cchc-ed25519-private-key"
    static let publicHeader = "cchc-ed25519-public-key"

    /// Writes a new key pair: PATH (mode 0600) and PATH.pub. Refuses to overwrite a key.
    public static func generate(at path: URL) throws {
        let fm = FileManager.default
        for p in [path, publicURL(path)] where fm.fileExists(atPath: p.path) {
            throw ArchiveError.badKey(path: p.path, reason: "already exists; not overwritten (a lost key cannot be recovered)")
        }
        let key = Curve25519.Signing.PrivateKey()
        try write("\(privateHeader)\n\(key.rawRepresentation.base64EncodedString())\n", to: path, mode: 0o600)
        try write("\(publicHeader)\n\(key.publicKey.rawRepresentation.base64EncodedString())\n", to: publicURL(path), mode: 0o644)
    }

    public static func publicURL(_ path: URL) -> URL { URL(fileURLWithPath: path.path + ".pub") }

    public static func readPrivate(_ path: URL) throws -> Curve25519.Signing.PrivateKey {
        let raw = try body(path, header: privateHeader)
        do { return try Curve25519.Signing.PrivateKey(rawRepresentation: raw) } catch {
            throw ArchiveError.badKey(path: path.path, reason: "not an Ed25519 private key")
        }
    }

    public static func readPublic(_ path: URL) throws -> Curve25519.Signing.PublicKey {
        let raw = try body(path, header: publicHeader)
        do { return try Curve25519.Signing.PublicKey(rawRepresentation: raw) } catch {
            throw ArchiveError.badKey(path: path.path, reason: "not an Ed25519 public key")
        }
    }

    private static func body(_ path: URL, header: String) throws -> Data {
        guard let text = try? String(contentsOf: path, encoding: .utf8) else {
            throw ArchiveError.badKey(path: path.path, reason: "cannot be read")
        }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.count == 2, lines[0] == header, let data = Data(base64Encoded: lines[1]), data.count == 32 else {
            throw ArchiveError.badKey(path: path.path, reason: "expected two lines: '\(header)' and 32 bytes in base64")
        }
        return data
    }

    private static func write(_ text: String, to url: URL, mode: Int) throws {
        do { try POSIXFile.write(Array(text.utf8), to: url, mode: mode_t(mode), sync: true) } catch let failure
            as POSIXFile.Failure
        {
            throw ArchiveError.badKey(path: url.path, reason: "cannot be written: \(failure)")
        }
    }
}
