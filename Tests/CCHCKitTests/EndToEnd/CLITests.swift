import Foundation
import Testing

/// Runs the built `cchc` as a user would and checks its output and exit code.
@Suite struct CLITests {
    @Test func validatePrintsOKForEverySample() throws {
        let anGiang = try CLI.run(["validate", "Inputs/an-giang-2022"])
        #expect(anGiang.status == 0)
        #expect(anGiang.stdout == "OK\n")
        let quangBinh = try CLI.run(["validate", "Inputs/quang-binh-2021"])
        #expect(quangBinh.status == 0)
        #expect(quangBinh.stdout == "OK (1 warning)\n")
        #expect(quangBinh.stderr.contains("Inputs/quang-binh-2021/plan.yaml:13:3: warning: 'survey.total': states 169"))
        let haNam = try CLI.run(["validate", "Inputs/ha-nam-2018"])
        #expect(haNam.status == 0)
        #expect(haNam.stdout == "OK (15 warnings)\n")
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
}
