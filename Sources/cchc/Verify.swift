import ArgumentParser
import CCHCKit
import CCHCStore
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-hash every archived file, check manifests and signatures, and report anything missing, added or altered.")

    @Argument(help: "The archive store.")
    var store: String

    @Option(help: "The public key (PATH.pub from `cchc keygen`) whose signatures every record must carry.")
    var key: String?

    @Flag(help: "Also render every record again from its archived dataset and templates and compare.")
    var rerender = false

    func run() throws {
        let report: ArchiveVerifier.Report
        do {
            report = try ArchiveVerifier.verify(
                ArchiveStore(URL(fileURLWithPath: store)), key: key.map { URL(fileURLWithPath: $0) },
                rerender: rerender)
        } catch let error as ArchiveError {
            throw Report.failure(error)
        }
        for note in report.notes { FileHandle.standardError.write(Data("\(store)/\(note)\n".utf8)) }
        for problem in report.problems { FileHandle.standardError.write(Data("\(store)/\(problem)\n".utf8)) }
        var summary = "\(report.records) record\(report.records == 1 ? "" : "s"), \(report.files) files checked"
        if rerender { summary += ", \(report.rerendered) files rendered again" }
        summary += report.signaturesChecked ? ", signatures checked" : "; signatures NOT checked (no --key)"
        if !report.signaturesChecked && report.signedRecords > 0 {
            FileHandle.standardError.write(
                Data(
                    "warning: \(report.signedRecords) record\(report.signedRecords == 1 ? " is" : "s are") signed, but no --key was given: without it, verify proves the files match their manifests and the store log, not who wrote them; give --key PATH.pub to check the signatures\n"
                        .utf8))
        }
        let log = "store log: \(report.logEntries) entr\(report.logEntries == 1 ? "y" : "ies"), head \(report.logHead)"
        if report.ok {
            print("OK: \(summary)")
            print(log)
        } else {
            print("FAILED: \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s"); \(summary)")
            throw ExitCode.failure
        }
    }
}
