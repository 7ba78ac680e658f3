import Foundation

/// A name as a file-name component: Vietnamese letters without their marks, lower case, every
/// run of other characters one `-` ("Sở Tư pháp" → `so-tu-phap`).
package enum Slug {
    package static func of(_ s: String) -> String {
        let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "vi"))
            .replacingOccurrences(of: "đ", with: "d")
        return folded.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined().split(separator: "-").joined(separator: "-")
    }
}
