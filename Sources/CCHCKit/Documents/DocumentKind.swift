/// The four documents of the process (SPEC §4).
public enum DocumentKind: String, CaseIterable, Sendable {
    /// Kế hoạch: the plan.
    case plan
    /// Báo cáo tự đánh giá, chấm điểm: one per unit.
    case selfAssessment = "self-assessment"
    /// Báo cáo kết quả: the secretariat's annual results report.
    case report
    /// Quyết định công bố: the decision announcing the results.
    case decision

    /// The file (and template) name.
    public var fileName: String {
        switch self {
        case .plan: return "ke-hoach"
        case .selfAssessment: return "tu-danh-gia"
        case .report: return "bao-cao-ket-qua"
        case .decision: return "quyet-dinh"
        }
    }

    /// Tên loại, as printed (ô 5a).
    public var typeName: String {
        switch self {
        case .plan: return "KẾ HOẠCH"
        case .selfAssessment, .report: return "BÁO CÁO"
        case .decision: return "QUYẾT ĐỊNH"
        }
    }

    /// The type name in normal case, for edXML's TypeName.
    public var typeTitle: String {
        switch self {
        case .plan: return "Kế hoạch"
        case .selfAssessment, .report: return "Báo cáo"
        case .decision: return "Quyết định"
        }
    }

    /// The abbreviation in the ký hiệu (`QĐ`, `KH`, `BC`).
    public var abbreviation: String {
        switch self {
        case .plan: return "KH"
        case .selfAssessment, .report: return "BC"
        case .decision: return "QĐ"
        }
    }
}
