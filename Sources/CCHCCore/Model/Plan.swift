import Foundation

/// plan.yaml: the metadata of a dataset's documents. Only `year`, `issuer` and `place` are
/// required; everything else has a default (see `PlanDefaults`).
public struct Plan: Codable, Sendable {
    /// The assessed year (năm đánh giá).
    public var year: Int
    public var issuer: Issuer
    /// Địa danh, as in "An Giang, ngày 22 tháng 3 năm 2023".
    public var place: String
    /// Decimals shown and used for the index (default 2).
    public var precision: Int?
    /// The agency that runs the process (default "Sở Nội vụ").
    public var secretariat: String?
    /// The province's classification bands (xếp loại); default the national A/B/C/D.
    public var bands: BandSettings?
    /// How many units of each group are proposed for commendation (khen thưởng).
    public var awards: [AwardRule]?
    /// The sociological survey sample (đối tượng điều tra XHH).
    public var survey: SurveySample?
    /// The plan's timeline of tasks.
    public var tasks: [PlanTask]?
    public var documents: DocumentSettings?
    /// Hạn gửi: the last day of each step the scoring workbooks are sent out for (`cchc sheets`).
    public var deadlines: Deadlines?
    /// Hội đồng thẩm định: the council's members, when the dataset has no council.csv.
    public var council: [CouncilMember]?
}

extension Plan {
    /// Issued electronically (NĐ 30/2020 Điều 15.3): the document system gives the number and
    /// the date, the signer signs with a token over a space left for the signature and the seal.
    public var issuedElectronically: Bool { documents?.issuance == "electronic" }

    /// The plan with no document's number or date: with electronic issuance they are the document
    /// system's to give, so every document prints them blank, and so does every "(Kèm theo …)" line.
    package var withoutNumbersAndDates: Plan {
        guard documents != nil else { return self }
        var plan = self
        func blank(_ meta: inout DocumentMeta?) {
            meta?.number = nil
            meta?.date = nil
        }
        blank(&plan.documents!.plan)
        blank(&plan.documents!.selfAssessment)
        blank(&plan.documents!.report)
        blank(&plan.documents!.decision)
        blank(&plan.documents!.appraisal)
        blank(&plan.documents!.planDecision)
        blank(&plan.documents!.commendation)
        blank(&plan.documents!.submission)
        blank(&plan.documents!.council)
        blank(&plan.documents!.guidance)
        blank(&plan.documents!.appraisalReport)
        return plan
    }
}

/// Cơ quan ban hành and its parent (cơ quan chủ quản).
public struct Issuer: Codable, Sendable {
    /// Full name, e.g. "Ủy ban nhân dân tỉnh An Giang".
    public var name: String
    /// Short name for the ký hiệu, e.g. "UBND" in `342/QĐ-UBND`.
    public var short: String
    /// Cơ quan chủ quản, shown above the issuer (omitted for a UBND tỉnh).
    public var parent: String?
    /// The issuer's name as printed in the header, one entry a line (default: `name` in capitals).
    public var lines: [String]?
    /// The edXML OrganId, when known.
    public var id: String?
}

/// Classification bands, per group where a province sets them so.
public struct BandSettings: Codable, Sendable {
    public var `default`: [Band]?
    public var groups: [GroupBands]?
}

/// Xếp loại: a band name and the lowest index (in %) that reaches it.
public struct Band: Codable, Sendable, Equatable {
    public var name: String
    public var min: Points

    public init(name: String, min: Points) {
        self.name = name
        self.min = min
    }

    package enum CodingKeys: String, CodingKey { case name, min }

    /// Reads `min` as text so that `72,5` and `72.5` are exact (never through `Double`).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        let text = try c.decode(String.self, forKey: .min)
        guard case .success(let value) = NumberParser.points(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .min, in: c, debugDescription: "'\(text)' is not a number; expected a percentage such as 90 or 72,5")
        }
        min = value
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode("\(min)", forKey: .min)
    }
}

public struct GroupBands: Codable, Sendable {
    public var group: String
    public var bands: [Band]
}

/// Khen thưởng: the top `count` units of `group` are proposed for commendation.
public struct AwardRule: Codable, Sendable {
    public var group: String
    public var count: Int
    /// Hình thức khen thưởng: "Bằng khen" (the default) or "Giấy khen".
    public var form: String?
    /// Tiền thưởng per unit, in đồng, when the decision states one.
    public var amount: Int?
    /// Units tied at the last place awarded: `include` (the default: every unit whose rank
    /// reaches the count) or `exclude` (none of them, when they would pass the count).
    public var ties: String?
}

/// Đối tượng điều tra XHH: who is surveyed, and how many.
public struct SurveySample: Codable, Sendable {
    /// The total as stated in the plan; CCHC computes its own and warns when they differ.
    public var total: Int?
    public var groups: [SurveyGroup]
    /// When the survey runs, e.g. "Tháng 11 năm 2021".
    public var time: String?
    /// How answers from raw forms make a unit's percentage: `pooled` (the default) or
    /// `mean-of-groups`; `weights` makes it a weighted mean of the groups.
    public var pooling: String?
    /// Each respondent group's weight (decimals, summing to 1), as written.
    public var weights: [String: String]?
    /// The fewest forms a unit should have returned before its survey points are trusted.
    public var minimum: Int?

    public init(total: Int? = nil, groups: [SurveyGroup] = [], time: String? = nil) {
        (self.total, self.groups, self.time) = (total, groups, time)
    }

