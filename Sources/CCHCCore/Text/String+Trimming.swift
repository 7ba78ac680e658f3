extension String {
    /// The string without leading and trailing spaces and tabs. Returns `self` untouched (no
    /// copy) in the common case; Foundation's `trimmingCharacters` bridges through NSString and
    /// cost a third of the load time of a national dataset.
    package var trimmedSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        guard blank(first) || blank(last) else { return self }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, blank(utf8[start]) { start = utf8.index(after: start) }
        while end > start, blank(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(self[start..<end])
    }
}
