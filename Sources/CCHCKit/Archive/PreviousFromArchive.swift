import Foundation

/// Last year's results taken from an archive: the results.csv of the record of that year
/// (units are matched by id). `STORE` may also name one record folder directly.
enum PreviousFromArchive {
    static func table(_ location: URL, year: Int, diagnostics: inout DiagnosticEngine) -> CSVTable? {
        let label = "--previous-from \(location.path)"
        let folder: URL
        if FileManager.default.fileExists(atPath: location.appendingPathComponent("manifest.json").path) {
            folder = location
        } else {
            let store = ArchiveStore(location)
            let ids = store.recordIDs().filter { (try? store.manifest($0))?.year == year }
            guard ids.count == 1, let id = ids.first else {
                let found =
                    ids.isEmpty
                    ? "no record of \(year)"
                    : "several records of \(year): \(ids.joined(separator: ", ")); name one as STORE/records/<record>"
                diagnostics.error(label, "\(found); expected exactly one archived record of the year before")
                return nil
            }
            folder = store.records.appendingPathComponent(id)
        }
        let file = folder.appendingPathComponent("results.csv")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            diagnostics.error(label, "\(file.path) is missing; expected the results of an archived record")
            return nil
        }
        return CSVReader.read(data, file: file.path, diagnostics: &diagnostics)
    }
}
