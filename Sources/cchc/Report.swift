import ArgumentParser
import CCHCKit
import Foundation

/// Prints diagnostics to standard error, paths relative to where the user typed them.
enum Report {
    static func diagnostics(_ checked: Pipeline.Checked, dataset: String, strict: Bool) throws {
        let prefix = dataset.hasSuffix("/") ? dataset : dataset + "/"
        for d in checked.diagnostics {
            var shown = d
            // Files of the dataset are shown from where the user typed it; absolute paths and
            // option names (`--previous-from …`) as they are.
            if !d.file.hasPrefix("/") && !d.file.hasPrefix("-") { shown.file = prefix + d.file }
            if strict && d.severity == .warning { shown.severity = .error }
            FileHandle.standardError.write(Data((shown.description + "\n").utf8))
        }
        if !checked.passes(strict: strict) {
            let errors = checked.diagnostics.filter { $0.severity == .error || strict }.count
            FileHandle.standardError.write(Data("\(errors) error\(errors == 1 ? "" : "s") found.\n".utf8))
            throw ExitCode.failure
        }
    }
}
