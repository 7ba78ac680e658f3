import ArgumentParser
import CCHCCore
import CCHCKit
import CCHCTemplate
import Foundation

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the built-in templates into a new folder, to edit them and render with --templates.")

    @Option(help: "The folder to write (new, or empty).")
    var out: String

    func run() throws {
        do {
            let paths = try TemplateSet.builtIn.write(to: URL(fileURLWithPath: out))
            print("wrote \(paths.count) templates into \(out)/; edit any of them, delete the ones you keep as they are,")
            print("and render with: cchc render DATASET --templates \(out)")
        } catch let error as RenderError {
            throw Report.failure(error, "Nothing was written.")
        }
    }
}
