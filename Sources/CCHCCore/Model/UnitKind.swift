/// What kind of body a unit is, as its name says: it decides the header of its documents and who
/// signs them (NĐ 30/2020, Phụ lục I).
package enum UnitKind: Equatable {
    /// Ủy ban nhân dân of a province, district or commune: its own issuing body, signed
    /// `TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH`.
    case peoplesCommittee
    /// A sở, ban, ngành or other agency under the province.
    case agency

    /// `Thành phố Châu Đốc`, `Huyện An Phú`, `UBND xã Ân Thi`, `Tỉnh Hà Nam` name a UBND;
    /// `Sở Tư pháp`, `Ban Dân tộc` an agency.
    package init(_ name: String) {
        self = Self.place(name) == nil ? .agency : .peoplesCommittee
    }

    private static let committee = ["ubnd ", "ủy ban nhân dân ", "uỷ ban nhân dân ", "ủy ban ", "uỷ ban "]
    private static let places = [
        "tỉnh ", "thành phố ", "huyện ", "thị xã ", "quận ", "xã ", "phường ", "thị trấn ",
    ]

    /// The place a UBND governs, as its name gives it: `Thành phố Châu Đốc` for "Thành phố Châu
    /// Đốc" and for "UBND thành phố Châu Đốc"; `nil` for an agency.
    package static func place(_ name: String) -> String? {
        var rest = Substring(name)
        if let prefix = committee.first(where: { rest.lowercased().hasPrefix($0) }) { rest = rest.dropFirst(prefix.count) }
        let lowered = rest.lowercased()
        return places.contains { lowered.hasPrefix($0) } ? String(rest) : nil
    }
}
