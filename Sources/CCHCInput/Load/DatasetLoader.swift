import CCHCCore
import Foundation

/// A dataset folder as the load step leaves it: the dataset (`nil` when a file could not be used
/// at all), every problem found in its files, and which files the validate step may judge.
public struct LoadedDataset: Sendable {
    public var dataset: Dataset?
    public var diagnostics: DiagnosticEngine
    /// Whether scores.csv and survey.csv could be read: when one could not, that error already
    /// says everything and no unit is reported as missing rows.
    package var scoresUsable = false
    package var surveyUsable = false
    /// Per unit, the codes of misspelt score rows (`2.21` for 2.2.1), which are not reported again as missing.
    package var misspeltScores: [String: Set<CriterionCode>] = [:]
}

/// The load and validate steps of the pipeline: reads a dataset folder and checks it, collecting
/// every problem.
public enum DatasetLoader {
    /// Loads `folder` and checks each file's rows; every diagnostic found is kept (which may
    /// include errors). Last year's results come from `previous`.
    public static func load(_ folder: URL, previous: any PreviousResultsSource = PreviousCSV()) -> LoadedDataset {
        var d = DiagnosticEngine()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            d.error(
                SourceName(folder.path),
                "is not a dataset folder; expected a folder with plan.yaml, units.csv, framework.csv, scores.csv")
            return LoadedDataset(dataset: nil, diagnostics: d)
        }
        let planData = DatasetFiles.read(DatasetFiles.plan, in: folder, required: true, diagnostics: &d)
        let plan = planData.flatMap { PlanLoader.load($0, diagnostics: &d) }

        let sources = DatasetSources(folder, diagnostics: &d)
        var tables: [String: CSVTable] = [:]  // every table read, by its CSV name, for naming cells
        let (frameworks, frameworkFiles, failedFrameworks) = loadFrameworks(sources, tables: &tables, diagnostics: &d)
        let (units, unitsTable, context) = loadUnits(
            sources, frameworks, files: frameworkFiles, failed: failedFrameworks, precision: plan?.0.precision ?? 2,
            tables: &tables, diagnostics: &d)
        let needsSurvey = units.contains { u in frameworks[u.framework]?.leaves.contains { $0.method.isSurvey } ?? false }
        // scores.csv, by far the largest file, is parsed on one core while the other reads the
        // rest; its rows are then checked on every core (a parallel loop inside `both` would run
        // on one). Problems are reported in the order a one-core read finds them.
        let (fromScores, fromOthers) = Parallel.both(
            {
                var found = DiagnosticEngine()
                let table = sources.table(DatasetFiles.scores, required: true, diagnostics: &found)
                return (table: table, found: found)
            },
            { readOthers(sources, folder, context, previous: previous, plan: plan, needsSurvey: needsSurvey) })
        d.append(contentsOf: fromScores.found.diagnostics)
        let scoresTable = fromScores.table
        var misspelt: [String: Set<CriterionCode>] = [:]
        let scores = scoresTable.map { ScoresLoader.load($0, context, misspelt: &misspelt, diagnostics: &d) } ?? [:]
        d.append(contentsOf: fromOthers.found.diagnostics)
        let (surveyTable, survey, previous, targets) =
            (fromOthers.surveyTable, fromOthers.survey, fromOthers.previous, fromOthers.targets)
        let named = [
            DatasetFiles.scores, DatasetFiles.survey, DatasetFiles.previous, DatasetFiles.targets, DatasetFiles.questions,
            DatasetFiles.responses,
        ]
        for (name, table) in zip(named, [scoresTable, surveyTable] + fromOthers.read) { tables[name] = table }
        let sheetHeaders = SheetCells.headers(of: Array(tables.values))
        d = SheetCells.locate(d.collapsingRepeats(), headers: sheetHeaders)

