/// An A4 page as NĐ30 sets it, in twips (1 mm ≈ 56,7): portrait with margins 20/20/30/15 mm
/// (top, bottom, left, right), or landscape for a wide appendix with 20 mm all round (as the
/// HTML prints it).
struct WordPage: Equatable {
    var landscape: Bool

    static let portrait = WordPage(landscape: false)

    var width: Int { landscape ? 16838 : 11906 }
    var height: Int { landscape ? 11906 : 16838 }
    var top: Int { 1134 }
    var bottom: Int { 1134 }
    var left: Int { landscape ? 1134 : 1701 }
    var right: Int { landscape ? 1134 : 850 }
    /// The width text and tables take.
    var textWidth: Int { width - left - right }
}
