/// Reads units.csv: id, name, ranking group and framework of every unit.
enum UnitsLoader {
    /// The valid units, and the ids of rows that were rejected (their scores are not reported again).
    /// - Parameters:
    ///   - frameworkFiles: the frameworks present, each by its name without `.csv` or `.xlsx`
    ///     (`framework-so`), mapped to the name it is known by (`framework-so.csv`); the column
    ///     may name the CSV or the workbook, or give the bare name.
    ///   - labels: where a framework was read from, when not its CSV file
    ///     (`framework-so.xlsx[framework-so]`), for messages.
    static func load(
        _ table: CSVTable, frameworkFiles: [String: String], labels: [String: String] = [:], diagnostics: inout DiagnosticEngine
    ) -> (
        units: [AssessedUnit], rejected: Set<String>
    ) {
        let file = table.file
        guard table.require(["id", "name", "group"], diagnostics: &diagnostics) else { return ([], []) }
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
            var bad = false
            for (column, value) in [("id", id), ("name", name), ("group", group)] where value.isEmpty {
                diagnostics.error(file, line: r.line, "column '\(column)': empty; expected the unit's \(column)")
                bad = true
            }
            if !id.isEmpty, let first = firstLine[id] {
                diagnostics.error(
                    file, line: r.line, "column 'id': '\(id)' is used twice (first on line \(first)); expected unique ids")
                continue
            }
            if !id.isEmpty, let problem = FileNameRule.problem(id) {
                diagnostics.error(
                    file, line: r.line,
                    "column 'id': '\(id)' cannot name the unit's files: \(problem); expected \(FileNameRule.expected)")
                firstLine[id] = r.line
                rejected.insert(id)
                continue
            }
            if !id.isEmpty, let twin = firstByKey[FileNameRule.collisionKey(id)] {
                diagnostics.error(
                    file, line: r.line,
                    "column 'id': '\(id)' differs from '\(twin.id)' (line \(twin.line)) only in case, so both would write one file on Windows and macOS; expected ids that differ in more than case"
                )
                firstLine[id] = r.line
                rejected.insert(id)
                continue
            }
            if !frameworkFiles.values.contains(framework) {
                diagnostics.error(
                    file, line: r.line,
                    "column 'framework': '\(framework)' does not exist in the dataset; expected one of \(frameworkFiles.values.sorted().map { labels[$0] ?? $0 }.joined(separator: ", "))"
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
            for (i, title) in table.header.enumerated() where !known.contains(i) {
                extra[title] = table.value(r, i)
            }
            units.append(AssessedUnit(id: id, name: name, group: group, framework: framework, extra: extra, line: r.line))
        }
        if table.rows.isEmpty { diagnostics.error(file, line: 1, "no units; expected one row per unit") }
        return (units, rejected)
    }
}
