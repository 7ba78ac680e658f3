import Foundation

/// One rendered file, in memory until every file of the run has rendered and validated.
public struct RenderedFile: Sendable {
    /// Relative to the output folder, e.g. `tu-danh-gia/snv.html`.
    public var path: String
    /// The file's content, UTF-8.
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, content: String) {
        self.init(path: path, bytes: Array(content.utf8))
    }

    /// The content as text.
    public var content: String { String(decoding: bytes, as: UTF8.self) }

    /// The extensions of the files cchc writes as UTF-8 text (always NFC).
    public static let textExtensions: Set<String> = ["html", "xml", "txt", "csv", "json"]

    /// Whether the file is text by its extension.
    public var isText: Bool {
        guard let dot = path.lastIndex(of: ".") else { return false }
        return Self.textExtensions.contains(path[path.index(after: dot)...].lowercased())
    }
}
