import Foundation
import FoundationXML
import ZIPFoundation

/// A .docx read back as a reader of it would: its parts by name, the body parsed.
package struct DocxPackage {
    package var parts: [String: Data] = [:]
    /// The entry names in the order the zip lists them.
    package var names: [String] = []

    package init(_ bytes: [UInt8]) throws {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            parts[entry.path] = data
            names.append(entry.path)
        }
    }

    package func xml(_ part: String) throws -> XMLDocument {
        try XMLDocument(data: parts[part] ?? Data())
    }

    package func text(_ part: String) -> String { String(decoding: parts[part] ?? Data(), as: UTF8.self) }

    /// The body's text: the runs of each paragraph joined, one paragraph a line.
    package var bodyText: String {
        guard let document = try? xml("word/document.xml"), let root = document.rootElement() else { return "" }
        var lines: [String] = []
        for p in Self.all("w:p", in: root) {
            lines.append(Self.all("w:t", in: p).map { $0.stringValue ?? "" }.joined())
        }
        return lines.joined(separator: "\n")
    }

    /// Every element named `name` (with its prefix) under `element`, in document order.
    package static func all(_ name: String, in element: XMLElement) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in element.children ?? [] {
            guard let child = child as? XMLElement else { continue }
            if child.name == name { found.append(child) }
            found += all(name, in: child)
        }
        return found
    }

    /// The direct children of `element` named `name`.
    package static func children(_ name: String, of element: XMLElement) -> [XMLElement] {
        (element.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.name == name }
    }

    package static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(forName: name)?.stringValue
    }
}
