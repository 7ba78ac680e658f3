import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit

/// NĐ 30/2020 on the header (ô 1–4) and on names in running text, read from what was written.
@Suite struct HeaderAndPlaceTests {
    /// Renders `scratch` as text and returns each written file's text by its path.
    private func render(_ scratch: ScratchDataset, kinds: [DocumentKind] = DocumentKind.allCases) throws -> [String: String] {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-header-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(scratch.check(), .init(output: out, kinds: kinds, formats: [.txt, .xml]))
        var texts: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: out.path)
        where path.hasSuffix(".txt") || path.hasSuffix(".xml") {
            texts[path] = try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
        }
        return texts
    }

    private let capitalIssuer = """
        year: 2024
        issuer:
          name: ỦY BAN NHÂN DÂN TỈNH AN GIANG
          short: UBND
        place: An Giang

        """

    @Test func anIssuerGivenInCapitalsBreaksAfterTheCommittee() throws {
        let scratch = try ScratchDataset(["plan.yaml": capitalIssuer])
        defer { scratch.remove() }
        let texts = try render(scratch, kinds: [.plan, .selfAssessment])
        let plan = try #require(texts["ke-hoach.txt"])
        let lines = plan.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix("ỦY BAN NHÂN DÂN") && !$0.contains("TỈNH") })
        #expect(lines.contains { $0.hasPrefix("TỈNH AN GIANG") })
        // A sở's header: the province on one line, and "Số:" beside the date (ô 3 and ô 4).
        let own = try #require(texts["tu-danh-gia/tp.txt"])
        let ownLines = own.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(ownLines.first?.hasPrefix("UBND TỈNH AN GIANG") == true, "\(ownLines.prefix(3))")
        #expect(ownLines.contains { $0.hasPrefix("Số:") && $0.contains("An Giang, ngày") })
    }

    @Test func sentencesWriteTheIssuerInSentenceCase() throws {
        let scratch = try ScratchDataset(["plan.yaml": capitalIssuer])
        defer { scratch.remove() }
        let texts = try render(scratch, kinds: [.plan, .report, .decision])
        for (path, text) in texts where path.hasSuffix(".txt") {
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(!flat.contains("Văn phòng ỦY BAN"), "\(path)")
            #expect(!flat.contains("của ỦY BAN NHÂN DÂN"), "\(path)")
        }
        let plan = try #require(texts["ke-hoach.txt"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(plan.contains("báo cáo Ủy ban nhân dân tỉnh An Giang."))
    }

    @Test(arguments: [
        ("ỦY BAN NHÂN DÂN TỈNH AN GIANG", "Ủy ban nhân dân tỉnh An Giang"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ CHÂU ĐỐC", "Ủy ban nhân dân thành phố Châu Đốc"),
        ("Ủy ban nhân dân tỉnh Hà Nam", "Ủy ban nhân dân tỉnh Hà Nam"), ("SỞ NỘI VỤ", "SỞ NỘI VỤ"),
    ])
    func anOrgansNameInASentence(given: String, written: String) {
        #expect(Sentence.organName(given) == written)
    }

    @Test(arguments: [
        ("Thị xã Tân Châu", "thị xã Tân Châu"), ("Huyện An Phú", "huyện An Phú"), ("Thành phố Châu Đốc", "thành phố Châu Đốc"),
        ("Sở Tư pháp", "Sở Tư pháp"), ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ])
    func aUnitsNameInASentence(given: String, written: String) {
        #expect(Sentence.unitName(given) == written)
    }

    // MARK: Địa danh

    @Test(arguments: [
        ("Thành phố Châu Đốc", "Châu Đốc"), ("Huyện An Phú", "An Phú"), ("Thị xã Tân Châu", "Tân Châu"), ("Phường 5", "Phường 5"),
        ("UBND xã Ân Thi", "Ân Thi"),
    ])
    func aUBNDDatesItsDocumentsWithItsOwnPlace(name: String, place: String) {
        #expect(UnitKind.placeName(name) == place)
    }

    @Test func aDistrictsSelfAssessmentIsDatedWithItsOwnName() throws {
        let scratch = try ScratchDataset(
            ScratchDataset.scored(
                units: "id,name,group,place\ntp,Sở Tư pháp,Nhóm,\ncd,Thành phố Châu Đốc,Nhóm,\nap,Huyện An Phú,Nhóm,Đa Phước\n"))
        defer { scratch.remove() }
        let texts = try render(scratch, kinds: [.selfAssessment])
        #expect(try #require(texts["tu-danh-gia/cd.txt"]).contains("Châu Đốc, ngày"))
        #expect(try #require(texts["tu-danh-gia/tp.txt"]).contains("Mẫu, ngày"))
        #expect(try #require(texts["tu-danh-gia/ap.txt"]).contains("Đa Phước, ngày"), "units.csv's place overrides")
    }

    // MARK: A province, appraised by Bộ Nội vụ

    @Test func aProvinceGetsNoCouncilNoticeAndReportsToTheMinistry() throws {
        let scratch = try ScratchDataset(
            ScratchDataset.scored(
                units:
                    "id,name,group\nhn,Tỉnh Hà Nam,\"Tỉnh, thành phố trực thuộc Trung ương\"\nqb,Tỉnh Quảng Bình,\"Tỉnh, thành phố trực thuộc Trung ương\"\n"
            ))
        defer { scratch.remove() }
        let checked = scratch.check()
        #expect(!checked.warnings.contains { $0.message.contains("documents.appraisal.signer") })
        let texts = try render(scratch)
        #expect(!texts.keys.contains { $0.hasPrefix("ket-qua-tham-dinh/") })
        let own = try #require(texts["tu-danh-gia/hn.txt"])
        #expect(own.contains("- Bộ Nội vụ;"))
        #expect(!own.contains("Hội đồng thẩm định"))
    }
}
