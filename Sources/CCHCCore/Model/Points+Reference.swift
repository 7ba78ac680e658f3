import Foundation

extension Points {
    /// The same arithmetic through Foundation alone, which the operators must equal.
    public enum Reference {
        public static func sum(_ a: Points, _ b: Points) -> Points { Points(a.decimal + b.decimal) }
        public static func difference(_ a: Points, _ b: Points) -> Points { Points(a.decimal - b.decimal) }
        public static func product(_ a: Points, _ b: Points) -> Points { Points(a.decimal * b.decimal) }
        public static func less(_ a: Points, _ b: Points) -> Bool { a.decimal < b.decimal }
        public static func shifted(_ a: Points, by places: Int) -> Points { Points(a.decimal / pow(10, places)) }
        public static func roundedHalfUp(_ a: Points, _ scale: Int) -> Points { Points(a.decimal.roundedHalfUp(scale)) }
        public static func percent(_ part: Points, of whole: Points, scale: Int) -> Points? {
            guard whole.decimal > 0 else { return nil }
            return Points((part.decimal * 100 / whole.decimal).roundedHalfUp(scale))
        }
        public static func divided(_ a: Points, by count: Int, roundedTo scale: Int) -> Points {
            Points((a.decimal / Decimal(count)).roundedHalfUp(scale))
        }
    }
}

extension Decimal {
    /// Rounded half-up (away from zero at .5), as official scores are: 8,25 → 8,3.
    package func roundedHalfUp(_ scale: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }
}
