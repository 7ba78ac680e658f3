import CCHCCore
import Foundation

/// Xếp hạng: competition ranking on a rounded index, ties listed in Vietnamese order of name.
public enum Ranking {
    /// The order and ranks of `items`: index descending, equal indexes share a rank and the next
    /// rank skips (1, 2, 2, 4); items without an index come last and get no rank.
    public static func rank<T>(_ items: [T], index: (T) -> Points?, name: (T) -> String, id: (T) -> String) -> [(
        item: T, rank: Int?
    )] {
        rank(items, index: index, ties: nameOrder(names: items.map(name), ids: items.map(id)))
    }

    /// Each name's position in Vietnamese alphabetical order (ties by id), to break ties of
    /// several rankings of the same units without comparing names again.
    public static func nameOrder(names: [String], ids: [String]) -> [Int] {
        let sorted = names.indices.sorted { a, b in
            let byName = VietnameseCollation.compare(names[a], names[b])
            return byName != .orderedSame ? byName == .orderedAscending : ids[a] < ids[b]
        }
        var position = [Int](repeating: 0, count: names.count)
        for (p, i) in sorted.enumerated() { position[i] = p }
        return position
    }

    /// As `rank(_:index:name:id:)`, ties broken by `tieOrder` (a position from `nameOrder`).
    public static func rank<T>(_ items: [T], index: (T) -> Points?, tieOrder: (T) -> Int) -> [(item: T, rank: Int?)] {
        rank(items, index: index, ties: items.map(tieOrder))
    }

    /// The ranking, equal indexes ordered by `ties[i]` (lowest first).
    private static func rank<T>(_ items: [T], index: (T) -> Points?, ties: [Int]) -> [(item: T, rank: Int?)] {
        let keys = SortKeys(items.map(index))
        let order = items.indices.sorted { a, b in
            switch keys.compare(a, b) {
            case .orderedAscending: return false
            case .orderedDescending: return true
            case .orderedSame: return ties[a] < ties[b]
            }
        }
        var result: [(item: T, rank: Int?)] = []
        result.reserveCapacity(order.count)
        for (position, i) in order.enumerated() {
            guard keys.has(i) else {
                result.append((items[i], nil))
                continue
            }
            if position > 0, keys.has(order[position - 1]), keys.compare(order[position - 1], i) == .orderedSame {
                result.append((items[i], result[position - 1].rank))
            } else {
                result.append((items[i], position + 1))
            }
        }
        return result
    }

    /// The indexes compared as integers (millionths) when every one fits, as Points otherwise:
    /// a comparison of Foundation decimals allocates on Linux, and a sort makes n·log n of them.
    private struct SortKeys {
        let decimals: [Points?]
        let integers: [Int64?]?

        init(_ decimals: [Points?]) {
            self.decimals = decimals
            let integers = decimals.map { $0.flatMap(DecimalDigits.millionths) }
            let allFit = zip(decimals, integers).allSatisfy { ($0 == nil) == ($1 == nil) }
            self.integers = allFit ? integers : nil
        }

        func has(_ i: Int) -> Bool { decimals[i] != nil }

        /// Items without an index order below every item with one.
        func compare(_ a: Int, _ b: Int) -> ComparisonResult {
            if let integers { return Self.order(integers[a], integers[b]) }
            return Self.order(decimals[a], decimals[b])
        }

        private static func order<V: Comparable>(_ a: V?, _ b: V?) -> ComparisonResult {
            switch (a, b) {
            case (nil, nil): return .orderedSame
            case (nil, _): return .orderedAscending
            case (_, nil): return .orderedDescending
            case (let x?, let y?): return x == y ? .orderedSame : (x < y ? .orderedAscending : .orderedDescending)
            }
        }
    }
}
