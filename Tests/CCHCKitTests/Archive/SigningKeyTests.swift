import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore

/// `cchc keygen` never overwrites or follows a link, writes the pair whole, and `--sign` takes
/// only a private key.
@Suite(.serialized) struct SigningKeyTests {
    @Test func aDanglingSymlinkIsNotFollowed() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let victim = f.root.appendingPathComponent("victim")
        let path = f.root.appendingPathComponent("key")
        try FileManager.default.createSymbolicLink(atPath: path.path, withDestinationPath: victim.path)
        #expect(throws: ArchiveError.self) { try SigningKey.generate(at: path) }
        #expect(!FileManager.default.fileExists(atPath: victim.path))
        #expect(!FileManager.default.fileExists(atPath: SigningKey.publicURL(path).path), "no half pair is left")
        let pubLink = f.root.appendingPathComponent("key2.pub")
        try FileManager.default.createSymbolicLink(atPath: pubLink.path, withDestinationPath: victim.path)
        #expect(throws: ArchiveError.self) { try SigningKey.generate(at: f.root.appendingPathComponent("key2")) }
        #expect(!FileManager.default.fileExists(atPath: victim.path))
        #expect(!FileManager.default.fileExists(atPath: f.root.appendingPathComponent("key2").path))
    }

    @Test func keygensAtOnceLeaveOneMatchingPair() throws {
        for round in 0..<20 {
            let f = try ArchiveFixture()
            defer { f.remove() }
            let path = f.root.appendingPathComponent("key-\(round)")
            let runs = (0..<4).map { _ in try? CLI.start(["keygen", "--out", path.path]) }
            for run in runs { run?.waitUntilExit() }
            #expect(runs.filter { $0?.terminationStatus == 0 }.count == 1)
            let privateKey = try SigningKey.readPrivate(path)
            let publicKey = try SigningKey.readPublic(SigningKey.publicURL(path))
            #expect(privateKey.publicKey.rawRepresentation == publicKey.rawRepresentation)
            let left = try FileManager.default.contentsOfDirectory(atPath: f.root.path).sorted()
            #expect(left == ["key-\(round)", "key-\(round).pub"], "no temporary file is left")
        }
    }

    @Test func signingRefusesAKeyOthersCanRead() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let key = f.root.appendingPathComponent("key")
        try SigningKey.generate(at: key)
        chmod(key.path, 0o644)
        let rendered = try f.render("quang-binh-2021")
        let r = try CLI.run(["archive", rendered.path, "--store", f.store.path, "--sign", key.path])
        #expect(r.status == 1)
        #expect(
            r.stderr.hasPrefix(
                "error: \(key.path): can be read by other users (mode 644); a signing key must be private: run `chmod 600 \(key.path)`"
            ), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.store.appendingPathComponent("records").path))
    }
}
