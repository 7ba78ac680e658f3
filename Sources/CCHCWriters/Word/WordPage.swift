/// An A4 page as NĐ30 sets it, in twips (1 mm ≈ 56,7): portrait with margins 20/20/30/15 mm
/// (top, bottom, left, right), or landscape for a wide appendix with 20 mm all round (as the
/// HTML prints it).
package struct WordPage: Equatable {
    package var landscape: Bool

    package static let portrait = WordPage(landscape: false)

    package var width: Int { landscape ? 16838 : 11906 }
    package var height: Int { landscape ? 11906 : 16838 }
    package var top: Int { 1134 }
    package var bottom: Int { 1134 }
    package var left: Int { landscape ? 1134 : 1701 }
    package var right: Int { landscape ? 1134 : 850 }
    /// The width text and tables take.
    package var textWidth: Int { width - left - right }
}
