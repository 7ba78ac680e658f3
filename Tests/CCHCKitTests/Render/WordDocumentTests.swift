import CCHCTestSupport
import Foundation
import FoundationXML
import Testing

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore
@testable import CCHCWriters

/// The .docx of every document, read back part by part as Word reads it: the NĐ30 page, fonts
/// and language, headers and page numbers, tables an officer edits, the same bytes every time.
@Suite struct WordDocumentTests {
    static func docx(_ dataset: String = "an-giang-2022") throws -> [(path: String, package: DocxPackage)] {
        try Rendered.files(dataset).filter { $0.path.hasSuffix(".docx") }.map { ($0.path, try DocxPackage($0.bytes)) }
    }

    @Test func everyDocumentHasTheSamePartsAndEachParses() throws {
        let files = try Self.docx()
        #expect(files.count == 8 + 31 + 2 * 31)
        for (path, package) in files {
            #expect(
                package.names == [
                    "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                    "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
                    "word/theme/theme1.xml", "word/header1.xml", "word/header2.xml",
                ], "\(path)")
            for part in package.names { #expect(throws: Never.self, "\(path): \(part)") { _ = try package.xml(part) } }
            let body = package.text("word/document.xml")
            #expect(body == body.precomposedStringWithCanonicalMapping, "\(path): text not NFC")
        }
    }

