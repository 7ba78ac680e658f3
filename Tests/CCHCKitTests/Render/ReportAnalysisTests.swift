import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit

/// The results report read as the chairman reads it (issue 28, item 8): ties named, what can be
/// acted on first, no unit blamed for a fall its index does not show, no proposal of the
/// secretariat to itself, no sentence repeated per field.
@Suite struct ReportAnalysisTests {
    /// The report of `dataset` as one line of text.
    private static func report(_ dataset: URL) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try RenderJob.run(dataset, .init(output: out, kinds: [.report], formats: [.txt]))
        let text = try String(contentsOf: out.appendingPathComponent("bao-cao-ket-qua.txt"), encoding: .utf8)
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static let anGiang = Result { try report(TestPaths.input("an-giang-2022")) }

    @Test func aTieAtTheTopNamesEveryUnit() throws {
        let scratch = try ScratchDataset([
            "scores.csv": "unit;code;self;appraised\ntp;1.1;1,5;1,5\ntp;1.2;1,5;1,5\ntc;1.1;1,5;1,5\ntc;1.2;1,5;1,5\n",
            "survey.csv": "unit,code,score\ntp,2,2\ntc,2,2\n",
        ])
        defer { scratch.remove() }
        let text = try Self.report(scratch.folder)
        #expect(text.contains("cao nhất là Sở Tài chính, Sở Tư pháp (100,00%)"), "\(text.prefix(600))")
        #expect(text.contains("Sở Tài chính và Sở Tư pháp cùng xếp thứ 1 (100,00%)"))
    }

    @Test func theTieAtTheIndexIsStated() throws {
        #expect(try Self.anGiang.get().contains("Sở Tài nguyên và Môi trường và Sở Y tế cùng xếp thứ 12 (84,36%)"))
    }

    /// The criteria most units lost points on are the appraised ones; the survey's are said apart.
    @Test func theActionableFindingComesFirstAndTheSurveyApart() throws {
        let text = try Self.anGiang.get()
        let lost = try #require(text.firstRange(of: "Các tiêu chí thẩm định nhiều đơn vị bị mất điểm nhất:"))
        let sentence = text[lost.upperBound...].prefix(400)
        #expect(!sentence.contains("tiêu chí 8."), "survey criteria are not in the appraised finding: \(sentence)")
        #expect(text.contains("Qua điều tra xã hội học, điểm bị mất nhiều nhất ở tiêu chí 8."))
    }

    /// A weak field says which criteria pull it down, how many units lost points, how many
    /// points, and who leads it.
    @Test func aWeakFieldSaysWhatToFixAndWhoLeads() throws {
        let text = try Self.anGiang.get()
        #expect(
            text.contains(
                "Lĩnh vực 6 (bình quân 83,79%, thấp nhất là Sở Thông tin và Truyền thông, Sở Nội vụ: 63,89%): điểm bị mất chủ yếu ở tiêu chí 6.1 – Tỷ lệ giải ngân vốn đầu tư công (15/20 đơn vị bị mất điểm, tổng 10,00 điểm)"
            ))
        #expect(text.contains("cơ quan chủ trì: Sở Tài chính."))
        #expect(!text.contains("Lĩnh vực 1: chỉ số bình quân"), "no sentence repeated for every field")
    }

    @Test func aUnitWhoseIndexRoseIsNotListedAsHavingFallen() throws {
        let text = try Self.anGiang.get()
        let shortcomings = try #require(text.firstRange(of: "V. TỒN TẠI, HẠN CHẾ"))
        let proposals = try #require(text.firstRange(of: "VI. KIẾN NGHỊ"))
        let section = text[shortcomings.upperBound..<proposals.lowerBound]
        // Sở Tư pháp fell 4 places while its index rose 0,90 points.
        #expect(!section.contains("Sở Tư pháp (giảm 4 bậc"))
        #expect(
            text.contains(
                "Giảm bậc dù chỉ số tăng, do các đơn vị khác tăng nhanh hơn: Sở Văn hóa, Thể thao và Du lịch (giảm 2 bậc, chỉ số tăng 0,06 điểm)"
            ))
    }

    @Test func theSecretariatDoesNotProposeToItself() throws {
        let text = try Self.anGiang.get()
        #expect(!text.contains("Đề nghị Sở Nội vụ"))
        #expect(!text.contains(", Sở Nội vụ phân tích nguyên nhân"))
        #expect(text.contains("Sở Nội vụ, cơ quan chủ trì lĩnh vực 4, tiếp tục hướng dẫn"))
    }

    @Test func noUnitIsSaidAsZero() throws {
        let text = try Self.anGiang.get()
        #expect(!text.contains(" 0 đơn vị"))
        #expect(text.contains("không có đơn vị nào giữ nguyên thứ hạng"))
    }
}
