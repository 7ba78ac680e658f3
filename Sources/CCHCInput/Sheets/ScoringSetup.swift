import CCHCCore
import Foundation

/// What the scoring workbooks are made from and checked against: the plan, the frameworks, the
/// units and, when the folder has one yet, the scores table as it stands. Read like `load` reads
/// them, but a dataset at the start of its year, with no scores yet, is complete enough.
public struct ScoringSetup: Sendable {
    /// The dataset folder and its name.
    public var folder: URL
    public var name: String
    public var plan: Plan
    /// The frameworks by their CSV name (`framework-so.csv`).
    public var frameworks: [String: Framework]
    /// The units, in the order of units.csv.
    public var units: [AssessedUnit]
    /// The scores table as read (`nil` when the folder has none yet), and how to write it back.
    public var scores: CSVTable?

    /// Reads `folder`; `nil` when the plan, the units or a framework has an error (reported).
    public static func load(_ folder: URL, diagnostics: inout DiagnosticEngine) -> ScoringSetup? {
        var found = DiagnosticEngine()
        let planData = DatasetFiles.read(DatasetFiles.plan, in: folder, required: true, diagnostics: &found)
        let plan = planData.flatMap { PlanLoader.load($0, diagnostics: &found) }?.0
        let sources = DatasetSources(folder, diagnostics: &found)
        var tables: [String: CSVTable] = [:]
        let (frameworks, files, failed) = DatasetLoader.loadFrameworks(sources, tables: &tables, diagnostics: &found)
        let (units, _, _) = DatasetLoader.loadUnits(
            sources, frameworks, files: files, failed: failed, precision: plan?.precision ?? 2, tables: &tables,
            diagnostics: &found)
        let scores =
            sources.has(DatasetFiles.scores) ? sources.table(DatasetFiles.scores, required: false, diagnostics: &found) : nil
        diagnostics.append(
            contentsOf: SheetCells.locate(found, headers: SheetCells.headers(of: Array(tables.values))).diagnostics)
        guard let plan, found.errors.isEmpty else { return nil }
        return ScoringSetup(
            folder: folder, name: folder.standardizedFileURL.lastPathComponent, plan: plan, frameworks: frameworks, units: units,
            scores: scores)
    }

    /// The framework of a unit.
    public func framework(of unit: AssessedUnit) -> Framework? { frameworks[unit.framework] }

    /// The lead agencies (cơ quan chủ trì) of the appraised criteria, in the order their fields
    /// first appear (frameworks by name, criteria in document order).
    public var leads: [String] {
        var seen: [String] = []
        for name in frameworks.keys.sorted() {
            for leaf in frameworks[name]!.leaves where leaf.method == .thamDinh && !leaf.lead.isEmpty {
                if !seen.contains(leaf.lead) { seen.append(leaf.lead) }
            }
        }
        return seen
    }
}
