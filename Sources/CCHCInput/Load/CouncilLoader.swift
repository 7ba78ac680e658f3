import CCHCCore

/// council.csv: `name,title,agency,role`, one member of the appraisal council a row (Hội đồng
/// thẩm định). Each row needs a name and one of the roles; a council needs one Chủ tịch.
package enum CouncilLoader {
    package static func load(_ table: CSVTable, diagnostics: inout DiagnosticEngine) -> [CouncilMember] {
        guard table.require(["name", "role"], diagnostics: &diagnostics) else { return [] }
        KnownColumns.warnUnknown(table, known: KnownColumns.council, diagnostics: &diagnostics)
        let (n, t, a, r) = (table.column("name"), table.column("title"), table.column("agency"), table.column("role"))
        var members: [CouncilMember] = []
        for row in table.rows {
            let name = table.value(row, n)
            let roleText = table.value(row, r)
            if name.isEmpty {
                diagnostics.error(
                    table.file, line: row.line, field: "name", "empty; expected the member's full name, e.g. Nguyễn Văn A")
                continue
            }
            guard let role = CouncilMember.roles.first(where: { $0.lowercased() == roleText.lowercased() }) else {
                diagnostics.error(
                    table.file, line: row.line, field: "role",
                    "'\(roleText)' for \(name); expected one of \(CouncilMember.roles.joined(separator: ", "))")
                continue
            }
            let (title, agency) = (table.value(row, t), table.value(row, a))
            members.append(
                CouncilMember(name: name, title: title.isEmpty ? nil : title, agency: agency.isEmpty ? nil : agency, role: role))
        }
        if !members.isEmpty && members.filter({ $0.role == "Chủ tịch" }).count != 1 {
            let chairs = members.filter { $0.role == "Chủ tịch" }.map(\.name)
            diagnostics.error(
                table.file, line: table.headerLine,
                "the council has \(chairs.isEmpty ? "no Chủ tịch" : "\(chairs.count) Chủ tịch (\(chairs.joined(separator: ", ")))"); expected exactly one member with role Chủ tịch"
            )
        }
        return members
    }
}
