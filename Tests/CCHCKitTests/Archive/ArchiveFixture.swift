import CCHCTestSupport
import Foundation

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore
@testable import CCHCTemplate

/// A scratch area with a copy of a sample dataset, its rendered folder and an empty store.
struct ArchiveFixture {
    let root: URL
    var store: URL { root.appendingPathComponent("store") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Copies `Inputs/<name>` to the scratch area (optionally editing a file) and renders it.
    @discardableResult
    func render(
        _ name: String, edit: ((URL) throws -> Void)? = nil, into subfolder: String = "a",
        formats: [OutputFormat] = OutputFormat.standard
    ) throws -> URL {
        let dataset = root.appendingPathComponent(subfolder).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dataset.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: dataset.path) {
            try FileManager.default.copyItem(at: TestPaths.input(name), to: dataset)
        }
        try edit?(dataset)
        let out = root.appendingPathComponent("out-\(subfolder)").appendingPathComponent(name)
        try? FileManager.default.removeItem(at: out)
        try RenderJob.run(dataset, .init(output: out, templates: Rendered.templates, formats: formats))
        return out
    }

    func verify(key: URL? = nil, rerender: Bool = false) throws -> ArchiveVerifier.Report {
        try ArchiveVerifier.verify(ArchiveStore(store), key: key, rerender: rerender)
    }

    func record(_ id: String) -> URL { store.appendingPathComponent("records/\(id)") }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// An Giang's dataset as next year's (2023), without previous.csv: its last year must come
    /// from the archive.
    func nextYearOfAnGiang() throws -> URL {
        let next = root.appendingPathComponent("a/an-giang-2023")
        try FileManager.default.createDirectory(at: next.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.input("an-giang-2022"), to: next)
        try next.appendingPathComponent("plan.yaml").replacing("year: 2022", with: "year: 2023")
        try FileManager.default.removeItem(at: next.appendingPathComponent("previous.csv"))
        return next
    }

    /// Gives the plan of a copy of quang-binh-2021 the number 15 of 2021-09-01.
    static func numberThePlan(_ dataset: URL) throws {
        try dataset.appendingPathComponent("plan.yaml").replacing(
            "  plan:\n    title:", with: "  plan:\n    number: 15\n    date: 2021-09-01\n    title:")
    }

    /// quang-binh-2021 copied as quang-binh-2021-b, its plan numbered 15 as `numberThePlan` does
    /// but worded a little differently, and rendered: the same number with other content.
    func renderSameNumberOtherContent() throws -> URL {
        let other = root.appendingPathComponent("c/quang-binh-2021-b")
        try FileManager.default.createDirectory(at: other.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.input("quang-binh-2021"), to: other)
        try Self.numberThePlan(other)
        try other.appendingPathComponent("plan.yaml").replacing("Điều tra xã hội học", with: "Điều tra XHH")
        let out = root.appendingPathComponent("out-c/quang-binh-2021-b")
        try RenderJob.run(other, .init(output: out, templates: Rendered.templates))
        return out
    }

    /// Edits an archived file and writes its new SHA-256 into the record's manifest, as a forger
    /// would (the store log still holds the manifest's old hash until `rewriteUnsignedLog`).
    func forge(_ path: String, in record: String, replacing old: String, with new: String) throws {
        let file = self.record(record).appendingPathComponent(path)
        let oldHash = Hashing.sha256(try Data(contentsOf: file))
        try file.replacing(old, with: new)
        try self.record(record).appendingPathComponent("manifest.json").replacing(
            oldHash, with: Hashing.sha256(try Data(contentsOf: file)))
    }

    /// Rewrites store-log.jsonl and store-head.json to match the manifests as they are now, and
    /// removes the derived catalog.json, as a forger with no key would (only signatures tell such
    /// a rewrite from the original).
    func rewriteUnsignedLog() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines: [Data] = []
        var previous = String(repeating: "0", count: 64)
        for (i, id) in ArchiveStore(store).recordIDs().enumerated() {
            let manifest = try Data(contentsOf: record(id).appendingPathComponent("manifest.json"))
            let line = try encoder.encode(
                ["seq": "\(i + 1)", "record": id, "manifest": Hashing.sha256(manifest), "previous": previous])
            let fixed = String(decoding: line, as: UTF8.self).replacingOccurrences(
                of: "\"seq\":\"\(i + 1)\"", with: "\"seq\":\(i + 1)")
            lines.append(Data(fixed.utf8))
            previous = Hashing.sha256(Data(fixed.utf8))
        }
        try lines.reduce(into: Data()) { $0 += $1 + Data("\n".utf8) }.write(to: store.appendingPathComponent("store-log.jsonl"))
        try Data("{\"entries\":\(lines.count),\"head\":\"\(previous)\"}\n".utf8).write(
            to: store.appendingPathComponent("store-head.json"))
        try? FileManager.default.removeItem(at: store.appendingPathComponent("catalog.json"))
    }
}

extension URL {
    func replacing(_ old: String, with new: String) throws {
        let text = try String(contentsOf: self, encoding: .utf8)
        precondition(text.contains(old), "\(lastPathComponent) does not contain \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: self)
    }
}
