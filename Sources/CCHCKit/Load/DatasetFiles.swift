import Foundation

/// The file names of a dataset folder (SPEC §2).
public enum DatasetFiles {
    public static let plan = "plan.yaml"
    public static let units = "units.csv"
    public static let defaultFramework = "framework.csv"
    public static let scores = "scores.csv"
    public static let survey = "survey.csv"
    public static let previous = "previous.csv"
    public static let targets = "targets.csv"

    /// Reads a file of the dataset, reporting a missing file or a directory in its place.
    static func read(_ name: String, in folder: URL, required: Bool, diagnostics: inout DiagnosticEngine) -> Data? {
        let url = folder.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            if required { diagnostics.error(name, "file not found in the dataset folder; it is required") }
            return nil
        }
        if isDirectory.boolValue {
            diagnostics.error(name, "is a directory; expected a file")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error(name, "cannot be read (permissions?)")
            return nil
        }
        return data
    }

    /// Reads and parses a CSV file of the dataset.
    static func table(_ name: String, in folder: URL, required: Bool, diagnostics: inout DiagnosticEngine) -> CSVTable? {
        guard let data = read(name, in: folder, required: required, diagnostics: &diagnostics) else { return nil }
        // An optional file left empty (or holding only a BOM and blank lines) simply has no rows.
        if !required
            && data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })
        {
            return nil
        }
        return CSVReader.read(data, file: name, diagnostics: &diagnostics)
    }

    /// The framework files present in the folder (`framework.csv`, `framework-*.csv`), sorted.
    static func frameworkFiles(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("framework") && $0.hasSuffix(".csv") }.sorted()
    }
}
