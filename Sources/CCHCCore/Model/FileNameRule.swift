/// The rule for a name that becomes one component of a file path: a unit id (tên tệp of its
/// báo cáo tự đánh giá, `tu-danh-gia/<id>.html`) or a dataset folder's name (in a record id and
/// the default output folder). Such a name is safe on every common file system: Linux, macOS
/// (case-insensitive, normalising), Windows (reserved device names, case-insensitive).
public enum FileNameRule {
    /// At most this many characters.
    public static let maxLength = 64

    /// What the rule allows, in the words of a message.
    public static let expected =
        "letters a-z or A-Z, digits, '-', '_' or '.' ('-' and '.' not first), at most \(maxLength) characters, e.g. so-tu-phap"

    /// Why `name` cannot be a file name, or `nil` when it can.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if let bad = name.unicodeScalars.first(where: { !isAllowed($0) }) {
            return "it contains \(describe(bad))"
        }
        if name.hasPrefix(".") { return "it starts with '.'" }
        // `-2-3` is a formula to a spreadsheet opening the CSV, and an option to a command line.
        if name.hasPrefix("-") { return "it starts with '-'" }
        if name.count > maxLength { return "it has \(name.count) characters" }
        let stem = name.split(separator: ".", omittingEmptySubsequences: false)[0].uppercased()
        if reservedOnWindows.contains(stem) { return "'\(stem)' is a device name on Windows" }
        return nil
    }

    /// The key under which two names are one file on a case-insensitive file system.
    public static func collisionKey(_ name: String) -> String { name.lowercased() }

    private static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F: return true
        default: return false
        }
    }

    private static func describe(_ s: Unicode.Scalar) -> String {
        switch s {
        case "/": return "'/'"
        case "\\": return "'\\'"
        case " ": return "a space"
        default:
            if s.value < 0x20 || s.value == 0x7F { return "a control character" }
            return s.isASCII ? "'\(s)'" : "'\(s)' (only unaccented letters: the Vietnamese name goes in 'name')"
        }
    }

    private static let reservedOnWindows: Set<String> = {
        var names: Set<String> = ["CON", "PRN", "AUX", "NUL"]
        for i in 0...9 {
            names.insert("COM\(i)")
            names.insert("LPT\(i)")
        }
        return names
    }()
}

/// A relative path that stays inside the folder it is joined to: every path cchc builds from
/// data (a unit id, a manifest entry) is checked with it before a file is read or written, as
/// a second line of defence behind `FileNameRule`.
public enum ContainedPath {
    /// Whether `relative` has only ordinary components: not absolute, no empty, `.` or `..`
    /// component, no NUL or backslash.
    public static func isContained(_ relative: String) -> Bool {
        guard !relative.isEmpty, !relative.hasPrefix("/") else { return false }
        for component in relative.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty || component == "." || component == ".." { return false }
            if component.utf8.contains(0) || component.utf8.contains(0x5C) { return false }
        }
        return true
    }
}
