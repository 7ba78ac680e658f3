import Foundation

@testable import CCHCCore
@testable import CCHCKit
@testable import CCHCStore

/// Every regular file under a folder with its bytes, to compare a folder before and after.
func snapshot(_ folder: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for path in FileTree.files(in: folder) {
        out[path] = try Data(contentsOf: folder.appendingPathComponent(path))
    }
    return out
}
