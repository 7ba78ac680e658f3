import CSupport
import Foundation

/// The text of a printed PDF, page by page, and the browser that printed it: what `verify
/// --rerender` compares when a newer browser prints the same HTML into other bytes. It reads what
/// Chromium writes (a page tree, Type0 fonts with a ToUnicode map, FlateDecode content streams),
/// in the order the page paints it; it is no general PDF reader.
package struct PDFText {
    private let bytes: [UInt8]
    /// Where each object's body begins (after `N G obj`), by number.
    private var starts: [Int: Int] = [:]

    package init(_ pdf: [UInt8]) {
        bytes = pdf
        let key = Array(" obj".utf8)
        var from = 0
        while let found = bytes[from...].firstRange(of: key) {
            from = found.upperBound
            // `N G obj`: walk back over the generation and the number.
            var i = found.lowerBound - 1
            while i >= 0, Self.isDigit(bytes[i]) { i -= 1 }
            guard i > 0, bytes[i] == 0x20 else { continue }
            var j = i - 1
            while j >= 0, Self.isDigit(bytes[j]) { j -= 1 }
            guard j < i - 1, let number = Int(String(decoding: bytes[(j + 1)..<i], as: UTF8.self)) else { continue }
            starts[number] = found.upperBound
        }
    }

    /// The text of each page, its characters in the order they are painted, without spaces or
    /// line breaks (how a browser spaces a line is its own affair; the letters are the document's).
    /// `nil` when the file is not a PDF this reader understands.
    package func pages() -> [String]? {
        guard
            let catalog = starts.keys.sorted().lazy.compactMap({ self.object($0) }).first(where: { $0["Type"]?.name == "Catalog" }
            ),
            case .reference(let root)? = catalog["Pages"]
        else { return nil }
        var pages: [PDFValue] = []
        var visited = Set<Int>()
        collectPages(root, into: &pages, visited: &visited, depth: 0)
        return pages.map(text(of:))
    }

    /// The browser that printed the file, from its `/Creator` (`HeadlessChrome/156.0.0.0`), else
    /// its `/Producer` (`Skia/PDF m156`).
    package func printer() -> String? {
        for key in ["/Creator", "/Producer"] {
            guard let found = bytes.firstRange(of: Array(key.utf8)) else { continue }
            var lexer = PDFLexer(bytes, from: found.upperBound)
            guard case .string(let raw)? = lexer.next() else { continue }
            let text = String(decoding: raw, as: UTF8.self)
            let product = text.split(separator: " ").first { $0.contains("Chrome/") || $0.contains("Chromium/") }
            return product.map(String.init) ?? text
        }
        return nil
    }

    /// The value of object `number`.
    private func object(_ number: Int) -> PDFValue? {
        guard let start = starts[number] else { return nil }
        var lexer = PDFLexer(bytes, from: start)
        return lexer.next()
    }

    private func resolve(_ value: PDFValue?) -> PDFValue? {
        if case .reference(let n)? = value { return object(n) }
        return value
    }

    /// The pages under page tree node `number`, in order; each node once, and no deeper than any
    /// browser's tree goes (a hostile file's cycle or chain ends there).
    private func collectPages(_ number: Int, into pages: inout [PDFValue], visited: inout Set<Int>, depth: Int) {
        guard depth < 64, visited.insert(number).inserted, let node = object(number) else { return }
        if node["Type"]?.name == "Page" {
            pages.append(node)
        } else if case .array(let kids)? = resolve(node["Kids"]) {
            for case .reference(let kid) in kids { collectPages(kid, into: &pages, visited: &visited, depth: depth + 1) }
        }
    }

    /// The decoded data of stream object `number` (FlateDecode or none).
    private func stream(_ number: Int) -> [UInt8]? {
        guard let start = starts[number] else { return nil }
        var lexer = PDFLexer(bytes, from: start)
        guard let dictionary = lexer.next(), case .keyword("stream")? = lexer.next(),
            let length = resolve(dictionary["Length"])?.integer
        else { return nil }
        var begin = lexer.position
        if begin < bytes.count, bytes[begin] == 0x0D { begin += 1 }
        if begin < bytes.count, bytes[begin] == 0x0A { begin += 1 }
        guard begin + length <= bytes.count else { return nil }
        let raw = Array(bytes[begin..<(begin + length)])
        switch dictionary["Filter"] {
        case nil: return raw
        case .name("FlateDecode")?, .array([.name("FlateDecode")])?: return Self.inflate(raw)
        default: return nil
        }
    }

    /// The page's text: each string shown, through its font's map to Unicode.
    private func text(of page: PDFValue) -> String {
        let fontRefs = resolve(resolve(page["Resources"])?["Font"])
        var fonts: [String: FontMap] = [:]
        if case .dictionary(let entries)? = fontRefs {
            for (name, ref) in entries { fonts[name] = fontMap(resolve(ref)) }
        }
        let contents: [PDFValue]
        switch page["Contents"] {
        case .array(let items)?: contents = items
        case let single?: contents = [single]
        case nil: contents = []
        }
        var out = ""
        for case .reference(let n) in contents {
            guard let data = stream(n) else { continue }
            ContentText.append(data, fonts: fonts, to: &out)
        }
        return out
    }

    private func fontMap(_ font: PDFValue?) -> FontMap {
        var map = FontMap(width: font?["Subtype"]?.name == "Type0" ? 2 : 1)
        if case .reference(let n)? = font?["ToUnicode"], let cmap = stream(n) { map.read(cmap) }
        return map
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private static func inflate(_ raw: [UInt8]) -> [UInt8]? {
        var capacity = max(4096, raw.count * 4)
        // A page's content is well under a megabyte; a stream that inflates past 64 MB is not read.
        while capacity <= 64 << 20 {
            var out = [UInt8](repeating: 0, count: capacity)
            let n = raw.withUnsafeBufferPointer { input in
                out.withUnsafeMutableBufferPointer {
                    cchc_inflate_zlib(input.baseAddress, UInt(input.count), $0.baseAddress, UInt(capacity))
                }
            }
            if n >= 0 { return Array(out[0..<n]) }
            if n == -2 { return nil }
            capacity *= 4
        }
        return nil
    }
}
