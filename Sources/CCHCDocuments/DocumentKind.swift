/// The documents of the process (README, "The documents").
public enum DocumentKind: String, CaseIterable, Codable, Sendable {
    /// Kế hoạch: the plan (or the decision that issues it, with the plan attached).
    case plan
    /// Báo cáo tự đánh giá, chấm điểm: one per unit, as it sends it before appraisal.
    case selfAssessment = "self-assessment"
    /// Thông báo kết quả thẩm định: the council's appraisal of one unit (one per round).
    case appraisal
    /// Báo cáo kết quả: the secretariat's annual results report.
    case report
    /// Quyết định công bố: the decision announcing the results.
    case decision
    /// Quyết định khen thưởng: the chairman's Bằng khen (or Giấy khen) to the units the award rule selects.
    case commendation
    /// Tờ trình: the secretariat asks the province to approve and announce the results.
    case submission
    /// Quyết định thành lập Hội đồng thẩm định: the chairman sets up the appraisal council.
    case council
    /// Công văn hướng dẫn tự đánh giá: the secretariat tells units how to assess themselves.
    case guidance
    /// Báo cáo kết quả thẩm định: the council's report on the appraisal, before the survey is joined.
    case appraisalReport = "appraisal-report"

    /// The file (and template) name.
    public var fileName: String {
        switch self {
        case .plan: return "ke-hoach"
        case .selfAssessment: return "tu-danh-gia"
        case .appraisal: return "ket-qua-tham-dinh"
        case .report: return "bao-cao-ket-qua"
        case .decision: return "quyet-dinh"
        case .commendation: return "quyet-dinh-khen-thuong"
        case .submission: return "to-trinh"
        case .council: return "quyet-dinh-thanh-lap-hoi-dong"
        case .guidance: return "huong-dan-tu-danh-gia"
        case .appraisalReport: return "bao-cao-tham-dinh"
        }
    }

    /// What a document of this kind is printed as, unless it says otherwise.
    public var type: DocumentType {
        switch self {
        case .plan: return .plan
        case .selfAssessment, .report, .appraisalReport: return .report
        case .appraisal: return .notice
        case .decision, .commendation, .council: return .decision
        case .submission: return .submission
        case .guidance: return .letter
        }
    }

    /// Whether the kind ranks units against each other: none of these is written for a dataset
    /// of one unit ("xếp thứ 1/1" means nothing).
    public var ranks: Bool { [.report, .decision, .commendation, .submission].contains(self) }
}

/// Tên loại văn bản: the type a document is printed as (NĐ30 ô 5a), with its ký hiệu.
public enum DocumentType: Sendable {
    /// Quyết định.
    case decision
    /// Kế hoạch.
    case plan
    /// Báo cáo.
    case report
    /// Thông báo.
    case notice
    /// Tờ trình.
    case submission
    /// Công văn: a letter, printed with no type name; its trích yếu is the "V/v …" line under
    /// its number (NĐ30 ô 5b), its ký hiệu has no type abbreviation (`Số: 125/SNV-CCHC`).
    case letter

    /// Tên loại, as printed.
    public var typeName: String {
        switch self {
        case .plan: return "KẾ HOẠCH"
        case .report: return "BÁO CÁO"
        case .notice: return "THÔNG BÁO"
        case .decision: return "QUYẾT ĐỊNH"
        case .submission: return "TỜ TRÌNH"
        case .letter: return ""
        }
    }

    /// The type name in normal case, for edXML's TypeName.
    public var typeTitle: String {
        switch self {
        case .plan: return "Kế hoạch"
        case .report: return "Báo cáo"
        case .notice: return "Thông báo"
        case .decision: return "Quyết định"
        case .submission: return "Tờ trình"
        case .letter: return "Công văn"
        }
    }

    /// The abbreviation in the ký hiệu (`QĐ`, `KH`, `BC`, `TB`).
    public var abbreviation: String {
        switch self {
        case .plan: return "KH"
        case .report: return "BC"
        case .notice: return "TB"
        case .decision: return "QĐ"
        case .submission: return "TTr"
        case .letter: return ""
        }
    }
}
