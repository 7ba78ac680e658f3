import CCHCCore
import CCHCKit
import CCHCTestSupport
import Foundation
import Testing

/// Inputs that are unusual but valid: each must validate, compute and render every document in
/// every format (XML valid, text within 100 columns).
@Suite struct UnusualValidInputTests {
    static let emojiAndCJK = "id,name,group\ntp,Sở Tư pháp 🏛️,\"Sở, ban, ngành\"\ntc,東京都 Sở Tài chính,\"Sở, ban, ngành\"\n"
    static let longCell = String(repeating: "Tài liệu kiểm chứng rất dài; ", count: 3_450)

    static let cases: [(String, [String: String?])] = [
        ("empty optional files", ["previous.csv": "", "targets.csv": "\u{FEFF}\n"]),
        ("header-only optional files", ["previous.csv": "unit,index,rank\n", "targets.csv": "unit,code,year,target\n"]),
        (
            "a single unit",
            [
                "units.csv": "id,name,group\ntp,Sở Tư pháp,Sở\n",
                "scores.csv": "unit;code;self;appraised\ntp;1.1;1,5;1,5\ntp;1.2;1;1\n",
                "survey.csv": "unit,code,score,ratio\ntp,2,,80%\n",
                "previous.csv": "unit,index,rank\ntp,70,1\n",
            ]
        ),
        (
            "every criterion of a field N/A",
            ["scores.csv": "unit;code;self;appraised\ntp;1.1;N/A;N/A\ntp;1.2;-;-\ntc;1.1;1;1\ntc;1.2;1;1\n"]
        ),
        (
            "a 100,000-character cell",
            [
                "scores.csv":
                    "unit;code;self;appraised;evidence\ntp;1.1;1,5;1,5;\"\(longCell)\"\ntp;1.2;1;1;\ntc;1.1;1;1;\ntc;1.2;N/A;N/A;\n"
            ]
        ),
        ("names with emoji and CJK characters", ["units.csv": emojiAndCJK]),
        ("no previous.csv", ["previous.csv": nil]),
        (
            "Excel's blank rows",
            [
                "units.csv": "id,name,group\n,,\ntp,Sở Tư pháp,\"Sở, ban, ngành\"\ntc,Sở Tài chính,\"Sở, ban, ngành\"\n,, \n",
                "scores.csv": "unit;code;self;appraised\ntp;1.1;1,5;1,5\n;;;\ntp;1.2;1;1\ntc;1.1;1;1\ntc;1.2;N/A;N/A\n;;;\n;;;\n",
            ]
        ),
    ]

    @Test(arguments: cases.map(\.0))
    func validatesComputesAndRenders(name: String) throws {
        let overrides = Self.cases.first { $0.0 == name }?.1 ?? [:]
        let scratch = try ScratchDataset(overrides)
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(checked.errors.isEmpty, "\(checked.errors)")
        let files = try Rendered.files(checked)
        // The plan, the guidance letter and the council's appraisal report, and with more than one
        // unit the report, the decision and the tờ trình (no commendation: the example's plan has
        // no award rule); each unit's
        // self-assessment and appraisal result, each in html, xml, txt and docx; results.json, .csv,
        // .xlsx and cchc-render.json.
        let units = checked.dataset?.units.count ?? 0
        #expect(files.count == (units > 1 ? 6 : 3) * 4 + units * 2 * 4 + 4)
        for file in files where file.path.hasSuffix(".txt") {
            for (_, line, width) in TextWidths.limits(file.content) {
                #expect(DisplayWidth.of(String(line)) <= width, "\(file.path): \(line.prefix(40))…")
            }
        }
    }

    @Test func theLongCellArrivesWhole() throws {
        let scratch = try ScratchDataset(Self.cases.first { $0.0 == "a 100,000-character cell" }?.1 ?? [:])
        defer { scratch.remove() }
        let dataset = try #require(scratch.check().dataset)
        let evidence = dataset.scores["tp"]?.values.first { $0.code.description == "1.1" }?.evidence ?? []
        #expect(evidence.count == 3_450)
        #expect(Self.longCell.count >= 100_000)
    }
}
