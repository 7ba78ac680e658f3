import CCHCCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The file names of a dataset folder (README, "Preparing your own data").
public enum DatasetFiles {
    public static let plan = "plan.yaml"
    public static let units = "units.csv"
    public static let defaultFramework = "framework.csv"
    public static let scores = "scores.csv"
    public static let survey = "survey.csv"
    public static let previous = "previous.csv"
    public static let targets = "targets.csv"
    /// The survey's raw forms: its questions, and one row per returned form.
    public static let questions = "questions.csv"
    public static let responses = "responses.csv"
    /// The appraisal council's members (optional; or `council:` in plan.yaml).
    public static let council = "council.csv"

    /// The largest table file read (a national scores.csv of 10.000 units is about 40 MB).
    public static let maxFileBytes = 512 << 20
    /// The largest plan.yaml read.
    public static let maxPlanBytes = 1 << 20

    /// Reads a file of the dataset, reporting a missing file, or a folder, a named pipe, a
    /// device or a file past the size limit in its place (none of them is read: a pipe would
    /// wait forever).
    package static func read(_ name: String, in folder: URL, required: Bool, diagnostics: inout DiagnosticEngine) -> Data? {
        let url = folder.appendingPathComponent(name)
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            if errno != ENOENT {
                diagnostics.error(SourceName(name), "cannot be read (\(String(cString: strerror(errno))))")
            } else if required {
                diagnostics.error(SourceName(name), "file not found in the dataset folder; it is required")
            }
            return nil
        }
        if let kind = notAFile(info.st_mode) {
            diagnostics.error(SourceName(name), "is \(kind); expected a regular file")
            return nil
        }
        let limit = name == plan ? maxPlanBytes : maxFileBytes
        if Int(info.st_size) > limit {
            diagnostics.error(
                SourceName(name),
                "is \(Int(info.st_size) >> 20) MB; expected at most \(limit >> 20) MB (a dataset file this large is not one cchc reads)"
            )
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error(SourceName(name), "cannot be read (permissions?)")
            return nil
        }
        DatasetReads.note(data, name: name, in: folder)
        return data
    }

    /// What a file mode is when it is not a regular file ("a directory", "a named pipe (FIFO)").
    package static func notAFile(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// Reads and parses a CSV file of the dataset.
    package static func table(_ name: String, in folder: URL, required: Bool, diagnostics: inout DiagnosticEngine) -> CSVTable? {
        guard let data = read(name, in: folder, required: required, diagnostics: &diagnostics) else { return nil }
        // An optional file left empty (or holding only a BOM and blank lines) simply has no rows.
        if !required
            && data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })
        {
            return nil
        }
        return CSVReader.read(data, file: SourceName(name), diagnostics: &diagnostics)
    }

    /// The files of `folder` that cchc reads, those present, sorted: plan.yaml, units.csv, every
    /// framework, scores.csv, survey.csv, previous.csv, targets.csv, questions.csv, responses.csv,
    /// council.csv, each as .csv or .xlsx, and
    /// dataset.xlsx.
    package static func names(in folder: URL) -> [String] {
        let tables = [units, scores, survey, previous, targets, questions, responses, council]
        let candidates = [plan, DatasetSources.workbookName] + tables + tables.map { DatasetSources.stem($0) + ".xlsx" }
        let fixed = candidates.filter { name in
            var info = stat()
            return lstat(folder.appendingPathComponent(name).path, &info) == 0
        }
        return (fixed + frameworkFiles(in: folder)).sorted()
    }

    /// The framework files present in the folder (`framework.csv`, `framework-*.csv`, or as
    /// `.xlsx`), sorted.
    package static func frameworkFiles(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter(isFrameworkFile).sorted()
    }

    /// Whether a file of that name is read as a framework (`framework.csv`, `framework-so.xlsx`).
    package static func isFrameworkFile(_ name: String) -> Bool {
        name.hasPrefix("framework") && (name.hasSuffix(".csv") || name.hasSuffix(".xlsx"))
    }
}
