import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore

/// Runs the built `cchc` as a user would and checks its output and exit code.
@Suite struct CLITests {
    @Test func validatePrintsOKForEverySample() throws {
        let anGiang = try CLI.run(["validate", "Inputs/an-giang-2022"])
        #expect(anGiang.status == 0)
        // The report's signer has no name yet: it prints a line to sign over, and validate says
        // so; so it does of the council's notices, which have no signer, and of the units'
        // self-assessments, whose heads' names units.csv does not give; and the documents of the
        // year have no deadline to send the self-assessment by and no dates.
        #expect(anGiang.stdout == "OK (5 warnings)\n")
        #expect(anGiang.stderr.contains("warning: no date for council, guidance, appraisal-report, submission, commendation"))
        #expect(
            anGiang.stderr.contains(
                "Inputs/an-giang-2022/plan.yaml:178:7: warning: 'documents.report.signer.name': empty; the document prints a blank line to sign over"
            ), "\(anGiang.stderr)")
        let quangBinh = try CLI.run(["validate", "Inputs/quang-binh-2021"])
        #expect(quangBinh.status == 0)
        #expect(quangBinh.stdout == "OK (3 warnings)\n", "the survey's total, and the plan and the self-assessment unsigned")
        #expect(quangBinh.stderr.contains("Inputs/quang-binh-2021/plan.yaml:13:3: warning: 'survey.total': states 169"))
        let haNam = try CLI.run(["validate", "Inputs/ha-nam-2018"])
        #expect(haNam.status == 0)
        #expect(haNam.stdout == "OK (16 warnings)\n", "15 in its published table, and its self-assessment unsigned")
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let r = try CLI.run(["validate", "--strict", "Inputs/quang-binh-2021"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("plan.yaml:13:3: error:"))
    }