        guard let (planValue, locations) = plan, unitsTable != nil else { return LoadedDataset(dataset: nil, diagnostics: d) }
        var dataset = Dataset(
            name: folder.standardizedFileURL.lastPathComponent, folder: folder, plan: planValue,
            planLocations: locations, frameworks: frameworks, units: units, scores: scores, survey: survey,
            previous: previous, targets: targets,
            tableFiles: tables.compactMapValues { $0.file }.filter { SourceName($0.key) != $0.value },
            sheetHeaders: sheetHeaders)
        dataset.surveyForms = fromOthers.forms
        let councilTable = sources.table(DatasetFiles.council, required: false, diagnostics: &d)
        dataset.council = councilTable.map { CouncilLoader.load($0, diagnostics: &d) } ?? planValue.council ?? []
        if let councilTable { dataset.tableFiles[DatasetFiles.council] = councilTable.file }
        // With the raw forms, survey.csv may be absent; forms that could not be tallied (a plan's
        // pooling that cannot be read) say everything, and no unit is reported as missing points.
        let hasForms = sources.has(DatasetFiles.questions) || sources.has(DatasetFiles.responses)
        var (scoresUsable, surveyUsable) = usable(scoresTable, surveyTable, needsSurvey: needsSurvey && !hasForms)
        if hasForms && fromOthers.forms == nil { surveyUsable = false }
        return LoadedDataset(
            dataset: dataset, diagnostics: d, scoresUsable: scoresUsable, surveyUsable: surveyUsable, misspeltScores: misspelt)
    }

    /// The frameworks of the dataset, by their CSV name (`framework-so.csv`) whatever form they
    /// are read from, so that the documents of a workbook dataset are those of its CSV twin; the
    /// stem → CSV name of each; those not used. A framework with any error is not used: rows
    /// judged against a broken tree would only repeat its mistake.
    package static func loadFrameworks(
        _ sources: DatasetSources, tables: inout [String: CSVTable], diagnostics d: inout DiagnosticEngine
    ) -> (frameworks: [String: Framework], files: [String: String], failed: Set<String>) {
        var frameworks: [String: Framework] = [:]
        var frameworkFiles: [String: String] = [:]
        var failedFrameworks = Set<String>()
        for name in sources.frameworkNames {
            let errorsBefore = d.errors.count
            let table = sources.table(name, required: true, diagnostics: &d)
            frameworkFiles[DatasetSources.stem(name)] = name
            tables[name] = table
            if let table, let framework = FrameworkLoader.load(table, diagnostics: &d), d.errors.count == errorsBefore {
                frameworks[name] = framework
            } else {
                failedFrameworks.insert(name)
            }
        }
        return (frameworks, frameworkFiles, failedFrameworks)
    }

    /// units.csv, and the context the other files' rows are checked in (the units by id, the
    /// frameworks, what failed).
    package static func loadUnits(
        _ sources: DatasetSources, _ frameworks: [String: Framework], files frameworkFiles: [String: String],
        failed failedFrameworks: Set<String>, precision: Int, tables: inout [String: CSVTable],
        diagnostics d: inout DiagnosticEngine
    ) -> (units: [AssessedUnit], table: CSVTable?, context: LoadContext) {
        let labels = tables.compactMapValues { $0.file }
        let unitsTable = sources.table(DatasetFiles.units, required: true, diagnostics: &d)
        tables[DatasetFiles.units] = unitsTable
        let errorsBeforeUnits = d.errors.count
        let (units, rejected) =
            unitsTable.map { UnitsLoader.load($0, frameworkFiles: frameworkFiles, labels: labels, diagnostics: &d) } ?? ([], [])
        let byId = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let unitsFailed = unitsTable == nil || (units.isEmpty && rejected.isEmpty && d.errors.count > errorsBeforeUnits)
        let context = LoadContext(
            units: byId, frameworks: frameworks, unitsFailed: unitsFailed, rejectedUnits: rejected,
            failedFrameworks: failedFrameworks, frameworkLabels: labels, precision: precision)
        return (units, unitsTable, context)
    }

    /// Whether scores.csv and survey.csv have the columns their rows are checked by: a file whose
    /// header already failed says everything, and no unit is reported as missing rows.
    private static func usable(_ scores: CSVTable?, _ survey: CSVTable?, needsSurvey: Bool) -> (scores: Bool, survey: Bool) {
        let scoresUsable = scores.map { t in ["unit", "code", "self", "appraised"].allSatisfy { t.column($0) != nil } } ?? false
        let surveyUsable =
            survey.map { t in
                t.column("unit") != nil && t.column("code") != nil && (t.column("score") ?? t.column("ratio")) != nil
            } ?? !needsSurvey
        return (scoresUsable, surveyUsable)
    }

    /// What is read beside scores.csv: the survey, last year's results (from `previous`; without
    /// a plan year a previous.csv is still read, an archive needs the year) and the targets.
    private static func readOthers(
        _ sources: DatasetSources, _ folder: URL, _ context: LoadContext, previous: any PreviousResultsSource,
        plan: (Plan, YAMLLocations)?, needsSurvey: Bool
    ) -> (
        surveyTable: CSVTable?, survey: [String: [CriterionCode: SurveyEntry]], previous: [String: PreviousResult],
        targets: [TargetEntry], found: DiagnosticEngine, read: [CSVTable?], forms: SurveyTally.Outcome?
    ) {
        var found = DiagnosticEngine()
        // With the survey's raw forms, survey.csv is optional: the forms give the points.
        let hasForms = sources.has(DatasetFiles.questions) || sources.has(DatasetFiles.responses)
        let surveyTable = sources.table(DatasetFiles.survey, required: needsSurvey && !hasForms, diagnostics: &found)
        var survey = surveyTable.map { SurveyLoader.load($0, context, diagnostics: &found) } ?? [:]
        let (forms, formTables) = SurveyFormsStep.run(sources, context, plan: plan, survey: &survey, diagnostics: &found)
        let previousTable = previous.previousResults(for: folder, year: (plan?.0.year ?? 1) - 1, diagnostics: &found)
        let previous =
            previousTable.map {
                PreviousLoader.load($0.table, context, archivedGroupSizes: $0.groupSizes, diagnostics: &found)
            } ?? [:]
        let targetsTable = sources.table(DatasetFiles.targets, required: false, diagnostics: &found)
        let targets = targetsTable.map { TargetsLoader.load($0, context, diagnostics: &found) } ?? []
        return (surveyTable, survey, previous, targets, found, [previousTable?.table, targetsTable] + formTables, forms)
    }

    /// Reads one table of a dataset folder (`scores.csv`) as loading does: from the CSV file, a
    /// workbook of its own or a sheet of dataset.xlsx. For measuring the readers alone.
    public static func readTable(_ name: String, in folder: URL, diagnostics: inout DiagnosticEngine) -> CSVTable? {
        DatasetSources(folder, diagnostics: &diagnostics).table(name, required: true, diagnostics: &diagnostics)
    }

    /// The validate step: the files checked against each other (every unit has its rows, every
    /// unit has something that applies, no framework is all zeros).
    public static func validate(_ loaded: LoadedDataset, diagnostics: inout DiagnosticEngine) {
        guard let dataset = loaded.dataset else { return }
        var found = DiagnosticEngine()
        CompletenessCheck.run(
            dataset, scoresRead: loaded.scoresUsable, surveyRead: loaded.surveyUsable, misspelt: loaded.misspeltScores,
            diagnostics: &found)
        // What the documents will lack (a signer's name, a decision's bases) is told once the
        // data itself is sound: beside an error it is only noise.
        if loaded.diagnostics.errors.isEmpty && found.errors.isEmpty {
            SignerCheck.run(dataset, diagnostics: &found)
            DecisionBasesCheck.run(dataset, diagnostics: &found)
            YearDocumentsCheck.run(dataset, diagnostics: &found)
        }
        diagnostics.append(contentsOf: dataset.located(found).diagnostics)
        PlanGroupsCheck.run(dataset, diagnostics: &diagnostics)
    }
}
