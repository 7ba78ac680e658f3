import CCHCCore
import CCHCKit
import CCHCTemplate
import Foundation

/// What libxml2 alone costs: validates every `.xml` under a rendered output folder against the
/// XSD on one thread, with the validator the render uses, and reports seconds and MB/s. This is
/// the part of a national render that no change to CCHC's own code can make faster.
enum XMLFloor {
    static func run(output: URL, templates: URL) throws {
        let validator = try XMLSchemaValidator(templates: try TemplateSet.overlay(templates))
        let files = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".xml") }.sorted()
        let texts = try files.map { try String(contentsOf: output.appendingPathComponent($0), encoding: .utf8) }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        var best = Double.infinity
        for _ in 0..<3 {
            let start = National.now()
            for (file, text) in zip(files, texts) where !validator.validate(text).isEmpty {
                throw BenchFailure("\(file) does not validate")
            }
            best = min(best, National.now() - start)
        }
        print(
            String(
                format: "xml: %d files, %.1f MB validated in %.2f s on one thread (%.0f MB/s, best of 3)", files.count,
                Double(bytes) / 1e6, best, Double(bytes) / 1e6 / best))
    }
}
