import ArgumentParser
import CCHCCore
import CCHCKit
import CCHCWriters
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

@main
struct CCHCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cchc",
        abstract: "Turns PAR-index scores (Chỉ số CCHC) into official documents.",
        version: CCHC.version,
        subcommands: [
            Init.self, Validate.self, Compute.self, Render.self, Templates.self, Keygen.self, Archive.self, Verify.self,
            Synth.self, Sheets.self, Collect.self,
        ]
    )

    static func main() {
        // A file-size limit (ulimit -f, a full quota) must fail a write with a message, not kill
        // the process with SIGXFSZ half-way.
        signal(SIGXFSZ, SIG_IGN)
        // Ctrl-C during a PDF render stops the browser too (it would outlive cchc otherwise).
        PDFPrinter.stopBrowsersOnInterrupt()
        main(nil)
    }
}
