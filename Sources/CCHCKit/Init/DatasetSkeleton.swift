import CCHCCore
import CCHCInput
import CCHCTemplate
import Foundation

/// `cchc init`: a new dataset folder (bộ dữ liệu) ready to fill. Every file gets its header row,
/// plan.yaml every key with its default (commented out where optional); given a framework and
/// the units, scores.csv and survey.csv get one row per unit and criterion to fill in. The tables
/// are written as Excel opens them in a Vietnamese locale: a BOM, `;` between columns, and a
/// decimal comma is fine in the cells.
public enum DatasetSkeleton {
    public struct Options: Sendable {
        public var folder: URL
        /// The criteria, when known: one file (framework.csv in the new dataset), or several, each
        /// keeping its name (`framework-so.csv`, `framework-huyen.csv`), as units.csv names them.
        public var frameworks: [URL]
        /// The units (units.csv), when known.
        public var units: URL?
        /// The year assessed.
        public var year: Int
        /// Where plan.yaml's skeleton comes from (`init/plan.yaml` of the set).
        public var templates: TemplateSet
        /// Write the tables as Excel workbooks (`scores.xlsx`, one sheet each) instead of CSV.
        public var workbooks = false

        public init(folder: URL, frameworks: [URL] = [], units: URL? = nil, year: Int, templates: TemplateSet = .builtIn) {
            (self.folder, self.frameworks, self.units, self.year, self.templates) = (folder, frameworks, units, year, templates)
        }

        /// One framework, or none.
        public init(folder: URL, framework: URL?, units: URL? = nil, year: Int, templates: TemplateSet = .builtIn) {
            self.init(folder: folder, frameworks: framework.map { [$0] } ?? [], units: units, year: year, templates: templates)
        }

        /// The name each framework file gets in the dataset: its own when it is `framework*.csv`
        /// (or `.xlsx`), else framework.csv (one file only; framework.xlsx for a workbook).
        package var frameworkNames: [(name: String, source: URL)] {
            frameworks.map { url in
                let own = url.lastPathComponent
                let keeps = frameworks.count > 1 || DatasetFiles.isFrameworkFile(own)
                return (keeps ? own : DatasetSkeleton.named(DatasetFiles.defaultFramework, like: url), url)
            }
        }
    }

    /// What was written: the files, and how many rows wait to be filled in.
    public struct Outcome: Sendable, Equatable {
        public var files: [String]
        public var scoreRows: Int
        public var surveyRows: Int
    }

    package static let headers: [String: String] = [
        DatasetFiles.defaultFramework: "code;name;max;method;lead", DatasetFiles.units: "id;name;group;framework",
        DatasetFiles.scores: "unit;code;self;appraised;evidence;explanation;comment",
        DatasetFiles.survey: "unit;code;score;ratio", DatasetFiles.previous: "unit;index;rank;total",
        DatasetFiles.targets: "unit;code;year;target;action;lead",
    ]

    /// Writes the new dataset into `options.folder` (new, or empty), whole or not at all.
    @discardableResult
    public static func create(_ options: Options) throws -> Outcome {
        let folder = options.folder
        return try NewFolder.create(
            folder, refused: InitError.notEmpty(path: folder.relativePath),
            failed: { InitError.write(path: folder.relativePath, reason: $0) }, fill: { staging in try fill(staging, options) })
    }

    private static func fill(_ folder: URL, _ options: Options) throws -> Outcome {
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        func table(_ name: String, rows: [String] = []) -> String {
            "\u{FEFF}" + ([headers[name] ?? ""] + rows).joined(separator: "\n") + "\n"
        }
        let plan = options.templates.file("init/plan.yaml")?.data().map { String(decoding: $0, as: UTF8.self) } ?? ""
        try write(DatasetFiles.plan, plan.replacingOccurrences(of: "{{year}}", with: String(options.year)))
        for (name, source) in options.frameworkNames where !DatasetFiles.isFrameworkFile(name) {
            throw InitError.frameworkName(path: source.relativePath)
        }
        let frameworks: [(String, URL?)] =
            options.frameworks.isEmpty
            ? [(DatasetFiles.defaultFramework, nil)] : options.frameworkNames.map { ($0.name, $0.source) }
        let units = options.units.map { DatasetSkeleton.named(DatasetFiles.units, like: $0) } ?? DatasetFiles.units
        for (name, given) in frameworks + [(units, options.units)] {
            if let given {
                guard let data = FileManager.default.contents(atPath: given.path) else {
                    throw InitError.unreadable(path: given.relativePath, reason: "no such file, or not readable")
                }
                try data.write(to: folder.appendingPathComponent(name))
            } else {
                try write(name, table(name))
            }
        }
        var (scoreRows, surveyRows): ([String], [String]) = ([], [])
        if !options.frameworks.isEmpty && options.units != nil {
            (scoreRows, surveyRows) = try rowsToFill(folder, options)
        }
        try write(DatasetFiles.scores, table(DatasetFiles.scores, rows: scoreRows))
        try write(DatasetFiles.survey, table(DatasetFiles.survey, rows: surveyRows))
        try write(DatasetFiles.previous, table(DatasetFiles.previous))
        try write(DatasetFiles.targets, table(DatasetFiles.targets))
        var files =
            [DatasetFiles.plan] + frameworks.map(\.0)
            + [units, DatasetFiles.scores, DatasetFiles.survey, DatasetFiles.previous, DatasetFiles.targets]
        if options.workbooks { files = try DatasetSkeleton.convertToWorkbooks(files.dropFirst(), in: folder) }
        return Outcome(files: files, scoreRows: scoreRows.count, surveyRows: surveyRows.count)
    }

    /// One row per unit and criterion scored in scores.csv (`unit;code;;;;;`), one per unit and
    /// survey criterion in survey.csv, in units.csv's order and then the framework's. The
    /// framework and units are read by the same rules as `validate`; an error in either stops.
    private static func rowsToFill(_ folder: URL, _ options: Options) throws -> ([String], [String]) {
        let loaded = DatasetLoader.load(folder)
        let given =
            options.frameworkNames.map { ($0.name, Optional($0.source)) }
            + [(options.units.map { named(DatasetFiles.units, like: $0) } ?? DatasetFiles.units, options.units)]
        let problems = loaded.diagnostics.errors.compactMap { d -> Diagnostic? in
            // A workbook's problems are at one of its sheets: `units.xlsx[Sheet1]`.
            guard let (_, source) = given.first(where: { d.file.file == $0.0 }), let source else { return nil }
            var shown = d
            shown.file.file = source.relativePath
            return shown
        }
        guard problems.isEmpty, let dataset = loaded.dataset else { throw InitError.inputs(problems) }
        var scores: [String] = []
        var survey: [String] = []
        for unit in dataset.units {
            for leaf in dataset.framework(of: unit).leaves {
                if leaf.method.isSurvey {
                    survey.append("\(unit.id);\(leaf.code);;")
                } else {
                    scores.append("\(unit.id);\(leaf.code);;;;;")
                }
            }
        }
        return (scores, survey)
    }
}
