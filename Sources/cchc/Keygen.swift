import ArgumentParser
import CCHCKit
import CCHCStore
import Foundation

struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new Ed25519 key pair for signing archive manifests: PATH (mode 0600) and PATH.pub.")

    @Option(help: "Where to write the private key; the public key goes to PATH.pub.")
    var out: String

    func run() throws {
        do {
            try SigningKey.generate(at: URL(fileURLWithPath: out))
            print("wrote \(out) (private, keep it safe) and \(out).pub (public, give it to whoever verifies)")
        } catch let error as ArchiveError {
            throw Report.failure(error, "No key was written.")
        }
    }
}
