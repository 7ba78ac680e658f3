/// What kind of body a unit is, as its name says: it decides the header of its documents and who
/// signs them (NĐ 30/2020, Phụ lục I).
package enum UnitKind: Equatable {
    /// Ủy ban nhân dân of a province, district or commune: its own issuing body, signed
    /// `TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH`.
    case peoplesCommittee
    /// A sở, ban, ngành or other agency under the province.
    case agency

    /// `Thành phố Châu Đốc`, `Huyện An Phú`, `UBND xã Ân Thi`, `Đặc khu Phú Quốc`, `Tỉnh Hà Nam` name a UBND;
    /// `Sở Tư pháp`, `Ban Dân tộc` an agency.
    package init(_ name: String) {
        self = Self.place(name) == nil ? .agency : .peoplesCommittee
    }

    private static let committee = ["ubnd ", "ủy ban nhân dân ", "uỷ ban nhân dân ", "ủy ban ", "uỷ ban "]
    package static let places = [
        "tỉnh ", "thành phố ", "huyện ", "thị xã ", "quận ", "xã ", "phường ", "thị trấn ", "đặc khu ",
    ]

    /// The place a UBND governs, as its name gives it: `Thành phố Châu Đốc` for "Thành phố Châu
    /// Đốc" and for "UBND thành phố Châu Đốc"; `nil` for an agency.
    package static func place(_ name: String) -> String? {
        var rest = Substring(name)
        if let prefix = committee.first(where: { rest.lowercased().hasPrefix($0) }) { rest = rest.dropFirst(prefix.count) }
        let lowered = rest.lowercased()
        return places.contains { lowered.hasPrefix($0) } ? String(rest) : nil
    }

    /// Địa danh of a UBND's own documents (NĐ 30/2020 Phụ lục I, II.4.a): the place's own
    /// name without its kind, "Châu Đốc" for Thành phố Châu Đốc, "An Phú" for Huyện An Phú; a
    /// place named by a number keeps its kind ("Phường 5"). `nil` for an agency, which dates its
    /// documents with the province's name.
    package static func placeName(_ name: String) -> String? {
        guard let place = place(name) else { return nil }
        let lowered = place.lowercased()
        guard let kind = places.first(where: { lowered.hasPrefix($0) }) else { return nil }
        let bare = place.dropFirst(kind.count).trimmingCharacters(in: .whitespaces)
        if bare.isEmpty || bare.allSatisfy(\.isNumber) { return place }
        return bare
    }
}
