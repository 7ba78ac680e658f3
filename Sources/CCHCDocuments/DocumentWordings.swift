import CCHCCore
import CCHCTemplate
import Foundation

extension DocumentKind {
    /// The wording templates of `templates`, compiled; their syntax errors go to `errors`.
    public static func wordings(_ templates: TemplateSet, errors: inout [TemplateError]) -> [String: Wording] {
        let files = templates.files(under: "wording").map { f in
            (name: String(f.path.dropFirst("wording/".count)), data: f.data(), label: f.label)
        }
        let library = TemplateLibrary(files: files, format: "wording", escaping: .wording, errors: &errors)
        var wordings: [String: Wording] = [:]
        for kind in DocumentKind.allCases {
            if let template = library.template(kind.fileName) { wordings[kind.fileName] = Wording(template) }
        }
        return wordings
    }
}
