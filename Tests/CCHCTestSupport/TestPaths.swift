import Foundation

/// Paths of the package, found from this file so tests run from any working directory.
package enum TestPaths {
    package static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let fixtures = packageRoot.appendingPathComponent("Tests/CCHCKitTests/Fixtures")
    package static let golden = packageRoot.appendingPathComponent("Tests/CCHCKitTests/Golden")
    package static let inputs = packageRoot.appendingPathComponent("Inputs")

    package static func input(_ name: String) -> URL { inputs.appendingPathComponent(name) }
    package static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// The built `cchc`, next to the test bundle.
    package static var executable: URL {
        let bundle = Bundle.main.bundleURL
        for dir in [bundle, bundle.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("cchc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/cchc")
    }
}
