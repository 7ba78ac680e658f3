import Foundation

/// Xếp hạng: competition ranking on a rounded index, ties listed in Vietnamese order of name.
public enum Ranking {
    /// The order and ranks of `items`: index descending, equal indexes share a rank and the next
    /// rank skips (1, 2, 2, 4); items without an index come last and get no rank.
    public static func rank<T>(_ items: [T], index: (T) -> Decimal?, name: (T) -> String, id: (T) -> String) -> [(
        item: T, rank: Int?
    )] {
        let sorted = items.sorted { a, b in
            switch (index(a), index(b)) {
            case (let x?, let y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default:
                let order = VietnameseCollation.compare(name(a), name(b))
                return order != .orderedSame ? order == .orderedAscending : id(a) < id(b)
            }
        }
        var result: [(item: T, rank: Int?)] = []
        result.reserveCapacity(sorted.count)
        for (position, item) in sorted.enumerated() {
            guard let value = index(item) else {
                result.append((item, nil))
                continue
            }
            if let previous = result.last, let previousIndex = index(previous.item), previousIndex == value {
                result.append((item, previous.rank))
            } else {
                result.append((item, position + 1))
            }
        }
        return result
    }
}
