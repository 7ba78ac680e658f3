import CCHCCore
import Foundation

/// A tiny JSON writer that keeps key order and writes `Points` numbers exactly
/// (never through `Double`).
package struct JSONWriter {
    package private(set) var text = ""
    private var indent = 0
    private var needsComma = [false]

    package enum Value {
        case string(String)
        case number(Points)
        case int(Int)
        case null
    }

    package mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    package mutating func endObject() { close("}") }
    package mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    package mutating func endArray() { close("]") }

    package mutating func field(_ key: String?, _ value: Value) {
        separator()
        if let key { text += Self.quote(key) + ": " }
        switch value {
        case .string(let s): text += Self.quote(s)
        case .number(let d): text += VietnameseNumber.plain(d)
        case .int(let i): text += String(i)
        case .null: text += "null"
        }
    }

    package mutating func field(_ key: String, _ value: String?) { field(key, value.map { .string($0) } ?? .null) }
    package mutating func field(_ key: String, _ value: Points?) { field(key, value.map { .number($0) } ?? .null) }
    package mutating func field(_ key: String, _ value: Int?) { field(key, value.map { .int($0) } ?? .null) }

    private mutating func open(_ key: String?, _ bracket: String) {
        separator()
        if let key { text += Self.quote(key) + ": " }
        text += bracket
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadContent = needsComma.removeLast()
        indent -= 1
        if hadContent { text += "\n" + String(repeating: "  ", count: indent) }
        text += bracket
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { text += "," }
        if !(indent == 0 && text.isEmpty) { text += "\n" + String(repeating: "  ", count: indent) }
        needsComma[needsComma.count - 1] = true
    }

    package static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
