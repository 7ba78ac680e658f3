import Foundation

/// Paths of the package, found from this file so tests run from any working directory.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/CCHCKitTests/Fixtures")
    static let golden = packageRoot.appendingPathComponent("Tests/CCHCKitTests/Golden")
    static let inputs = packageRoot.appendingPathComponent("Inputs")

    static func input(_ name: String) -> URL { inputs.appendingPathComponent(name) }
    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// The built `cchc`, next to the test bundle.
    static var executable: URL {
        let bundle = Bundle.main.bundleURL
        for dir in [bundle, bundle.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("cchc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/cchc")
    }
}
