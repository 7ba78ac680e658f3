import CCHCCore
import Foundation

/// Reads units.csv: id, name, ranking group and framework of every unit.
package enum UnitsLoader {
    /// The valid units, and the ids of rows that were rejected (their scores are not reported again).
    /// - Parameters:
    ///   - frameworkFiles: the frameworks present, each by its name without `.csv` or `.xlsx`
    ///     (`framework-so`), mapped to the name it is known by (`framework-so.csv`); the column
    ///     may name the CSV or the workbook, or give the bare name.
    ///   - labels: where a framework was read from, when not its CSV file
    ///     (`framework-so.xlsx[framework-so]`), for messages.
    package static func load(
        _ table: CSVTable, frameworkFiles: [String: String], labels: [String: SourceName] = [:],
        diagnostics: inout DiagnosticEngine
    ) -> (
        units: [AssessedUnit], rejected: Set<String>
    ) {
        let file = table.file
        guard table.require(["id", "name", "group"], diagnostics: &diagnostics) else { return ([], []) }
        KnownColumns.warnUnknown(table, known: KnownColumns.units, diagnostics: &diagnostics)
        let (cId, cName, cGroup, cFramework) = (
            table.column("id"), table.column("name"), table.column("group"), table.column("framework")
        )
        let known: Set<Int> = Set([cId, cName, cGroup, cFramework].compactMap { $0 })
        var rejected = Set(table.malformed.map { table.value($0, cId) }.filter { !$0.isEmpty })
        var firstLine: [String: Int] = [:]
        var firstByKey: [String: (id: String, line: Int)] = [:]
        var units: [AssessedUnit] = []
        for r in table.rows {
            let id = table.value(r, cId)
            let name = table.value(r, cName)
            let group = table.value(r, cGroup)
            let named = table.value(r, cFramework)
            var framework = named.isEmpty ? DatasetFiles.defaultFramework : named
            if let known = frameworkFiles[DatasetSources.stem(framework)] { framework = known }
            // A cell documents cannot carry is reported by `CellText` as the table is read: the
            // unit is left out, so nothing about it is reported twice.
            if [id, name, group].contains(where: { CellText.problem($0, multiline: false) != nil }) {
                if !id.isEmpty { rejected.insert(id) }
                firstLine[id] = r.line
                continue
            }
            var bad = false
            for (column, value) in [("id", id), ("name", name), ("group", group)] where value.isEmpty {
                diagnostics.error(file, line: r.line, field: "\(column)", "empty; expected the unit's \(column)")
                bad = true
            }
            if !id.isEmpty, let first = firstLine[id] {
                diagnostics.error(
                    file, line: r.line, field: "id", "'\(id)' is used twice (first on line \(first)); expected unique ids")
                continue
            }
            if !id.isEmpty, let problem = FileNameRule.problem(id) {
                diagnostics.error(
                    file, line: r.line,
                    field: "id", "'\(id)' cannot name the unit's files: \(problem); expected \(FileNameRule.expected)")
                firstLine[id] = r.line
                rejected.insert(id)
                continue
            }
            if !id.isEmpty, let twin = firstByKey[FileNameRule.collisionKey(id)] {
                diagnostics.error(
                    file, line: r.line,
                    field: "id",
                    "'\(id)' differs from '\(twin.id)' (line \(twin.line)) only in case, so both would write one file on Windows and macOS; expected ids that differ in more than case"
                )
                firstLine[id] = r.line
                rejected.insert(id)
                continue
            }
            if !frameworkFiles.values.contains(framework) {
                diagnostics.error(
                    file, line: r.line,
                    field: "framework",
                    "'\(framework)' does not exist in the dataset; expected one of \(frameworkFiles.values.sorted().map { labels[$0]?.description ?? $0 }.joined(separator: ", "))"
                )
                bad = true
            }
            firstLine[id] = r.line
            firstByKey[FileNameRule.collisionKey(id)] = (id, r.line)
            if bad {
                rejected.insert(id)
                continue
            }
            var extra: [String: String] = [:]
            // By the column's name in lower case: columns are matched without regard to case.
            for (i, title) in table.header.enumerated() where !known.contains(i) {
                extra[title.lowercased()] = table.value(r, i)
            }
            units.append(AssessedUnit(id: id, name: name, group: group, framework: framework, extra: extra, line: r.line))
        }
        if table.rows.isEmpty { diagnostics.error(file, line: 1, "no units; expected one row per unit") }
        warnSameNames(units, file: file, diagnostics: &diagnostics)
        checkSymbols(units, table, diagnostics: &diagnostics)
        return (units, rejected)
    }

    /// Two units of one name would read as one unit in every ranking: warned, with both lines.
    /// Names are compared as a reader sees them (spaces folded, case and Unicode form aside).
    private static func warnSameNames(_ units: [AssessedUnit], file: SourceName, diagnostics: inout DiagnosticEngine) {
        var first: [String: AssessedUnit] = [:]
        for unit in units {
            let key = sameNameKey(unit.name)
            guard let earlier = first[key] else {
                first[key] = unit
                continue
            }
            diagnostics.warning(
                file, line: unit.line,
                field: "name",
                "'\(unit.name)' of unit \(unit.id) is also the name of unit \(earlier.id) (line \(earlier.line)); expected each unit's own name, e.g. '\(unit.name) (\(unit.id))', so that readers of the ranking can tell them apart"
            )
        }
    }

    /// The ký hiệu of each agency's own documents: `short`, or derived from its name with a
    /// warning that shows it; two agencies that would sign with one symbol are an error. A UBND
    /// signs `…-UBND` as every UBND does, and is left out.
    private static func checkSymbols(_ units: [AssessedUnit], _ table: CSVTable, diagnostics: inout DiagnosticEngine) {
        let file = table.file
        let hasColumn = table.column("short") != nil
        var derived: [(unit: AssessedUnit, symbol: String)] = []
        var first: [String: AssessedUnit] = [:]
        for unit in units where UnitKind(unit.name) == .agency {
            let given = unit.extra["short"] ?? ""
            let symbol = given.isEmpty ? IssuerSymbol.derive(unit.name) : given
            if given.isEmpty {
                if hasColumn {
                    diagnostics.warning(
                        file, line: unit.line, field: "short",
                        "empty for \(unit.name); its documents' ký hiệu is derived from the name as \(symbol) (BC-\(symbol)); expected the unit's own abbreviation, e.g. \(symbol)"
                    )
                } else {
                    derived.append((unit, symbol))
                }
            }
            let key = symbol.uppercased()
            // Two units of one name are warned of already (warnSameNames): that is the mistake.
            if let earlier = first[key], sameNameKey(earlier.name) != sameNameKey(unit.name) {
                diagnostics.error(
                    file, line: unit.line, field: hasColumn ? "short" : "name",
                    "\(unit.name) and \(earlier.name) (line \(earlier.line)) would both sign as BC-\(symbol); expected a 'short' of its own for each, e.g. \(IssuerSymbol.longer(unit.name))"
                )
            } else if first[key] == nil {
                first[key] = unit
            }
        }
        if let example = derived.first {
            let whose = derived.count == 1 ? "an agency's documents is" : "\(derived.count) agencies' documents are"
            let list = derived.map { "\($0.unit.id) → \($0.symbol)" }.joined(separator: ", ")
            diagnostics.warning(
                file, line: table.headerLine,
                "no column 'short': the ký hiệu of \(whose) derived from the name (\(list)); expected a column short with each unit's abbreviation, e.g. \(example.symbol) for \(example.unit.name)"
            )
        }
    }

    /// A name as a reader sees it: spaces folded, case and Unicode form aside.
    private static func sameNameKey(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