    package enum CodingKeys: String, CodingKey {
        case total, groups, time, pooling, weights, minimum
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        total = try c.decodeIfPresent(Int.self, forKey: .total)
        groups = try c.decode([SurveyGroup].self, forKey: .groups)
        time = try c.decodeIfPresent(String.self, forKey: .time)
        pooling = try c.decodeIfPresent(String.self, forKey: .pooling)
        weights = try c.decodeIfPresent([String: String].self, forKey: .weights)
        minimum = try c.decodeIfPresent(Int.self, forKey: .minimum)
    }
}

public struct SurveyGroup: Codable, Sendable {
    public var name: String
    public var count: Int
    /// How the count is made up, e.g. "3 người/sở x 20 sở".
    public var note: String?
}

/// One task of the plan's timeline.
public struct PlanTask: Codable, Sendable {
    public var title: String
    public var description: String?
    /// Cơ quan chủ trì.
    public var lead: String
    /// Cơ quan phối hợp.
    public var partners: String?
    /// Thời gian, e.g. "Tháng 3 năm 2023".
    public var time: String
}

/// Per-kind settings of the documents.
public struct DocumentSettings: Codable, Sendable {
    public var plan: DocumentMeta?
    public var selfAssessment: DocumentMeta?
    public var report: DocumentMeta?
    public var decision: DocumentMeta?
    /// Thông báo kết quả thẩm định: the council's appraisal of each unit.
    public var appraisal: DocumentMeta?
    /// The decision that issues the plan (seed 004: Quyết định 342/QĐ-UBND ban hành Kế hoạch):
    /// when given, the plan is printed attached to it, with no number, date or signature of its own.
    public var planDecision: DocumentMeta?
    /// Quyết định khen thưởng: the chairman's decision commending the units the award rule selects.
    public var commendation: DocumentMeta?
    /// Tờ trình: the secretariat's submission of the results to the province for approval.
    public var submission: DocumentMeta?
    /// Quyết định thành lập Hội đồng thẩm định: the chairman's decision setting up the council.
    public var council: DocumentMeta?
    /// Công văn hướng dẫn: the secretariat's letter telling units how to assess themselves.
    public var guidance: DocumentMeta?
    /// Báo cáo kết quả thẩm định: the council's report on the appraisal, before the survey is joined.
    public var appraisalReport: DocumentMeta?
    /// Cách phát hành: `paper` (the default) or `electronic`, when the document system gives each
    /// document its number and date as it issues it and the signer signs with the agency's token.
    public var issuance: String?

    package enum CodingKeys: String, CodingKey {
        case plan, report, decision, appraisal, issuance, commendation, submission, council, guidance
        case appraisalReport = "appraisal-report"
        case selfAssessment = "self-assessment"
        case planDecision = "plan-decision"
    }
}

/// The variable parts of one document: number, date, title, legal bases, prose, signer, recipients.
public struct DocumentMeta: Codable, Sendable {
    /// Số: left blank (`Số:      /QĐ-UBND`) until the document is numbered.
    public var number: Int?
    /// The ký hiệu after the number, default `<type>-<issuer short>` (e.g. `QĐ-UBND`).
    public var symbol: String?
    /// The signing date, `YYYY-MM-DD`; left blank to fill in by hand when absent.
    public var date: String?
    /// Trích yếu.
    public var title: String?
    /// Căn cứ: the legal bases, one per entry.
    public var bases: [String]?
    /// Sections of prose, replacing the default text of the kind.
    public var sections: [ProseSection]?
    public var signer: Signer?
    /// Nơi nhận, one entry a line (without the leading "- " and trailing ";").
    public var recipients: [String]?
    /// The `Lưu:` line, e.g. "VT, NC".
    public var archive: String?
    /// Who carries out a decision (the last Điều).
    public var executors: String?
    /// The "(Ban hành kèm theo …)" line of a document issued with a decision.
    public var attached: String?
    /// The last day a unit may answer the first round of appraisal (kết quả thẩm định lần 1),
    /// `YYYY-MM-DD`.
    public var deadline: String?
    /// Đầu mối liên hệ: who answers questions about a letter (the guidance's last paragraph),
    /// e.g. "bà Nguyễn Thị Lan, Phòng Cải cách hành chính, điện thoại 0296 3852 xxx".
    public var contact: String?
    /// Kính gửi: whom a letter is addressed to, one entry a line (the guidance: the groups of
    /// units, by default one line a group).
    public var addressees: [String]?
}

/// A section of prose: a heading, paragraphs, bullet items and subsections.
public struct ProseSection: Codable, Sendable {
    public var title: String
    public var paragraphs: [String]?
    public var items: [String]?
    public var sections: [ProseSection]?

    package init(title: String, paragraphs: [String]? = nil, items: [String]? = nil, sections: [ProseSection]? = nil) {
        self.title = title
        self.paragraphs = paragraphs
        self.items = items
        self.sections = sections
    }
}

/// Người ký: quyền hạn, chức vụ and name.
public struct Signer: Codable, Sendable {
    /// `TM.`, `KT.`, `Q.`, `TL.`, `TUQ.`; empty when the head signs in person.
    public var competence: String?
    /// The collective body for `TM.`, e.g. "ỦY BAN NHÂN DÂN".
    public var body: String?
    /// The title, e.g. "CHỦ TỊCH" or "PHÓ CHỦ TỊCH".
    public var position: String
    public var name: String
    /// The lines above the signature, overriding the ones made from the fields above.
    public var lines: [String]?

    package init(competence: String?, body: String?, position: String, name: String, lines: [String]? = nil) {
        self.competence = competence
        self.body = body
        self.position = position
        self.name = name
        self.lines = lines
    }
}
