/// Đơn vị được đánh giá: a department, a district or a commune being ranked.
///
/// Named `AssessedUnit` so it does not clash with Foundation's measurement units.
public struct AssessedUnit: Sendable {
    public var id: String
    public var name: String
    /// The ranking group ("Sở, ban, ngành", "UBND cấp huyện", …).
    public var group: String
    /// The framework file the unit is assessed on.
    public var framework: String
    /// Every other column of units.csv, for the unit's own documents (issuer, head, …), by the
    /// column's name in lower case.
    public var extra: [String: String]
    public var line: Int

    package init(id: String, name: String, group: String, framework: String, extra: [String: String], line: Int) {
        self.id = id
        self.name = name
        self.group = group
        self.framework = framework
        self.extra = extra
        self.line = line
    }
}

extension AssessedUnit {
    /// A province or a centrally-run city (tỉnh, thành phố trực thuộc Trung ương): Bộ Nội vụ
    /// appraises it, so no council of the province sends it an appraisal notice, and it reports
    /// to Bộ Nội vụ. Told by its name ("Tỉnh Hà Nam") or its group ("Tỉnh, thành phố trực thuộc
    /// Trung ương").
    public var isProvince: Bool {
        let place = UnitKind.place(name)?.lowercased() ?? ""
        return place.hasPrefix("tỉnh ") || group.lowercased().contains("trực thuộc trung ương")
    }

    /// Whether the province's appraisal council appraises the unit (every unit but a province).
    public var isAppraisedByCouncil: Bool { !isProvince }
}
