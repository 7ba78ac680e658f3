/// How a leaf criterion is scored (phương pháp đánh giá).
public enum ScoringMethod: String, CaseIterable, Sendable, Codable {
    /// Tự đánh giá, thẩm định: self-assessed by the unit, then appraised by the council.
    case thamDinh = "tham-dinh"
    /// Điều tra xã hội học: a sociological survey of officials.
    case dieuTra = "dieu-tra"
    /// SIPAS: the citizens' satisfaction survey.
    case sipas = "sipas"

    /// The column title used in documents.
    public var title: String {
        switch self {
        case .thamDinh: return "Điểm thẩm định"
        case .dieuTra: return "Điểm điều tra XHH"
        case .sipas: return "Điểm SIPAS"
        }
    }

    /// The short form used in running text ("ĐT XHH 19,36/23,5").
    public var shortTitle: String {
        switch self {
        case .thamDinh: return "điểm thẩm định"
        case .dieuTra: return "ĐT XHH"
        case .sipas: return "SIPAS"
        }
    }

    /// Whether the score comes from survey.csv rather than scores.csv.
    public var isSurvey: Bool { self != .thamDinh }
}
