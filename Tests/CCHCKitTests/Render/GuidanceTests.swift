import CCHCTemplate
import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCompute
@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCInput
@testable import CCHCKit

/// The guidance letter (issue 30, item 2): a công văn of the secretariat, laid out as one in every
/// format, whose Phụ lục are the frameworks as framework.csv gives them.
@Suite struct GuidanceTests {
    /// A công văn has no type name and no trích yếu block: its "V/v …" is under its number, and
    /// `Kính gửi:` lists plan.yaml's addressees one a line, in every format.
    @Test func itIsLaidOutAsACongVanInEveryFormat() throws {
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(TestPaths.input("an-giang-2025"), .init(output: out, kinds: [.guidance]))
        func read(_ format: String) throws -> String {
            try String(contentsOf: out.appendingPathComponent("huong-dan-tu-danh-gia.\(format)"), encoding: .utf8)
        }
        let regarding = "V/v hướng dẫn tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2025"
        let text = try read("txt")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        // The number line beside the date, the V/v under it (wrapped in the left column).
        #expect(lines[3].hasPrefix("Số:      /SNV-CCHC") && lines[3].hasSuffix("An Giang, ngày 22 tháng 12 năm 2025"))
        #expect(lines[4...5].joined(separator: " ") == regarding)
        #expect(!text.contains("CÔNG VĂN") && !lines.contains("BÁO CÁO"))
        let kinhGui = try #require(lines.firstIndex(of: "Kính gửi:"))
        #expect(lines[kinhGui + 1] == "- Các sở, ban, ngành tỉnh;")
        #expect(lines[kinhGui + 2] == "- Ủy ban nhân dân các xã, phường, đặc khu.")
        let html = try read("html")
        #expect(html.contains("<div class=\"regarding\">\(regarding)</div>") && !html.contains("<div class=\"type\">"))
        #expect(html.contains("<p class=\"addressee\">- Ủy ban nhân dân các xã, phường, đặc khu.</p>"))
        let xml = try read("xml")
        #expect(xml.contains("<TypeName>Công văn</TypeName>") && xml.contains("<CodeNotation>SNV-CCHC</CodeNotation>"))
        #expect(
            xml.contains(
                "<Addressees><To>- Các sở, ban, ngành tỉnh;</To><To>- Ủy ban nhân dân các xã, phường, đặc khu.</To></Addressees>")
        )
        let docx = try DocxPackage(Array(Data(contentsOf: out.appendingPathComponent("huong-dan-tu-danh-gia.docx"))))
        let body = try docx.text("word/document.xml")
        #expect(body.contains(regarding) && !body.contains(">QUYẾT ĐỊNH<") && body.contains(">Kính gửi:<"))
        // What the units must know: the deadline, the workbook, the contact, nothing of a survey to score.
        // (The text's lines wrapped, read as one line.)
        let prose = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(prose.contains("trước ngày 20 tháng 01 năm 2026"), "deadlines.self-assessment")
        #expect(prose.contains("liên hệ Phòng Cải cách hành chính, Sở Nội vụ (điện thoại 0296 3000 000)"))
        #expect(prose.contains("ví dụ vpubnd.xlsx"))
    }

    /// One Phụ lục per framework: every criterion in framework order with its max, its scoring
    /// rule and evidence as framework.csv gives them, and its lead where it changes.
    @Test func eachAppendixIsItsFramework() throws {
        let checked = Pipeline.check(TestPaths.input("an-giang-2025"))
        let (dataset, results) = (try #require(checked.dataset), try #require(checked.results))
        let guidance = try #require(try DocumentSet.build(dataset, results, kinds: [.guidance]).first)
        #expect(guidance.header.regarding?.hasPrefix("V/v ") == true && guidance.type == .letter)
        #expect(guidance.appendices.map(\.label) == ["PHỤ LỤC I", "PHỤ LỤC II"])
        for (appendix, file) in zip(guidance.appendices, ["framework-so.csv", "framework-xa.csv"]) {
            guard case .table(let table)? = appendix.blocks.first else {
                Issue.record("\(file): no table")
                continue
            }
            #expect(
                appendix.landscape
                    && appendix.attached.hasPrefix("(Kèm theo Công văn số      /SNV-CCHC ngày 22 tháng 12 năm 2025"))
            // framework.csv read here as text: code, name, rule and evidence of each row.
            let csv = try String(contentsOf: TestPaths.input("an-giang-2025").appendingPathComponent(file), encoding: .utf8)
            var expected: [[String]] = []
            for line in csv.split(separator: "\n").dropFirst() {
                let cells = Self.cells(String(line))
                expected.append([cells[0], cells[1], cells[5], cells[6]])
            }
            let columns = table.columns.map(\.title)
            let rule = try #require(columns.firstIndex(of: "Cách chấm điểm"))
            let evidence = try #require(columns.firstIndex(of: "Tài liệu kiểm chứng"))
            let printed = table.rows.dropLast().map { r in
                [r.cells[0].text, r.cells[1].text, r.cells[rule].text, r.cells[evidence].text]
            }
            let framework = try #require(dataset.frameworks[file])
            for (p, var e) in zip(printed, expected) {
                if e[2].isEmpty, framework[CriterionCode(e[0])!]!.isLeaf, framework[CriterionCode(e[0])!]!.method.isSurvey {
                    e[2] = "Đánh giá qua điều tra xã hội học; cơ quan, đơn vị không tự chấm điểm"
                }
                #expect(p == e, "\(file)")
            }
            #expect(printed.count == expected.count)
            #expect(table.rows.last?.cells[2].value == "100")
        }
    }

    /// Without addressees in plan.yaml, one line a group; a province (which Bộ Nội vụ guides)
    /// gets none, and render says why.
    @Test func addresseesDefaultToTheGroupsAndAProvinceGetsNone() throws {
        let scratch = try ScratchDataset()
        defer { scratch.remove() }
        let checked = scratch.check()
        let (dataset, results) = (try #require(checked.dataset), try #require(checked.results))
        let guidance = try #require(try DocumentSet.build(dataset, results, kinds: [.guidance]).first)
        guard case .addressees(let names)? = guidance.body.first else {
            Issue.record("no Kính gửi")
            return
        }
        #expect(names == ["Các sở, ban, ngành"])
        // An empty list in plan.yaml is no list; a title written as printed keeps one "V/v".
        let plan = ScratchDataset.example["plan.yaml"]!.replacingOccurrences(
            of: "documents:\n", with: "documents:\n  guidance: {addressees: [], title: V/v hướng dẫn chấm điểm}\n")
        let empty = try ScratchDataset(["plan.yaml": plan])
        defer { empty.remove() }
        let emptyChecked = empty.check()
        let (emptyData, emptyResults) = (try #require(emptyChecked.dataset), try #require(emptyChecked.results))
        let letter = try #require(try DocumentSet.build(emptyData, emptyResults, kinds: [.guidance]).first)
        guard case .addressees(let fallback)? = letter.body.first else {
            Issue.record("no Kính gửi")
            return
        }
        #expect(fallback == ["Các sở, ban, ngành"])
        #expect(letter.header.regarding == "V/v hướng dẫn chấm điểm" && letter.header.subject == "hướng dẫn chấm điểm")
        #expect(Block.addresseeLines(names) == ["Các sở, ban, ngành."])
        let province = Pipeline.check(TestPaths.input("quang-binh-2021"))
        var errors: [TemplateError] = []
        let (provinceData, provinceResults) = (try #require(province.dataset), try #require(province.results))
        let factory = DocumentFactory(provinceData, provinceResults, wordings: DocumentKind.wordings(.builtIn, errors: &errors))
        #expect(factory.skipped.contains(.guidance) && factory.skipped.contains(.appraisalReport))
        let out = Rendered.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let rendered = try CLI.run(["render", "Inputs/quang-binh-2021", "--out", out.path, "--formats", "txt"])
        #expect(rendered.stdout.contains("skipped appraisal, appraisal-report, guidance, council: the units are provinces"))
    }

    /// Issued electronically, the letter and the council's report print no number or date though
    /// plan.yaml dates them, and neither does the letter's "(Kèm theo …)" line.
    @Test func issuedElectronicallyTheirDatesAreLeftForTheDocumentSystem() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-guidance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dataset = root.appendingPathComponent("an-giang-2025")
        try FileManager.default.createDirectory(at: dataset, withIntermediateDirectories: true)
        for name in [
            "plan.yaml", "units.csv", "framework-so.csv", "framework-xa.csv", "scores.csv", "questions.csv", "responses.csv",
        ] {
            try FileManager.default.copyItem(
                at: TestPaths.input("an-giang-2025").appendingPathComponent(name), to: dataset.appendingPathComponent(name))
        }
        let plan = dataset.appendingPathComponent("plan.yaml")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\ndocuments:\n", with: "\ndocuments:\n  issuance: electronic\n").utf8).write(
            to: plan)
        let checked = Pipeline.check(dataset)
        let (data, results) = (try #require(checked.dataset), try #require(checked.results))
        let documents = try DocumentSet.build(data, results, kinds: [.guidance, .appraisalReport])
        #expect(documents.count == 2)
        for d in documents {
            #expect(
                d.electronic && d.header.date == nil && d.header.placeAndDate == "An Giang, ngày     tháng     năm 2026",
                "\(d.kind)")
        }
        let guidance = try #require(documents.first { $0.kind == .guidance })
        #expect(
            guidance.appendices.allSatisfy {
                $0.attached == "(Kèm theo Công văn số      /SNV-CCHC ngày     tháng     năm 2026 của Sở Nội vụ)"
            })
    }

    /// A framework.csv line split at its commas, quotes kept together.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        for ch in line {
            if ch == "\"" {
                quoted.toggle()
            } else if ch == "," && !quoted {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(ch)
            }
        }
        return cells + [cell]
    }
}
