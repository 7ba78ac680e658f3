import CCHCTestSupport
import Foundation
import Testing
import ZIPFoundation

@testable import CCHCCore
@testable import CCHCInput
@testable import CCHCKit
@testable import CCHCStore

/// Every control and format character a cell can hold, put into a unit's name, its group and a
/// score's evidence: validate refuses it at that cell, or every document cchc writes from it is
/// sound (the XML valid, each .docx and results.xlsx well-formed, the wording's sentences those of
/// the clean dataset) (issue 26, finding 4).
@Suite struct CellTextPropertyTests {
    /// C0 and C1 controls, DEL, line and paragraph separators, zero-width and bidirectional
    /// characters, non-characters, and a few ordinary ones for contrast.
    static let scalars: [UInt32] =
        Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F)
        + [0x00A0, 0x00AD, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029]
        + Array(0x202A...0x202E) + [0x2060] + Array(0x2066...0x2069) + [0xFEFF, 0xFFFE, 0xFFFF, 0x1F600, 0x4E2D, 0x0301]

    /// Where each scalar goes: a one-line field, and a field that may keep line breaks.
    static let places: [(file: String, column: String)] = [
        ("units.csv", "name"), ("units.csv", "group"), ("scores.csv", "evidence"),
    ]

    @Test func everyAcceptedValueGivesSoundDocuments() throws {
        var accepted = 0
        var refused = 0
        for value in Self.scalars {
            let scalar = Unicode.Scalar(value)!
            for place in Self.places {
                let dataset = try ScratchDataset(edited(place, with: "A\(Character(scalar))B"))
                defer { dataset.remove() }
                let checked = dataset.check()
                if !checked.errors.isEmpty {
                    refused += 1
                    let text = checked.errors.map(\.description).joined(separator: "\n")
                    // A NUL byte makes a CSV file binary: refused for the whole file, at its line.
                    let named = text.contains("column '\(place.column)'") || (value == 0 && text.contains("NUL byte"))
                    #expect(named, "U+\(String(value, radix: 16)) in \(place): \(text)")
                    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "a raw control in a message")
                    continue
                }
                accepted += 1
                try checkDocuments(dataset.folder, scalar: value, place: place)
            }
        }
        #expect(refused > 0 && accepted > 0)
    }

    /// `_x0000_` and `_x001B_` in a workbook's cells decode to NUL and ESC: refused at their
    /// cells, shown escaped, before any document is written.
    @Test func escapedControlsInAWorkbookAreNamedAtTheirCells() throws {
        let dataset = try ScratchDataset(["units.csv": nil])
        defer { dataset.remove() }
        let book = HandWrittenWorkbook(sheets: [
            .init(
                name: "units",
                rows: HandWrittenWorkbook.row(1, ["id", "name", "group"])
                    + HandWrittenWorkbook.row(2, ["tp", "Sở_x0000_Tư pháp", "Sở"])
                    + HandWrittenWorkbook.row(3, ["tc", "Sở Tài chính", "Sở_x001B_[2J"]))
        ])
        try book.write(to: dataset.folder.appendingPathComponent("units.xlsx"))
        let errors = dataset.check().errors.map(\.description)
        #expect(
            errors.contains(
                "units.xlsx[units]!B2: error: column 'name': 'Sở\\u{0}Tư pháp' holds the control character U+0000, which documents cannot carry; expected plain text: delete the character (it is shown here as U+0000)"
            ), "\(errors)")
        #expect(
            errors.contains(
                "units.xlsx[units]!C3: error: column 'group': 'Sở\\u{1B}[2J' holds the control character U+001B, which documents cannot carry; expected plain text: delete the character (it is shown here as U+001B)"
            ), "\(errors)")
    }

    /// The example with `scalar` text in one cell.
    private func edited(_ place: (file: String, column: String), with text: String) -> [String: String?] {
        let original = ScratchDataset.example[place.file]!
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let separator: Character = lines[0].contains(";") ? ";" : ","
        let header = lines[0].split(separator: separator).map(String.init)
        let column = header.firstIndex(of: place.column)!
        var fields = lines[1].split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        if fields.count <= column { fields += Array(repeating: "", count: column - fields.count + 1) }
        let quote = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        if place.column == "group" {
            // Both units keep one group, so the dataset stays one group of two units (the group
            // is the example's last column).
            for i in 1..<lines.count where !lines[i].isEmpty {
                var row = lines[i].split(separator: separator, omittingEmptySubsequences: false).map(String.init)
                row = Array(row.prefix(column)) + [quote]
                lines[i] = row.joined(separator: String(separator))
            }
        } else {
            fields[column] = quote
            lines[1] = fields.joined(separator: String(separator))
        }
        return [place.file: lines.joined(separator: "\n")]
    }

    private func checkDocuments(_ folder: URL, scalar: UInt32, place: (file: String, column: String)) throws {
        let out = folder.appendingPathComponent("out")
        let what = "U+\(String(scalar, radix: 16)) in \(place)"
        do {
            try RenderJob.run(folder, .init(output: out, templates: .builtIn, formats: [.html, .xml, .txt, .docx]))
        } catch {
            Issue.record("\(what): accepted by validate but not rendered: \(error)")
            return
        }
        for path in FileTree.files(in: out, hidden: false) {
            let url = out.appendingPathComponent(path)
            if path.hasSuffix(".docx") || path.hasSuffix(".xlsx") {
                let archive = try Archive(url: url, accessMode: .read)
                for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
                    var data = Data()
                    _ = try archive.extract(entry, consumer: { data.append($0) })
                    #expect(XMLWellFormed.check(data), "\(what): \(path) \(entry.path) is not well-formed XML")
                }
            } else if path.hasSuffix(".txt") {
                let text = try String(contentsOf: url, encoding: .utf8)
                #expect(
                    !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) },
                    "\(what): a control in \(path)")
            }
        }
        // The decision's wording: as many căn cứ and recipients as the clean example's.
        let decision = try String(contentsOf: out.appendingPathComponent("quyet-dinh.txt"), encoding: .utf8)
        #expect(!decision.contains("base:") && !decision.contains("recipient:"), "\(what)")
    }
}

/// Whether bytes parse as XML (libxml2, nothing loaded from outside).
enum XMLWellFormed {
    static func check(_ data: Data) -> Bool {
        guard let stream = XMLStream(data) else { return false }
        do {
            while try stream.next() {}
            return true
        } catch { return false }
    }
}
