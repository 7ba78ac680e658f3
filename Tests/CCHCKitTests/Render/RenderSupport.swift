import CCHCDocuments
import CCHCKit
import CCHCStore
import CCHCTemplate
import CCHCTestSupport
import Foundation

/// Renders the samples with the repository's templates, through `cchc render`'s own path
/// (into a scratch folder, read back).
enum Rendered {
    /// The repository's Templates/ folder, which the build embeds as the built-in set.
    static let templatesFolder = TestPaths.packageRoot.appendingPathComponent("Templates")
    /// The built-in set, as `cchc render` uses it without --templates.
    static let templates = TemplateSet.builtIn

    static func files(_ dataset: String, kinds: [DocumentKind] = DocumentKind.allCases, unit: String? = nil) throws
        -> [RenderedFile]
    {
        try files(Pipeline.check(TestPaths.input(dataset)), kinds: kinds, unit: unit)
    }

    /// The files a render of `checked` writes, in the order it lists them.
    static func files(_ checked: Pipeline.Checked, kinds: [DocumentKind] = DocumentKind.allCases, unit: String? = nil)
        throws -> [RenderedFile]
    {
        let out = scratchFolder()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(
                at: out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).cchc-lock"))
        }
        let options = RenderJob.Options(output: out, templates: templates, kinds: kinds, unit: unit)
        return try RenderJob.run(checked, options).map { path in
            RenderedFile(path: path, bytes: Array(try Data(contentsOf: out.appendingPathComponent(path))))
        }
    }

    static let datasets = ["an-giang-2022", "ha-nam-2018", "quang-binh-2021"]

    /// The documents that have golden files: every kind, the first unit's self-assessment and
    /// appraisal result (both rounds for An Giang). The provinces that assess themselves alone
    /// have no report or decision: nothing ranks one unit.
    static let goldenPaths: [String: [String]] = [
        "an-giang-2022": [
            "ke-hoach", "bao-cao-ket-qua", "quyet-dinh", "quyet-dinh-khen-thuong", "to-trinh", "quyet-dinh-thanh-lap-hoi-dong",
            "huong-dan-tu-danh-gia", "bao-cao-tham-dinh", "tu-danh-gia/vpubnd",
            "ket-qua-tham-dinh/vpubnd-lan-1",
            "ket-qua-tham-dinh/vpubnd-lan-2",
        ],
        // A province gets no council's notice: Bộ Nội vụ appraises it.
        "ha-nam-2018": ["ke-hoach", "tu-danh-gia/ha-nam"],
        "quang-binh-2021": ["ke-hoach", "tu-danh-gia/quang-binh"],
    ]

    static func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cchc-out-\(UUID().uuidString)")
    }
}
