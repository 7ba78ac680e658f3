/// A page of a Word document, in twips: A4 portrait with NĐ30's margins 20/20/30/15 mm
/// (top, bottom, left, right), or landscape for a wide appendix. A landscape page is bound
/// with the portrait ones along its top edge (turned to read it, its top lies at the spine):
/// the 30 mm binding margin is on top, 15 mm below it, 20 mm at the sides.
package struct WordPage: Equatable {
    package var landscape: Bool

    package static let portrait = WordPage(landscape: false)

    package var width: Int { landscape ? 16838 : 11906 }
    package var height: Int { landscape ? 11906 : 16838 }
    package var top: Int { landscape ? 1701 : 1134 }
    package var bottom: Int { landscape ? 850 : 1134 }
    package var left: Int { landscape ? 1134 : 1701 }
    package var right: Int { landscape ? 1134 : 850 }
    /// The width text and tables take.
    package var textWidth: Int { width - left - right }
}
