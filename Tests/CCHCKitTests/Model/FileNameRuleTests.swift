import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit

/// Unit ids name files: only ids safe as one file-name component everywhere are accepted.
@Suite struct FileNameRuleTests {
    static let expected =
        "expected letters a-z or A-Z, digits, '-', '_' or '.' ('-' and '.' not first), at most 64 characters, e.g. so-tu-phap"

    /// Each refused id and the exact message `validate` gives at units.csv:2.
    static let refused: [(String, String)] = [
        ("../../../../elsewhere/victim", "it contains '/'"),
        ("./y", "it contains '/'"),
        ("q/../y", "it contains '/'"),
        ("../quyet-dinh", "it contains '/'"),
        ("..", "it starts with '.'"),
        (".hidden", "it starts with '.'"),
        ("-2-3", "it starts with '-'"),
        ("-rf", "it starts with '-'"),
        ("a b", "it contains a space"),
        ("a\\b", "it contains '\\'"),
        ("sở-tư-pháp", "it contains 'ở' (only unaccented letters: the Vietnamese name goes in 'name')"),
        (String(repeating: "x", count: 65), "it has 65 characters"),
        (String(repeating: "x", count: 300), "it has 300 characters"),
        ("con", "'CON' is a device name on Windows"),
        ("Nul.txt", "'NUL' is a device name on Windows"),
        ("a:b", "it contains ':'"),
    ]

    @Test(arguments: refused)
    func anUnsafeIdIsAnErrorAtItsLine(id: String, problem: String) throws {
        let units = "id,name,group\n\"\(id)\",Sở Tư pháp,\"Sở, ban, ngành\"\ntc,Sở Tài chính,\"Sở, ban, ngành\"\n"
        let scratch = try ScratchDataset(["units.csv": units])
        defer { scratch.remove() }
        let messages = scratch.check().errors.filter { $0.file == "units.csv" }.map(\.description)
        #expect(
            messages == ["units.csv:2: error: column 'id': '\(id)' cannot name the unit's files: \(problem); \(Self.expected)"])
    }

    @Test func idsThatDifferOnlyInCaseAreAnError() throws {
        let units = "id,name,group\ntp,Sở Tư pháp,\"Sở, ban, ngành\"\nTP,Sở Tài chính,\"Sở, ban, ngành\"\n"
        let scratch = try ScratchDataset(["units.csv": units])
        defer { scratch.remove() }
        #expect(
            scratch.check().errors.filter { $0.file == "units.csv" }.map(\.description) == [
                "units.csv:3: error: column 'id': 'TP' differs from 'tp' (line 2) only in case, so both would write one file on Windows and macOS; expected ids that differ in more than case"
            ])
    }

    @Test(arguments: ["stp", "so-tu-phap", "UBND_Chau_Doc", "x.2022", "a", String(repeating: "z", count: 64), "0"])
    func aSafeIdIsAccepted(id: String) {
        #expect(FileNameRule.problem(id) == nil)
    }

    /// Over generated ids (Unicode, separators, dots, case, NFC/NFD twins, lengths): no accepted
    /// id leads outside its folder, and no two accepted ids name one file on any common file
    /// system (case-insensitive, normalising).
    @Test(arguments: 0..<20)
    func noAcceptedIdLeavesItsFolderOrSharesAFile(seed: Int) throws {
        var r = SplitMix(seed: UInt64(seed) &+ 0x5EED)
        let pieces = [
            "a", "B", "z", "0", "9", "-", "_", ".", "..", "/", "\\", " ", ":", "é", "e\u{301}", "Đ", "đ", "ß", "SS", "ı", "I",
            "\u{0}", "\u{202E}", "😀", "国", "CON", "nul", "aux", "x", "tp", "TP",
        ]
        var ids: [String] = []
        for _ in 0..<300 {
            let length = Int(r.next() % 8) + (r.next() % 20 == 0 ? 70 : 0)
            ids.append((0..<length).map { _ in pieces[Int(r.next() % UInt64(pieces.count))] }.joined())
        }
        ids += ids.prefix(30).map { $0.uppercased() }
        let csv =
            "id,name,group\n"
            + ids.enumerated().map { "\"\($1.replacingOccurrences(of: "\"", with: "\"\""))\",Đơn vị \($0),g" }
            .joined(separator: "\n") + "\n"
        var diagnostics = DiagnosticEngine()
        let table = try #require(CSVReader.parse(csv, file: "units.csv", diagnostics: &diagnostics))
        let loaded = UnitsLoader.load(table, frameworkFiles: ["framework": "framework.csv"], diagnostics: &diagnostics).units
        var files = Set<String>()
        for unit in loaded {
            let path = "tu-danh-gia/\(unit.id).html"
            #expect(ContainedPath.isContained(path), "\(unit.id)")
            let resolved = URL(fileURLWithPath: "/out").appendingPathComponent(path).standardizedFileURL.path
            #expect(resolved == "/out/tu-danh-gia/\(unit.id).html", "\(unit.id)")
            let key = unit.id.decomposedStringWithCanonicalMapping.uppercased().lowercased()
            #expect(files.insert(key).inserted, "two accepted ids name one file: \(unit.id)")
        }
        #expect(!loaded.isEmpty, "the generator must produce some acceptable ids")
    }

    @Test(arguments: [
        ("tu-danh-gia/snv.html", true), ("a", true), ("../x", false), ("a/../b", false), ("/etc/x", false), ("a//b", false),
        ("./a", false), ("a/", false), ("", false), ("a\\..\\b", false),
    ])
    func containedPaths(path: String, contained: Bool) {
        #expect(ContainedPath.isContained(path) == contained)
    }
}
