import Foundation

/// cchc-render.json, written beside the documents: what they were rendered from, so that
/// `cchc archive` can take the dataset and templates with them and prove they still match.
public struct RenderProvenance: Codable, Sendable {
    public static let fileName = "cchc-render.json"

    public var tool: String
    /// The dataset and templates folders, absolute.
    public var dataset: String
    public var templates: String
    public var kinds: [String]
    public var formats: [String]
    public var unit: String?
    /// Every file of the output folder that cchc wrote (this one aside), so that the next render
    /// replaces exactly these and refuses a folder holding anything else.
    public var files: [String]?

    func encoded() -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? e.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    public static func read(_ folder: URL) throws -> RenderProvenance {
        let url = folder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw ArchiveError.notRendered(folder.path) }
        do { return try JSONDecoder().decode(RenderProvenance.self, from: data) } catch {
            throw ArchiveError.notRendered(url.path)
        }
    }
}
