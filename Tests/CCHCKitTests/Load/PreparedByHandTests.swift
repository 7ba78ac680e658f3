import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit

/// What a secretariat that prepared its own files gives cchc: no `short`, its own column names
/// for the heads, no signer's name, last year's ranks copied wrong. Each is told, never passed
/// over in silence.
@Suite struct PreparedByHandTests {
    private let agencies = """
        id,name,group,signer
        tp,Sở Tư pháp,"Sở, ban, ngành",Phạm Văn Tư
        tc,Sở Tài chính,"Sở, ban, ngành",Hoàng Thị Tài

        """

    // MARK: Ký hiệu

    @Test(arguments: [
        ("Sở Kế hoạch và Đầu tư", "SKHĐT"), ("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"),
        ("Ban Quản lý dự án \"Đầu tư xây dựng\"", "BQLDAĐTXD"), ("Sở Nội vụ", "SNV"), ("Sở Ngoại vụ", "SNV"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "VPUBNDT"), ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
    ])
    func aSymbolIsDerivedFromTheSignificantWords(name: String, symbol: String) {
        #expect(IssuerSymbol.derive(name) == symbol)
    }

    @Test func aLongerSymbolTellsTwoAgenciesApart() {
        #expect(IssuerSymbol.longer("Sở Ngoại vụ") == "SNgV")
    }

