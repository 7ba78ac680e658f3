import CCHCKit
import Foundation

/// Renders the samples with the repository's templates, in memory.
enum Rendered {
    static let templates = TestPaths.packageRoot.appendingPathComponent("Templates")

    static func files(_ dataset: String, kinds: [DocumentKind] = DocumentKind.allCases, unit: String? = nil) throws
        -> [RenderedFile]
    {
        let options = RenderJob.Options(
            output: URL(fileURLWithPath: "/nonexistent"), templates: templates, kinds: kinds, unit: unit)
        return try RenderJob.prepare(Pipeline.check(TestPaths.input(dataset)), options)
    }

    static let datasets = ["an-giang-2022", "ha-nam-2018", "quang-binh-2021"]

    /// The documents that have golden files: every kind, and the first unit's self-assessment.
    static let goldenPaths: [String: [String]] = [
        "an-giang-2022": ["ke-hoach", "bao-cao-ket-qua", "quyet-dinh", "tu-danh-gia/vpubnd"],
        "ha-nam-2018": ["ke-hoach", "bao-cao-ket-qua", "quyet-dinh", "tu-danh-gia/ha-nam"],
        "quang-binh-2021": ["ke-hoach", "bao-cao-ket-qua", "quyet-dinh", "tu-danh-gia/quang-binh"],
    ]

    static func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cchc-out-\(UUID().uuidString)")
    }
}
