import ArgumentParser
import CCHCCore
import CCHCKit
import CCHCStore
import Foundation

struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Archive signed-off documents, or list what was archived.",
        subcommands: [Put.self, List.self], defaultSubcommand: Put.self)

    struct Put: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "put",
            abstract: "Put a rendered set (documents, dataset, templates, results, tool version) into a store as one record.")

        @Argument(help: "A folder written by `cchc render`, e.g. Output/an-giang-2022.")
        var rendered: String

        @Option(help: "The archive store (created when missing).")
        var store: String

        @Option(help: "A private key from `cchc keygen`: the manifest is signed with it.")
        var sign: String?

        @Option(name: .customLong("signed-off-by"), help: "Who signed the set off.")
        var signedOffBy: String = ""

        @Option(help: "The sign-off date, YYYY-MM-DD.")
        var date: String?

        @Flag(help: "Say nothing of the steps on a terminal.")
        var quiet = false

        func run() throws {
            let options = Archiver.Options(
                store: URL(fileURLWithPath: store), key: sign.map { URL(fileURLWithPath: $0) },
                signedOffBy: signedOffBy, date: date)
            do {
                switch try Archiver.archive(URL(fileURLWithPath: rendered), options, log: Progress.steps(quiet: quiet)) {
                case .archived(let record, let files): print("archived \(record): \(files) files into \(store)/records/\(record)")
                case .unchanged(let record): print("\(record) is already archived with the same content; nothing changed")
                }
            } catch let error as ArchiveError {
                throw Report.failure(error, "The store was not changed.")
            } catch let error as PipelineError {
                throw Report.failure(error, "The store was not changed.")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the archived documents, filtered by year, unit or kind.")

        @Option(help: "The archive store.")
        var store: String

        @Option(help: "Only documents of this assessed year.")
        var year: Int?

        @Option(help: "Only this unit's documents.")
        var unit: String?

        @Option(help: "Only this kind: plan, self-assessment, report, decision.")
        var kind: String?

        func run() throws {
            let catalog: ArchiveCatalog
            let archive = ArchiveStore(URL(fileURLWithPath: store))
            guard FileManager.default.fileExists(atPath: archive.root.appendingPathComponent("records").path) else {
                throw Report.failure(
                    ArchiveError.store(
                        path: store, reason: "not an archive store (no records/); expected a folder `cchc archive` wrote"))
            }
            do { catalog = try archive.catalog() } catch let error as ArchiveError {
                throw Report.failure(error)
            }
            var table = TextTable(
                [
                    .init("Năm", .right), .init("Loại"), .init("Số, ký hiệu"), .init("Ngày"), .init("Đơn vị"),
                    .init("Tệp", minWidth: 20), .init("SHA-256"),
                ], maxWidth: 160)
            let entries = catalog.documents(year: year, unit: unit, kind: kind)
            for e in entries {
                let d = e.document
                table.append([
                    String(d.year), d.typeName, d.codeNumber.isEmpty ? "/\(d.codeNotation)" : "\(d.codeNumber)/\(d.codeNotation)",
                    d.issuedDate, d.unit ?? "", "records/\(e.record)/\(e.path)", String(e.sha256.prefix(12)),
                ])
            }
            print(table.render(), terminator: "")
            print(
                "\(entries.count) document file\(entries.count == 1 ? "" : "s") in \(catalog.records.count) record\(catalog.records.count == 1 ? "" : "s")"
            )
        }
    }
}
