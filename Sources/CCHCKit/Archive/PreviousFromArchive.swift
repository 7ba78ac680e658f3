import CCHCCompute
import CCHCCore
import CCHCInput
import CCHCStore
import Crypto
import Foundation

/// Last year's results taken from an archive (kết quả năm trước): the results.csv of the record of
/// that year (units are matched by id). `STORE` may also name one record folder directly. Only a
/// record that verifies is read: its files as its manifest says, its manifest as the store log
/// says, its signature when a key is given; and the results read are those the manifest hashed.
public struct PreviousFromArchive: PreviousResultsSource {
    /// The store, or one record folder of it.
    public var location: URL
    /// The public key the record must be signed with (`--previous-key`).
    public var key: URL?

    public init(_ location: URL, key: URL? = nil) { (self.location, self.key) = (location, key) }

    /// The previous results table, and the size of each unit's group in the archived results.
    public func previousResults(for folder: URL, year: Int, diagnostics: inout DiagnosticEngine) -> PreviousResults? {
        let label = "--previous-from \(location.path)"
        let publicKey: Curve25519.Signing.PublicKey?
        do { publicKey = try key.map(SigningKey.readPublic) } catch {
            diagnostics.error("--previous-key", error.localizedDescription)
            return nil
        }
        guard let folder = Self.record(location, year: year, label: label, diagnostics: &diagnostics) else { return nil }
        let problems = ArchiveVerifier.problems(ofRecord: folder, key: publicKey)
        guard problems.isEmpty else {
            diagnostics.error(
                SourceName(label),
                "the record \(folder.lastPathComponent) does not verify (\(problems.prefix(3).joined(separator: "; "))); expected a record that `cchc verify` passes"
            )
            return nil
        }
        guard let manifest = try? ArchiveManifest.decode(Data(contentsOf: folder.appendingPathComponent("manifest.json"))),
            let csv = Self.verifiedFile("results.csv", folder, manifest),
            let json = Self.verifiedFile("results.json", folder, manifest)
        else {
            diagnostics.error(
                SourceName(label),
                "the record \(folder.lastPathComponent) has no archived results; expected results.csv and results.json")
            return nil
        }
        let file = folder.appendingPathComponent("results.csv").path
        guard let table = CSVReader.read(csv, file: SourceName(file), diagnostics: &diagnostics) else { return nil }
        return PreviousResults(table: table, groupSizes: Self.groupSizes(json))
    }

    /// The record folder of `year`: `location` itself when it is a record, else the one record of
    /// that year the store log lists.
    private static func record(_ location: URL, year: Int, label: String, diagnostics: inout DiagnosticEngine) -> URL? {
        if FileManager.default.fileExists(atPath: location.appendingPathComponent("manifest.json").path) { return location }
        let store = ArchiveStore(location)
        let ids = ((try? store.catalog())?.records ?? []).filter { $0.year == year }.map(\.record)
        guard ids.count == 1, let id = ids.first else {
            let found =
                ids.isEmpty
                ? "no record of \(year)"
                : "several records of \(year): \(ids.joined(separator: ", ")); name one as STORE/records/<record>"
            diagnostics.error(SourceName(label), "\(found); expected exactly one archived record of the year before")
            return nil
        }
        return store.records.appendingPathComponent(id)
    }

    /// A file of the record, read once and compared with its hash in the manifest.
    private static func verifiedFile(_ path: String, _ folder: URL, _ manifest: ArchiveManifest) -> Data? {
        guard let entry = manifest.files.first(where: { $0.path == path }),
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
            Hashing.sha256(data) == entry.sha256
        else { return nil }
        return data
    }

    /// How many units each unit's group had, from an archived results.json.
    private static func groupSizes(_ json: Data) -> [String: Int] {
        struct Results: Decodable {
            struct Group: Decodable {
                struct Unit: Decodable { var id: String }
                var units: [Unit]
            }
            var groups: [Group]
        }
        var sizes: [String: Int] = [:]
        for group in (try? JSONDecoder().decode(Results.self, from: json))?.groups ?? [] {
            for unit in group.units { sizes[unit.id] = group.units.count }
        }
        return sizes
    }
}
