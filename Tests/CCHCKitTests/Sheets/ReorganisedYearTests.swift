import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCKit

/// The sample of a province after the 2025 reorganisation (Inputs/an-giang-2025): its year's
/// returned workbooks collected through the built binary give its scores.csv byte for byte, and
/// its README's walk through the year, run as written, ends with `validate` saying OK and every
/// xã, phường and đặc khu signing its documents as its own issuer.
@Suite struct ReorganisedYearTests {
    static let sample = TestPaths.input("an-giang-2025")
    static let rounds = ["tu-danh-gia", "tham-dinh-lan-1", "giai-trinh", "tham-dinh-lan-2"]

    @Test func theReturnedWorkbooksCollectIntoTheSamplesScores() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-2025-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dataset = root.appendingPathComponent("an-giang-2025")
        try FileManager.default.copyItem(at: Self.sample, to: dataset)
        try FileManager.default.removeItem(at: dataset.appendingPathComponent("scores.csv"))
        for round in Self.rounds {
            let run = try CLI.run(["collect", dataset.path, Self.sample.appendingPathComponent("returned/\(round)").path])
            #expect(run.status == 0 && run.stdout.contains("cells written"), "\(round): \(run.stdout)\(run.stderr)")
        }
        #expect(
            try Data(contentsOf: dataset.appendingPathComponent("scores.csv"))
                == (try Data(contentsOf: Self.sample.appendingPathComponent("scores.csv"))))
        let status = try CLI.run(["collect", dataset.path, Self.sample.appendingPathComponent("returned").path + "/tu-danh-gia"])
        #expect(status.stdout.contains("Workbooks for units: 60 of 60 complete") && status.stdout.contains("unchanged"))
        let validate = try CLI.run(["validate", Self.sample.path])
        #expect(validate.status == 0 && validate.stdout == "OK\n", "\(validate.stdout)\(validate.stderr)")
    }

    /// The README's commands, run by bash in a folder of their own (with `Inputs` beside them).
    @Test func theReadmeWalksThroughTheYear() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-2025-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: work.appendingPathComponent("Inputs"), withDestinationURL: TestPaths.inputs)
        let readme = try String(contentsOf: Self.sample.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.firstMatch(of: /```sh\n([\s\S]*?)```/)).1
        #expect(block.contains("cchc collect") && block.contains("cchc render"))
        let script =
            "set -e\nexport PATH=\"\(TestPaths.executable.deletingLastPathComponent().path):$PATH\"\nexport CCHC_CHROMIUM=none\n"
            + block
        let output = try Tools.run(executable: "/bin/bash", ["-c", "cd '\(work.path)' && \(script)"])
        #expect(output.contains("OK\n"), "\(output)")
        let collected = try String(contentsOf: work.appendingPathComponent("tinh-x-2025/scores.csv"), encoding: .utf8)
        let sample = try String(contentsOf: Self.sample.appendingPathComponent("scores.csv"), encoding: .utf8)
        // init's table, filled: the sample's rows, with init's byte-order mark and line ends.
        #expect(Self.rows(collected) == Self.rows(sample))
        let out = work.appendingPathComponent("Output/tinh-x-2025")
        let xa = try String(contentsOf: out.appendingPathComponent("tu-danh-gia/x-my-hoa-hung.txt"), encoding: .utf8)
        for line in [
            "ỦY BAN NHÂN DÂN", "XÃ MỸ HÒA HƯNG", "Mỹ Hòa Hưng, ngày", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Số:      /BC-UBND",
        ] {
            #expect(xa.contains(line), "\(line)")
        }
        let phuQuoc = try String(contentsOf: out.appendingPathComponent("tu-danh-gia/dk-phu-quoc.txt"), encoding: .utf8)
        #expect(phuQuoc.contains("ĐẶC KHU PHÚ QUỐC") && phuQuoc.contains("Phú Quốc, ngày"))
    }

    /// A CSV's records without its byte-order mark and line ends.
    static func rows(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: .newlines).filter { !$0.isEmpty }
    }
}
