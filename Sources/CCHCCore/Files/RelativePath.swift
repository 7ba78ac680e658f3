import Foundation

/// Paths written into cchc-render.json: relative, so that a project folder copied or moved as a
/// whole (dataset, templates and output together) still names its own files.
package enum RelativePath {
    /// `target` as seen from the folder `base` (`../Inputs/an-giang-2022`); both are made absolute
    /// and standardised first. `.` when they are the same folder.
    package static func from(_ base: URL, to target: URL) -> String {
        let a = base.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let b = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let parts = Array(repeating: "..", count: a.count - common) + b[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// A path read back: relative to `base`, or absolute as older versions of cchc wrote it.
    package static func resolve(_ path: String, against base: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path).standardizedFileURL
    }
}