    @Test func computeJSONIsTheSpecShape() throws {
        let r = try CLI.run(["compute", "Tests/CCHCKitTests/Fixtures/spec-example", "--format", "json"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["year"] as? Int == 2024)
        #expect(r.stdout.contains("\"index\": 77.14,"))
        #expect(r.stdout.contains("\"total\": 4.1,"))
    }

    @Test func badDataExitsNonZeroWithEveryProblem() throws {
        let scratch = try ScratchDataset([
            "scores.csv": "unit;code;self;appraised\ntp;1.1;x;1\ntp;1.2;1;9\ntc;1.1;1;1\ntc;1.2;1;1\n"
        ])
        defer { scratch.remove() }
        let r = try CLI.run(["compute", scratch.folder.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("/scores.csv:2: error: column 'self': 'x'"))
        #expect(r.stderr.contains("/scores.csv:3: error: column 'appraised': 9 for 1.2 is above its max 1.5"))
        #expect(r.stderr.contains("2 errors found."))
    }

    @Test func missingFolderAndUsageErrors() throws {
        let missing = try CLI.run(["validate", "Inputs/no-such-dataset"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("is not a dataset folder"))
        let usage = try CLI.run(["compute", "Inputs/an-giang-2022", "--format", "pdf"])
        #expect(usage.status == 64)
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let a = try CLI.run(["compute", "Inputs/an-giang-2022", "--format", "json"])
        let b = try CLI.run(["compute", "Inputs/an-giang-2022", "--format", "json"])
        #expect(a.stdout == b.stdout && !a.stdout.isEmpty)
    }

    /// A wrong command line exits 64 with its usage; a failure the data or the disk causes exits 1
    /// with `error: …`; every command says it one way.
    @Test func exitCodesAndOneErrorStyle() throws {
        let unknownUnit = try CLI.run(["render", "Inputs/an-giang-2022", "--unit", "xyz", "--out", "/tmp/cchc-never"])
        #expect(unknownUnit.status == 64)
        #expect(
            unknownUnit.stderr.contains("Error: --unit xyz: no such unit in units.csv; expected one of "), "\(unknownUnit.stderr)"
        )
        let wrongKind = try CLI.run(["render", "Inputs/an-giang-2022", "--unit", "stp", "--kinds", "decision"])
        #expect(wrongKind.status == 64)
        #expect(
            wrongKind.stderr.contains(
                "--unit stp picks one unit's self-assessment and appraisal result, but --kinds includes neither self-assessment nor appraisal"
            )
        )
        let noStore = try CLI.run(["archive", "list", "--store", "/tmp/cchc-no-such-store"])
        #expect(noStore.status == 1)
        #expect(
            noStore.stderr
                == "error: /tmp/cchc-no-such-store: not an archive store (no records/); expected a folder `cchc archive` wrote\n")
        let verify = try CLI.run(["verify", "/tmp/cchc-no-such-store"])
        #expect(verify.status == 1 && verify.stderr.hasPrefix("error: /tmp/cchc-no-such-store: not an archive store"))
        let key = try CLI.run(["keygen", "--out", "/tmp/cchc-no-such-folder/key"])
        #expect(
            key.status == 1
                && key.stderr.hasPrefix("error: /tmp/cchc-no-such-folder/key: cannot be written: No such file or directory")
                && key.stderr.hasSuffix("No key was written.\n"))
    }

    /// render, archive, verify and compute succeed through the built binary, run from a folder
    /// that is not the repository.
    @Test func aWholeYearThroughTheBinaryFromAnotherFolder() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let dataset = f.root.appendingPathComponent("quang-binh-2021")
        try FileManager.default.copyItem(at: TestPaths.input("quang-binh-2021"), to: dataset)
        let templates = Rendered.templatesFolder.path
        func run(_ arguments: [String]) throws -> CLI.Run { try CLI.run(arguments, in: f.root) }
        let render = try run(["render", "quang-binh-2021", "--templates", templates])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("wrote Output/quang-binh-2021/ke-hoach.html"))
        #expect(
            render.stdout.contains("skipped report, decision, commendation, submission: the dataset has one unit"),
            "\(render.stdout)")
        #expect(FileManager.default.fileExists(atPath: f.root.appendingPathComponent("Output/quang-binh-2021/ke-hoach.txt").path))
        let key = try run(["keygen", "--out", "key"])
        #expect(key.status == 0, "\(key.stderr)")
        let archive = try run(["archive", "Output/quang-binh-2021", "--store", "store", "--sign", "key"])
        #expect(archive.status == 0 && archive.stdout.hasPrefix("archived 2021-quang-binh-2021: 73 files"), "\(archive.stderr)")
        let verify = try run(["verify", "store", "--key", "key.pub", "--rerender"])
        #expect(
            verify.status == 0
                && verify.stdout.hasPrefix("OK: 1 record, 73 files checked, 11 files rendered again, signatures checked"),
            "\(verify.stdout)\(verify.stderr)")
        let compute = try run(["compute", "quang-binh-2021", "--format", "json"])
        #expect(compute.status == 0 && compute.stdout.contains("\"dataset\": \"quang-binh-2021\""), "\(compute.stdout)")
    }

    /// Two processes (each with its own hash seed, so an order taken from a Set or a Dictionary
    /// would show) render the same bytes.
    @Test func renderingIsByteIdenticalAcrossProcesses() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        var outputs: [[String: Data]] = []
        for name in ["a", "b"] {
            let out = f.root.appendingPathComponent(name)
            let r = try CLI.run(["render", "Inputs/an-giang-2022", "--out", out.path, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try snapshot(out))
        }
        #expect(
            outputs[0].count == 408,
            "96 documents in four formats (html, xml, txt, docx), results.json, .csv, .xlsx, cchc-render.json")
        #expect(outputs[0] == outputs[1])
    }

    /// On a terminal each step says where it is (`[2/4] validate`); in a pipe, a log or with
    /// `--quiet` nothing is said. `script` gives the command a terminal.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func stepsAreLoggedOnATerminalOnly() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        func onATerminal(_ arguments: String) throws -> String {
            try CLI.run(
                ["-qec", "'\(TestPaths.executable.path)' \(arguments)", "/dev/null"],
                executable: URL(fileURLWithPath: "/usr/bin/script")
            ).stdout
        }
        let validate = try onATerminal("validate Inputs/quang-binh-2021")
        #expect(validate.hasPrefix("[1/3] load\r\n[2/3] validate\r\n[3/3] compute\r\n"), "\(validate)")
        let render = try onATerminal("render Inputs/quang-binh-2021 --out \(f.root.path)/a")
        #expect(render.contains("[3/4] compute\r\n[4/4] render\r\n"), "\(render)")
        #expect(render.contains("  2/2 documents\r\n"), "\(render)")
        let quiet = try onATerminal("render Inputs/quang-binh-2021 --out \(f.root.path)/b --quiet")
        #expect(quiet.isEmpty, "\(quiet)")
        let piped = try CLI.run(["render", "Inputs/quang-binh-2021", "--out", "\(f.root.path)/c"])
        #expect(piped.status == 0 && !piped.stderr.contains("[1/") && !piped.stderr.contains("/4 documents"), "\(piped.stderr)")
        let stopped = try onATerminal("validate --strict Inputs/quang-binh-2021")
        #expect(
            stopped.contains("[2/3] validate\r\n") && !stopped.contains("[3/3]") && stopped.contains("validate: 3 errors found."))
    }

    /// An error names the step it stopped in; the dataset's problems name the dataset's files.
    @Test func errorsNameTheirStep() throws {
        let f = try ArchiveFixture()
        defer { f.remove() }
        let dataset = f.root.appendingPathComponent("quang-binh-2021")
        try FileManager.default.copyItem(at: TestPaths.input("quang-binh-2021"), to: dataset)
        let file = f.root.appendingPathComponent("a-file")
        try Data().write(to: file)
        let render = try CLI.run(["render", dataset.path, "--out", file.path, "--quiet"])
        #expect(render.status == 1)
        #expect(render.stderr.hasPrefix("error: render: \(file.path): is a file, not a folder;"), "\(render.stderr)")
        #expect(render.stderr.hasSuffix("\nNothing was written.\n"))
        let out = f.root.appendingPathComponent("out").path
        #expect(try CLI.run(["render", dataset.path, "--out", out, "--quiet"]).status == 0)
        try dataset.appendingPathComponent("scores.csv").replacing("quang-binh,1.3,2,2", with: "quang-binh,1.3,2,x")
        let archive = try CLI.run(["archive", out, "--store", f.store.path])
        #expect(archive.status == 1)
        #expect(
            archive.stderr.hasPrefix("\(dataset.path)/scores.csv:4: error: column 'appraised': 'x'"), "\(archive.stderr)")
        #expect(
            archive.stderr.hasSuffix(
                "\nerror: validate: 1 problem in the dataset; nothing after this step ran\nThe store was not changed.\n"))
        #expect(!FileManager.default.fileExists(atPath: f.store.path))
    }
}
