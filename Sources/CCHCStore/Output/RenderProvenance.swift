import CCHCCore
import CCHCDocuments
import CCHCTemplate
import Foundation

/// cchc-render.json, written beside the documents: what they were rendered from, so that
/// `cchc archive` can take the dataset and templates with them and prove they still match.
public struct RenderProvenance: Codable, Sendable {
    public static let fileName = "cchc-render.json"

    public var tool: String
    /// The dataset folder, relative to the output folder (absolute as older versions of cchc wrote it).
    public var dataset: String
    /// The user's templates folder, relative to the dataset folder; `nil` for the built-in set.
    public var templates: String?
    public var kinds: [DocumentKind]
    public var formats: [OutputFormat]
    public var unit: String?
    /// Every file of the output folder that cchc wrote (this one aside), so that the next render
    /// replaces exactly these and refuses a folder holding anything else.
    public var files: [String]?
    /// Set when the folder holds scoring workbooks of `cchc sheets` (`units`, `leads round 2`),
    /// not documents: such a folder is not archived.
    public var sheets: String?

    package init(
        tool: String, dataset: String, templates: String? = nil, kinds: [DocumentKind], formats: [OutputFormat],
        unit: String? = nil, files: [String]? = nil
    ) {
        self.tool = tool
        self.dataset = dataset
        self.templates = templates
        self.kinds = kinds
        self.formats = formats
        self.unit = unit
        self.files = files
    }

    package func encoded() -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? e.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// The dataset folder, for a marker read from `output`.
    public func datasetFolder(from output: URL) -> URL { RelativePath.resolve(dataset, against: output) }

    /// The templates the documents were rendered with.
    public func templateSet(from output: URL) throws -> TemplateSet {
        guard let templates else { return .builtIn }
        return try TemplateSet.overlay(RelativePath.resolve(templates, against: datasetFolder(from: output)))
    }

    public static func read(_ folder: URL) throws -> RenderProvenance {
        let url = folder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw ArchiveError.notRendered(folder.path) }
        do { return try JSONDecoder().decode(RenderProvenance.self, from: data) } catch {
            throw ArchiveError.notRendered(url.path)
        }
    }
}
