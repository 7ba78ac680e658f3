import CCHCCore
import Foundation

/// Xếp loại: the band an index reaches, with the group's own bands where the plan sets them.
package struct BandClassifier {
    /// The national bands: A ≥ 90%, B 80–< 90%, C 70–< 80%, D < 70%.
    package static let national = [
        Band(name: "A", min: 90), Band(name: "B", min: 80), Band(name: "C", min: 70), Band(name: "D", min: 0),
    ]

    package let settings: BandSettings?

    package init(settings: BandSettings?) { self.settings = settings }

    package func bands(for group: String) -> [Band] {
        let bands = settings?.groups?.first { $0.group == group }?.bands ?? settings?.default ?? Self.national
        return bands.sorted { $0.min > $1.min }
    }

    package func band(_ index: Points?, group: String) -> String? {
        guard let index else { return nil }
        return bands(for: group).first { index >= $0.min }?.name
    }
}
