import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Ed25519 keys in a small text format:
///
///     cchc-ed25519-private-key
///     <base64 of the 32-byte raw key>
///
/// and `cchc-ed25519-public-key` likewise for PATH.pub.
public enum SigningKey {
    package static let privateHeader = "cchc-ed25519-private-key"
    package static let publicHeader = "cchc-ed25519-public-key"

    /// Writes a new key pair: PATH (mode 0600) and PATH.pub. Refuses to overwrite anything, a
    /// symbolic link included (even one pointing nowhere). The pair appears whole or not at all:
    /// both files are written under temporary names, then linked into place (a link never
    /// replaces an existing name), the public key first, so two keygens on one path cannot leave
    /// a private key beside another key's public half.
    public static func generate(at path: URL) throws {
        let key = Curve25519.Signing.PrivateKey()
        let pub = publicURL(path)
        let tmpPrivate = temporaryURL(path)
        let tmpPublic = temporaryURL(pub)
        defer {
            unlink(tmpPrivate.path)
            unlink(tmpPublic.path)
        }
        try write("\(privateHeader)\n\(key.rawRepresentation.base64EncodedString())\n", to: tmpPrivate, mode: 0o600, for: path)
        try write(
            "\(publicHeader)\n\(key.publicKey.rawRepresentation.base64EncodedString())\n", to: tmpPublic, mode: 0o644, for: pub)
        try linkNew(tmpPublic, pub)
        do { try linkNew(tmpPrivate, path) } catch {
            unlink(pub.path)  // the public half this run just linked
            throw error
        }
        SyncedFile.syncDirectory(path.deletingLastPathComponent())
    }

    private static func temporaryURL(_ url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
    }

    /// Gives `temporary` the name `url`, which must not exist (not even as a dangling link).
    private static func linkNew(_ temporary: URL, _ url: URL) throws {
        guard link(temporary.path, url.path) == 0 else {
            let reason =
                errno == EEXIST
                ? "already exists; not overwritten (a lost key cannot be recovered)"
                : "cannot be written: \(String(cString: strerror(errno)))"
            throw ArchiveError.badKey(path: url.path, reason: reason)
        }
    }

    public static func publicURL(_ path: URL) -> URL { URL(fileURLWithPath: path.path + ".pub") }

    /// Reads a private key; `forSigning` refuses one that others can read (as ssh does): a
    /// signature proves nothing if the key was readable by anyone on the machine.
    public static func readPrivate(_ path: URL, forSigning: Bool = false) throws -> Curve25519.Signing.PrivateKey {
        var info = stat()
        if forSigning, stat(path.path, &info) == 0, info.st_mode & 0o077 != 0 {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw ArchiveError.badKey(
                path: path.path,
                reason: "can be read by other users (mode \(mode)); a signing key must be private: run `chmod 600 \(path.path)`")
        }
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

    /// Creates `url` (which must not exist; links are not followed) and writes `text`, synced;
    /// a failure names `target`, the key file `url` stands in for.
    private static func write(_ text: String, to url: URL, mode: mode_t, for target: URL) throws {
        unlink(url.path)  // a temporary name of this process, left by a run killed before
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw ArchiveError.badKey(path: target.path, reason: "cannot be written: \(String(cString: strerror(errno)))")
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            throw ArchiveError.badKey(path: target.path, reason: "cannot be written: \(String(cString: strerror(errno)))")
        }
    }
}
