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
}