    @Test func noShortColumnIsWarnedWithTheDerivedSymbols() throws {
        let scratch = try ScratchDataset(["units.csv": agencies])
        defer { scratch.remove() }
        let warnings = scratch.check().warnings.map(\.description)
        #expect(
            warnings.contains(
                "units.csv:1: warning: no column 'short': the ký hiệu of 2 agencies' documents are derived from the name (tp → STP, tc → STC); expected a column short with each unit's abbreviation, e.g. STP for Sở Tư pháp"
            ))
    }

    @Test func twoAgenciesWithOneSymbolAreAnError() throws {
        let scratch = try ScratchDataset(
            ScratchDataset.scored(
                units: "id,name,group,short\nsnv,Sở Nội vụ,\"Sở, ban, ngành\",SNV\nsngv,Sở Ngoại vụ,\"Sở, ban, ngành\",\n"))
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(
            checked.errors.map(\.description) == [
                "units.csv:3: error: column 'short': Sở Ngoại vụ and Sở Nội vụ (line 2) would both sign as BC-SNV; expected a 'short' of its own for each, e.g. SNgV"
            ])
        #expect(
            checked.warnings.map(\.description).contains {
                $0.hasPrefix("units.csv:3: warning: column 'short': empty for Sở Ngoại vụ")
            })
    }

    /// The header of a unit's own documents carries the derived symbol, never a quote or a mark.
    @Test func theDerivedSymbolIsTheOneTheDocumentPrints() throws {
        let scratch = try ScratchDataset(
            ScratchDataset.scored(
                units: "id,name,group\nkh,Sở Kế hoạch và Đầu tư,\"Sở, ban, ngành\"\ntc,Sở Tài chính,\"Sở, ban, ngành\"\n"))
        defer { scratch.remove() }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-symbol-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(scratch.check(), .init(output: out, formats: [.txt]))
        let text = try String(contentsOf: out.appendingPathComponent("tu-danh-gia/kh.txt"), encoding: .utf8)
        #expect(text.contains("/BC-SKHĐT"))
    }

    // MARK: Columns cchc does not read

    @Test func columnsCchcDoesNotReadAreReportedWithTheirLikelyNames() throws {
        let scratch = try ScratchDataset([
            "units.csv":
                "id,name,group,short,head_title,head_name\ntp,Sở Tư pháp,\"Sở, ban, ngành\",STP,GIÁM ĐỐC,Nguyễn Văn A\ntc,Sở Tài chính,\"Sở, ban, ngành\",STC,GIÁM ĐỐC,Trần Thị B\n",
            "survey.csv": "unit,code,score,ratio,scroe\ntp,2,,\"80%\",\ntc,2,\"1,2\",,\n",
        ])
        defer { scratch.remove() }
        let warnings = scratch.check().warnings.map(\.description)
        let units =
            "expected one of: id, name, group, framework, short, head, signer, parent, issuer, place, population (rename it, or remove it)"
        #expect(
            warnings.contains(
                "units.csv:1: warning: column 'head_title': cchc does not read this column, so nothing in it reaches a document; did you mean 'head'? \(units)"
            ))
        #expect(
            warnings.contains(
                "units.csv:1: warning: column 'head_name': cchc does not read this column, so nothing in it reaches a document; did you mean 'signer'? \(units)"
            ))
        #expect(
            warnings.contains {
                $0.hasPrefix("survey.csv:1: warning: column 'scroe': cchc does not read this column")
                    && $0.contains("did you mean 'score'?")
            })
    }

    /// Columns are matched without regard to case, for the checks as for the documents.
    @Test func aColumnWrittenInCapitalsIsTheSameColumn() throws {
        let scratch = try ScratchDataset(
            ScratchDataset.scored(units: "id,name,group,Short,Signer\ntp,Sở Tư pháp,Nhóm,STP,Phạm Văn Tư\n"))
        defer { scratch.remove() }
        let warnings = scratch.check().warnings.map(\.message)
        #expect(!warnings.contains { $0.contains("'short'") || $0.contains("signer") && $0.contains("units") }, "\(warnings)")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-case-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(scratch.check(), .init(output: out, kinds: [.selfAssessment], formats: [.txt]))
        let text = try String(contentsOf: out.appendingPathComponent("tu-danh-gia/tp.txt"), encoding: .utf8)
        #expect(text.contains("/BC-STP") && text.contains("Phạm Văn Tư"))
    }

    // MARK: Signers

    @Test func aSelfAssessmentWithNoSignersNameIsWarned() throws {
        let scratch = try ScratchDataset([
            "units.csv":
                "id,name,group,short,head,signer\ntp,Sở Tư pháp,\"Sở, ban, ngành\",STP,GIÁM ĐỐC,Nguyễn Văn A\ntc,Sở Tài chính,\"Sở, ban, ngành\",STC,GIÁM ĐỐC,\n"
        ])
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(
            checked.warnings.map(\.description).contains(
                "units.csv:3: warning: column 'signer': empty for Sở Tài chính: its self-assessment prints no name under the signature; expected the head's name, e.g. Nguyễn Văn A"
            ))
        #expect(!checked.passes(strict: true), "--strict fails on an unsigned document")
    }

    @Test func aDocumentWithNoSignerInThePlanIsWarned() throws {
        let scratch = try ScratchDataset([
            "plan.yaml": "year: 2024\nissuer: {name: Ủy ban nhân dân tỉnh Mẫu, short: UBND}\nplace: Mẫu\n"
        ])
        defer { scratch.remove() }
        let warnings = scratch.check().warnings.map(\.description)
        for kind in ["plan", "appraisal", "report", "decision"] {
            #expect(
                warnings.contains {
                    $0.contains(
                        "'documents.\(kind).signer': not given; the document is signed by its wording's title with no name under it"
                    )
                }, "\(kind)")
        }
    }

    // MARK: Last year's ranks

    @Test func lastYearsRanksThatContradictItsIndexesAreWarned() throws {
        let scratch = try ScratchDataset(["previous.csv": "unit,index,rank\ntp,\"70,80\",1\ntc,\"93,89\",2\n"])
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(
            checked.warnings.map(\.description).contains(
                "previous.csv:3: warning: column 'rank': unit tc ranked 2 at index 93,89 and unit tp (line 2) ranked 1 at 70,8, in group 'Sở, ban, ngành': last year's ranks do not follow last year's indexes; expected the ranks of the published results (a higher index ranks better, equal indexes share a rank), or the documents state rank changes that contradict the index changes"
            ))
        #expect(!checked.passes(strict: true))
    }

    @Test func lastYearsRanksThatFollowItsIndexesPass() throws {
        let scratch = try ScratchDataset(["previous.csv": "unit,index,rank\ntp,\"70,80\",2\ntc,\"93,89\",1\n"])
        defer { scratch.remove() }
        #expect(!scratch.check().warnings.contains { $0.file.file == "previous.csv" })
    }
}
