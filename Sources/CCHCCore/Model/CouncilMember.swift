import Foundation

/// Thành viên Hội đồng thẩm định: one member of the appraisal council (council.csv or plan.yaml).
public struct CouncilMember: Codable, Sendable, Equatable {
    /// Họ và tên.
    public var name: String
    /// Chức vụ, e.g. "Giám đốc".
    public var title: String?
    /// Cơ quan, e.g. "Sở Nội vụ": the framework's `lead` names the same agencies.
    public var agency: String?
    /// Chủ tịch, Phó Chủ tịch, Ủy viên or Thư ký (Ủy viên kiêm Thư ký).
    public var role: String

    public init(name: String, title: String? = nil, agency: String? = nil, role: String) {
        (self.name, self.title, self.agency, self.role) = (name, title, agency, role)
    }

    /// The roles a member may have, in the order the decision lists them.
    public static let roles = ["Chủ tịch", "Phó Chủ tịch", "Ủy viên", "Ủy viên kiêm Thư ký", "Thư ký"]
}
