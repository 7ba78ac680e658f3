import CCHCCore

/// The groups plan.yaml names (in `awards` and `bands`) checked against the groups of units.csv:
/// a misspelt group would silently lose its commendations or its bands.
package enum PlanGroupsCheck {
    package static func run(_ dataset: Dataset, diagnostics: inout DiagnosticEngine) {
        let groups = dataset.groups
        let sizes = Dictionary(dataset.units.map { ($0.group, 1) }, uniquingKeysWith: +)
        let locations = dataset.planLocations
        func report(_ path: [String], _ warning: Bool, _ message: String) {
            let at = locations.location(path)
            let text = "'\(path.joined(separator: "."))': \(message)"
            if warning {
                diagnostics.warning(SourceName(DatasetFiles.plan), line: at?.line, column: at?.column, text)
            } else {
                diagnostics.error(SourceName(DatasetFiles.plan), line: at?.line, column: at?.column, text)
            }
        }
        func checkName(_ group: String, _ path: [String]) -> Bool {
            guard sizes[group] == nil else { return true }
            let hint = Suggestion.closest(group, among: groups).map { "did you mean '\($0)'? " } ?? ""
            report(
                path, false,
                "'\(group)' is not a group of units.csv; \(hint)expected one of: \(groups.map { "'\($0)'" }.joined(separator: ", "))"
            )
            return false
        }
        for (i, rule) in (dataset.plan.awards ?? []).enumerated() {
            guard checkName(rule.group, ["awards", String(i), "group"]), let size = sizes[rule.group], rule.count > size
            else { continue }
            report(
                ["awards", String(i), "count"], true,
                "\(rule.count) awards for '\(rule.group)', which has \(size) unit\(size == 1 ? "" : "s"); every unit of the group is proposed"
            )
        }
        let bands = dataset.plan.bands
        if let list = bands?.default { checkFloor(list, ["bands", "default"], report) }
        for (i, entry) in (bands?.groups ?? []).enumerated() {
            _ = checkName(entry.group, ["bands", "groups", String(i), "group"])
            checkFloor(entry.bands, ["bands", "groups", String(i), "bands"], report)
        }
    }

    /// Bands without a 0 floor leave the lowest indexes without a band.
    private static func checkFloor(
        _ bands: [Band], _ path: [String], _ report: ([String], Bool, String) -> Void
    ) {
        guard let lowest = bands.min(by: { $0.min < $1.min }), lowest.min > 0 else { return }
        let floor = VietnameseNumber.format(lowest.min)
        report(
            path, true,
            "the lowest band ('\(lowest.name)') starts at \(floor), so a unit whose index is below \(floor) gets no band (printed —); expected a band with min: 0"
        )
    }
}
