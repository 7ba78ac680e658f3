import CCHCCore
import CLibXML2
import Foundation

/// A forward-only reader over an XML part, on libxml2's streaming reader (`xmlTextReader`): one
/// node at a time, so a sheet of 100.000 rows is never held as a tree.
package final class XMLStream {
    /// The kinds of node the workbook readers act on (libxml2's `xmlReaderTypes`).
    package enum Node: Int32 {
        case element = 1
        case text = 3
        case cdata = 4
        case whitespace = 13
        case significantWhitespace = 14
        case endElement = 15
    }

    private let reader: xmlTextReaderPtr
    /// The bytes being read: libxml2 reads them in place, so they live as long as the reader.
    private let bytes: UnsafeMutableBufferPointer<UInt8>

    /// A reader over `data`; `nil` when libxml2 cannot start one.
    package init?(_ data: Data) {
        XMLSafety.install()
        bytes = .allocate(capacity: max(data.count, 1))
        _ = bytes.initialize(from: data)
        // No network and no entity expansion: a workbook is data, never a way to reach files.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue)
        let start = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
        guard let reader = xmlReaderForMemory(start, Int32(data.count), nil, nil, options) else {
            bytes.deallocate()
            return nil
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(reader, { _, _ in }, nil)
    }

    deinit {
        xmlFreeTextReader(reader)
        bytes.deallocate()
    }

    /// Moves to the next node; `false` at the end. A malformed part throws.
    package func next() throws(WorkbookError) -> Bool {
        switch xmlTextReaderRead(reader) {
        case 1: return true
        case 0: return false
        default: throw .malformedPart(line: Int(xmlTextReaderGetParserLineNumber(reader)))
        }
    }

    /// The kind of the current node, `nil` for kinds the readers skip (comments, declarations).
    package var node: Node? { Node(rawValue: xmlTextReaderNodeType(reader)) }

    /// Whether the current element is written `<x/>`, with no content and no end tag.
    package var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// Whether the current node's local name (without its prefix) is `name`, compared byte for
    /// byte without making a `String`.
    package func named(_ name: StaticString) -> Bool {
        guard let local = xmlTextReaderConstLocalName(reader) else { return false }
        return strcmp(
            UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self),
            UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The value of the current element's attribute `name` (local name, any prefix).
    package func attribute(_ name: StaticString) -> String? { attributes([name])[0] }

    /// The values of several attributes of the current element at once, in the order of `names`.
    package func attributes(_ names: [StaticString]) -> [String?] {
        var found = [String?](repeating: nil, count: names.count)
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return found }
        defer { xmlTextReaderMoveToElement(reader) }
        repeat {
            for (i, name) in names.enumerated() where found[i] == nil && named(name) {
                if let value = xmlTextReaderConstValue(reader) {
                    found[i] = String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
                }
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        return found
    }

    /// The text of the current text node.
    package var text: String {
        guard let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
    }

    /// The depth of the current node in the part (the root element is 0).
    package var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// The text inside the current element, up to its end tag: every text, CDATA and white-space
    /// node, except inside the elements named in `skipping` (a shared string's phonetic runs).
    package func elementText(skipping: StaticString? = nil) throws(WorkbookError) -> String {
        if isEmptyElement { return "" }
        let start = depth
        var out = ""
        var skipDepth: Int?
        while try next() {
            guard let node else { continue }
            switch node {
            case .endElement:
                if depth == start { return out }
                if skipDepth == depth { skipDepth = nil }
            case .element:
                if skipDepth == nil, let skipping, named(skipping), !isEmptyElement { skipDepth = depth }
            case .text, .cdata, .whitespace, .significantWhitespace:
                if skipDepth == nil { out += text }
            }
        }
        return out
    }
}
