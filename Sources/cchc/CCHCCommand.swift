import ArgumentParser
import CCHCKit

@main
struct CCHCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cchc",
        abstract: "Turns PAR-index scores (Chỉ số CCHC) into official documents.",
        version: CCHC.version,
        subcommands: [Validate.self, Compute.self, Render.self, Keygen.self, Archive.self, Verify.self, Synth.self]
    )
}
