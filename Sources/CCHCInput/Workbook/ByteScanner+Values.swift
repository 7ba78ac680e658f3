import CCHCCore
import Foundation

extension ByteScanner {
    /// A whole number written in decimal digits, or `nil`.
    static func integer(_ v: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !v.isEmpty, v.count < 10 else { return nil }
        var n = 0
        for c in v {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }

    /// The column of a cell reference (`E12` → 5), as `CellReference` reads it.
    static func column(_ v: UnsafeBufferPointer<UInt8>) -> Int? {
        var column = 0
        var digits = false
        for c in v {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !digits:
                column = column * 26 + Int(c - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits = true
                continue
            case UInt8(ascii: "$"): continue
            default: return CellReference(String(decoding: v, as: UTF8.self))?.column  // the rare forms
            }
            if column > 16_384 { return nil }
        }
        return column > 0 ? column : nil
    }

    /// A cell type (`t`) as the reference reader reads it, without making a string.
    static func type(_ v: UnsafeBufferPointer<UInt8>) -> SheetReader.CellType {
        switch v.count {
        case 1:
            switch v[0] {
            case UInt8(ascii: "s"): return .shared
            case UInt8(ascii: "b"): return .boolean
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .date
            default: return .number
            }
        case 3 where v.elementsEqual("str".utf8): return .string
        case 9 where v.elementsEqual("inlineStr".utf8): return .inline
        default: return .number
        }
    }

    mutating func skipAttributes() -> Bool? { attributes { _, _ in } }

    /// Text between two offsets with its entities and character references read, and line ends
    /// normalised as an XML parser does (CR LF and a lone CR become LF); `nil` for an entity this
    /// does not know.
    func decode(_ start: Int, _ end: Int) -> String? {
        let slice = UnsafeBufferPointer(rebasing: b[start..<end])
        guard slice.contains(where: { $0 == Self.amp || $0 == 0x0D }) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var k = start
        while k < end {
            let c = b[k]
            if c == 0x0D {
                out.append(0x0A)
                k += (k + 1 < end && b[k + 1] == 0x0A) ? 2 : 1
                continue
            }
            guard c == Self.amp else {
                out.append(c)
                k += 1
                continue
            }
            guard let semicolon = (k..<min(end, k + 12)).first(where: { b[$0] == UInt8(ascii: ";") }) else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[(k + 1)..<semicolon]), as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            case _ where name.hasPrefix("#x"): scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            case _ where name.hasPrefix("#"): scalar = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init)
            default: scalar = nil
            }
            guard let scalar else { return nil }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            k = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Where the last occurrence of `text` starts.
    func last(_ text: StaticString) -> Int? {
        let n = text.utf8CodeUnitCount
        var k = b.count - n
        while k >= 0 {
            if b[k] == text.utf8Start[0] && (0..<n).allSatisfy({ b[k + $0] == text.utf8Start[$0] }) { return k }
            k -= 1
        }
        return nil
    }

    /// Moves past the first occurrence of `text`, leaving `i` just after it.
    mutating func find(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        let first = text.utf8Start[0]
        while i + n <= b.count {
            if b[i] == first && at(text) {
                i += n
                return true
            }
            i += 1
        }
        return false
    }

    /// Whether the bytes at `i` are `text`.
    func at(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        for k in 0..<n where b[i + k] != text.utf8Start[k] { return false }
        return true
    }

    /// Whether a name ends at `k` (`<c ` or `<c>`, not `<cols`).
    func isNameEnd(_ k: Int) -> Bool { k < b.count && (isSpace(b[k]) || b[k] == Self.gt || b[k] == Self.slash) }

    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

    mutating func skipSpace() { while i < b.count && isSpace(b[i]) { i += 1 } }
}
