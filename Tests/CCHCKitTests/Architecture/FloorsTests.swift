import CCHCTestSupport
import Foundation
import Testing

/// The floors of docs/architecture.md as Package.swift declares them: each library target depends
/// only on targets below it, and every CCHC module a target's sources import is one it declares
/// (an undeclared import builds only by accident, and a change below it may not rebuild it).
@Suite struct FloorsTests {
    /// The floors, lowest first.
    static let floors = [
        "CCHCCore", "CCHCInput", "CCHCCompute", "CCHCTemplate", "CCHCDocuments", "CCHCWriters", "CCHCStore", "CCHCKit",
    ]

    /// Each target of Package.swift with the CCHC targets it names as dependencies.
    static func declared() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [String: Set<String>] = [:]
        for match in manifest.matches(of: /name: "([\w-]+)",\s*dependencies: \[([^\]]*)\]/) {
            targets[String(match.1)] = Set(String(match.2).matches(of: /"(CCHC\w+)"/).map { String($0.1) })
        }
        return targets
    }

    /// The CCHC modules imported by the sources of target `name` (its tests: `CCHCCoreTests`).
    static func imported(by name: String) throws -> Set<String> {
        let folder = TestPaths.packageRoot.appendingPathComponent(name.hasSuffix("Tests") ? "Tests/\(name)" : "Sources/\(name)")
        var modules = Set<String>()
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            modules.formUnion(text.matches(of: /(?m)^(?:@testable )?import (CCHC\w+)$/).map { String($0.1) })
        }
        return modules
    }

    @Test func eachFloorDependsOnlyOnFloorsBelowIt() throws {
        let declared = try Self.declared()
        for (level, floor) in Self.floors.enumerated() {
            let below = Set(Self.floors.prefix(level))
            let dependencies = try #require(declared[floor], "\(floor) is not in Package.swift")
            #expect(dependencies.isSubset(of: below), "\(floor) depends on \(dependencies.subtracting(below).sorted())")
        }
    }

    @Test func everyImportIsADeclaredDependency() throws {
        let declared = try Self.declared()
        for target in Self.floors + ["cchc", "cchc-bench"] + Self.floors.map { $0 + "Tests" } {
            let imports = try Self.imported(by: target)
            let dependencies = declared[target] ?? []
            #expect(!imports.contains(target), "\(target) imports itself")
            #expect(
                imports.subtracting([target, "CCHCTestSupport"]).isSubset(of: dependencies),
                "\(target) imports \(imports.subtracting(dependencies).subtracting([target]).sorted()) without declaring them")
        }
    }

    /// A floor that imports one above it does not build: shown once by hand in
    /// docs/architecture.md; here, no source of a floor even names a module above it.
    @Test func noFloorNamesOneAboveIt() throws {
        for (level, floor) in Self.floors.enumerated() {
            let above = Set(Self.floors.suffix(from: level + 1))
            #expect(try Self.imported(by: floor).isDisjoint(with: above), "\(floor)")
            #expect(try Self.imported(by: floor + "Tests").isDisjoint(with: above), "\(floor)Tests")
        }
    }

    /// Every floor has a test target of its own.
    @Test func everyFloorHasItsTests() throws {
        let declared = try Self.declared()
        for floor in Self.floors {
            #expect(declared[floor + "Tests"]?.contains(floor) == true, "\(floor)Tests")
            #expect(try !Self.imported(by: floor + "Tests").isEmpty, "\(floor)Tests imports nothing")
        }
    }
}