    /// A4 with NĐ30's margins; each appendix a section numbered from 1, landscape when wide;
    /// no number on any section's first page; the number centred at the top in 13 pt.
    @Test func pagesSectionsAndPageNumbers() throws {
        let files = try Self.docx()
        let decision = try #require(files.first { $0.path == "quyet-dinh.docx" }?.package)
        let root = try #require(try decision.xml("word/document.xml").rootElement())
        let sections = DocxPackage.all("w:sectPr", in: root)
        #expect(sections.count == 3, "the decision and its two appendices")
        for (i, section) in sections.enumerated() {
            let size = try #require(DocxPackage.children("w:pgSz", of: section).first)
            let (w, h) = (DocxPackage.attribute(size, "w:w"), DocxPackage.attribute(size, "w:h"))
            if i == 0 {
                #expect(w == "11906" && h == "16838" && DocxPackage.attribute(size, "w:orient") == nil)
                let margins = try #require(DocxPackage.children("w:pgMar", of: section).first)
                #expect(
                    ["w:top", "w:bottom", "w:left", "w:right"].map { DocxPackage.attribute(margins, $0) }
                        == ["1134", "1134", "1701", "850"])
            } else {
                #expect(w == "16838" && h == "11906" && DocxPackage.attribute(size, "w:orient") == "landscape", "Phụ lục \(i)")
            }
            #expect(DocxPackage.children("w:titlePg", of: section).count == 1)
            #expect(
                DocxPackage.children("w:pgNumType", of: section).first.flatMap { DocxPackage.attribute($0, "w:start") } == "1")
            let references = DocxPackage.children("w:headerReference", of: section)
            #expect(references.map { DocxPackage.attribute($0, "w:type") } == ["default", "first"])
            // Schema order: headers, pgSz, pgMar, pgNumType, cols, titlePg.
            #expect(
                (section.children ?? []).compactMap(\.name) == [
                    "w:headerReference", "w:headerReference", "w:pgSz", "w:pgMar", "w:pgNumType", "w:cols", "w:titlePg",
                ])
        }
        let pageNumber = decision.text("word/header1.xml")
        #expect(pageNumber.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        #expect(!decision.text("word/header2.xml").contains("PAGE"), "page 1 unnumbered")
        // The plan decision's attached plan and the plan's own appendix: sections too.
        let plan = try #require(files.first { $0.path == "ke-hoach.docx" }?.package)
        #expect(DocxPackage.all("w:sectPr", in: try #require(try plan.xml("word/document.xml").rootElement())).count >= 2)
    }

    /// Times New Roman in every rFonts slot, 14 pt, vi-VN, in the defaults and every style; Word's
    /// own heading styles for the headings.
    @Test func fontsLanguageAndStyles() throws {
        let package = try #require(try Self.docx().first { $0.path == "bao-cao-ket-qua.docx" }?.package)
        let styles = try #require(try package.xml("word/styles.xml").rootElement())
        let fonts = DocxPackage.all("w:rFonts", in: styles)
        #expect(fonts.count > 10)
        for f in fonts {
            #expect(
                ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"].allSatisfy { DocxPackage.attribute(f, $0) == "Times New Roman" })
        }
        for lang in DocxPackage.all("w:lang", in: styles) { #expect(DocxPackage.attribute(lang, "w:val") == "vi-VN") }
        let defaults = try #require(DocxPackage.all("w:rPrDefault", in: styles).first)
        #expect(DocxPackage.all("w:sz", in: defaults).first.flatMap { DocxPackage.attribute($0, "w:val") } == "28")
        let names = DocxPackage.all("w:style", in: styles).compactMap { DocxPackage.children("w:name", of: $0).first }
            .compactMap { DocxPackage.attribute($0, "w:val") }
        #expect(Set(["Normal", "heading 1", "heading 2", "heading 3", "Table Grid", "header"]).isSubset(of: Set(names)))
        let body = try #require(try package.xml("word/document.xml").rootElement())
        let used = Set(DocxPackage.all("w:pStyle", in: body).compactMap { DocxPackage.attribute($0, "w:val") })
        #expect(used.contains("Heading1") && used.contains("Heading2"), "the report's sections are Word headings")
        let ids = Set(DocxPackage.all("w:style", in: styles).compactMap { DocxPackage.attribute($0, "w:styleId") })
        #expect(used.isSubset(of: ids), "every style used is defined: \(used.subtracting(ids))")
    }

    /// Data tables: header row repeated, every row kept whole, a paragraph in every cell, the
    /// widths adding up to the line; the header block and signature without borders.
    @Test func tablesAsWordWantsThem() throws {
        for (path, package) in try Self.docx() {
            let root = try #require(try package.xml("word/document.xml").rootElement())
            let tables = DocxPackage.all("w:tbl", in: root)
            // The tờ trình is prose: its header block and signature only.
            #expect(tables.count >= (path.hasPrefix("to-trinh") ? 2 : 3), "\(path): header block, a table, signature")
            var borderless = 0
            for (i, table) in tables.enumerated() {
                let properties = try #require(DocxPackage.children("w:tblPr", of: table).first)
                let bordered =
                    DocxPackage.children("w:tblStyle", of: properties).first.flatMap { DocxPackage.attribute($0, "w:val") }
                    == "TableGrid"
                if !bordered { borderless += 1 }
                if i == 0 { #expect(!bordered, "\(path): the header block first, without borders") }
                let rows = DocxPackage.children("w:tr", of: table)
                for (r, row) in rows.enumerated() {
                    let trPr = try #require(DocxPackage.children("w:trPr", of: row).first, "\(path) table \(i) row \(r)")
                    #expect(DocxPackage.children("w:cantSplit", of: trPr).count == 1)
                    #expect(DocxPackage.children("w:tblHeader", of: trPr).count == (bordered && r == 0 ? 1 : 0))
                    for cell in DocxPackage.children("w:tc", of: row) {
                        #expect(
                            !DocxPackage.children("w:p", of: cell).isEmpty,
                            "\(path) table \(i) row \(r): a cell without a paragraph")
                    }
                }
                let grid = DocxPackage.all("w:gridCol", in: table).compactMap {
                    DocxPackage.attribute($0, "w:w").flatMap(Int.init)
                }
                let width = DocxPackage.children("w:tblW", of: properties).first.flatMap { DocxPackage.attribute($0, "w:w") }
                #expect(String(grid.reduce(0, +)) == width, "\(path) table \(i): columns \(grid) against \(width ?? "-")")
                // The first row gives each column its width, as the grid does; later rows leave it
                // to the grid (Word's fixed layout).
                let firstRow = rows.first.map { DocxPackage.children("w:tc", of: $0) } ?? []
                let cellWidths = firstRow.map { cell in
                    DocxPackage.children("w:tcPr", of: cell).first.flatMap { DocxPackage.children("w:tcW", of: $0).first }
                        .flatMap { DocxPackage.attribute($0, "w:w") }.flatMap(Int.init)
                }
                #expect(cellWidths == grid, "\(path) table \(i): the first row's widths")
                for row in rows.dropFirst() {
                    for cell in DocxPackage.children("w:tc", of: row) {
                        #expect(DocxPackage.children("w:tcPr", of: cell).isEmpty)
                    }
                }
            }
            #expect(borderless == 2, "\(path): the header block and the signature have no borders")
        }
    }

    /// The header as NĐ30 prints it, the blanks of an unnumbered, undated draft kept to type into.
    @Test func theHeaderBlockAndItsBlanks() throws {
        let package = try #require(try Self.docx().first { $0.path == "quyet-dinh.docx" }?.package)
        let lines = package.bodyText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for expected in [
            "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số:      /QĐ-UBND",
            "QUYẾT ĐỊNH", "QUYẾT ĐỊNH:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHỤ LỤC I", "PHỤ LỤC II",
        ] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "\(expected) not found")
        }
        #expect(lines.contains { $0.range(of: #"^An Giang, ngày +tháng +năm 2023$"#, options: .regularExpression) != nil })
        #expect(package.text("word/document.xml").contains("<w:t xml:space=\"preserve\">Số:      /QĐ-UBND</w:t>"))
        #expect(package.text("docProps/core.xml").contains("<dc:language>vi-VN</dc:language>"))
    }

    /// Spaces Word would drop (at either end of a run, two together) are kept with
    /// `xml:space="preserve"`; a run without them has none to lose.
    @Test func spacesThatMatterArePreserved() throws {
        let cases: [(String, Bool)] = [
            ("Số:      /QĐ-UBND", true), (" a", true), ("a ", true), ("a\tb", true), ("a b c", false), ("", false),
            ("Sở Nội vụ", false),
        ]
        for (text, expected) in cases {
            #expect(Array(text.utf8).withUnsafeBufferPointer(WordXML.needsPreserve) == expected, "\(text)")
        }
        for (path, package) in try Self.docx() {
            let body = package.text("word/document.xml")
            for match in body.matches(of: /<w:t>([^<]*)<\/w:t>/) {
                let text = String(match.1)
                #expect(!text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.contains("  "), "\(path): «\(text)»")
            }
        }
    }

    /// Two `cchc render` processes, in other time zones and into other folders, write the same
    /// .docx and .xlsx bytes as this process renders, and every entry of every file is dated
    /// 1980-01-01 00:00 whatever the clock says: nothing of the moment, the machine or the
    /// process goes into a file.
    @Test func theSameDocumentGivesTheSameBytesInEveryProcess() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-same-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var written: [[String: Data]] = []
        for (i, zone) in ["UTC", "Asia/Ho_Chi_Minh"].enumerated() {
            let out = root.appendingPathComponent("out-\(i)")
            let run = try CLI.run(
                ["render", "Inputs/quang-binh-2021", "--out", out.path, "--formats", "docx"], environment: ["TZ": zone])
            #expect(run.status == 0, "\(run.stderr)")
            var files: [String: Data] = [:]
            for path in FileTree.files(in: out, hidden: false) where path.hasSuffix(".docx") || path.hasSuffix(".xlsx") {
                files[path] = try Data(contentsOf: out.appendingPathComponent(path))
            }
            written.append(files)
        }
        let here = try Rendered.files("quang-binh-2021").filter { $0.path.hasSuffix(".docx") }
        #expect(
            here.count == 2 && written[0].count == 3,
            "the plan, the self-assessment (a province gets no council notice) and results.xlsx")
        #expect(written[0] == written[1])
        for file in here { #expect(written[0][file.path] == Data(file.bytes), "\(file.path)") }
        for (path, data) in written[0] {
            let dates = Self.entryDates(data)
            #expect(!dates.isEmpty && dates.allSatisfy { $0 == (0, 0x21) }, "\(path): \(dates.prefix(3))")
        }
    }

    /// The DOS time and date of every entry of a ZIP's central directory.
    private static func entryDates(_ data: Data) -> [(UInt16, UInt16)] {
        let bytes = [UInt8](data)
        var dates: [(UInt16, UInt16)] = []
        var i = 0
        while i + 16 <= bytes.count {
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02 {
                dates.append(
                    (UInt16(bytes[i + 12]) | UInt16(bytes[i + 13]) << 8, UInt16(bytes[i + 14]) | UInt16(bytes[i + 15]) << 8))
                i += 46
            } else {
                i += 1
            }
        }
        return dates
    }
}
