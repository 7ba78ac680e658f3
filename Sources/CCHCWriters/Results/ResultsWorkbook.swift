import CCHCCompute
import CCHCCore
import CCHCDocuments
import Foundation

/// results.xlsx: the ranking tables as a workbook (README, "The documents"), for the secretariat to publish and
/// re-use. One sheet per group with the appendix's columns, one per field ranking, and a sheet
/// `results` with the columns of results.csv, so that next year the file serves as previous.xlsx.
public enum ResultsWorkbook {
    /// The workbook of `results`.
    public static func make(_ results: Results) -> WorkbookWriter {
        var names = SheetNames()
        var sheets: [WorkbookWriter.Sheet] = results.groups.map { group in groupSheet(group, results.precision, &names) }
        for group in results.groups {
            for code in fieldCodes(group) {
                sheets.append(fieldSheet(group, code, several: results.groups.count > 1, results.precision, &names))
            }
        }
        sheets.append(resultsSheet(results, &names))
        return WorkbookWriter(sheets: sheets)
    }

    /// The file's bytes.
    public static func render(_ results: Results) throws -> Data { try make(results).data() }

    /// A group's ranking: the decision's appendix table (`RankingTables.appendixTable`), column
    /// for column, the max of Tổng điểm in a column of its own and the change of rank a number.
    package static func groupSheet(_ group: GroupResult, _ precision: Int, _ names: inout SheetNames) -> WorkbookWriter.Sheet {
        let table = RankingTables(precision: precision).appendixTable(group)
        let nameWidth = nameWidth(group.units.map(\.name))
        return WorkbookWriter.Sheet(table: table, name: names.unique(group.name)) { title in
            title == "Đơn vị" ? nameWidth : (title == "STT" ? 6 : 12)
        }
    }

    /// One field's ranking within a group: Xếp hạng, Đơn vị, Điểm, Điểm tối đa, Chỉ số (%), best first.
    package static func fieldSheet(
        _ group: GroupResult, _ code: CriterionCode, several: Bool, _ precision: Int, _ names: inout SheetNames
    ) -> WorkbookWriter.Sheet {
        let entries = group.units.compactMap { u in u.fields.first { $0.code == code }.map { (u, $0) } }
        // By rank, units whose field is all N/A last; ties keep the group's order (index, then name).
        let ranked = entries.enumerated().sorted { a, b in
            let (ra, rb) = (a.element.1.rank ?? .max, b.element.1.rank ?? .max)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        let score = WorkbookWriter.NumberFormat.decimals(precision)
        let rows: [[WorkbookWriter.Value]] = ranked.map { u, f in
            [
                f.rank.map { .number(String($0), .integer) } ?? .empty, .text(u.name),
                f.score.map { .number($0.description, score) } ?? .empty, .number(f.max.description, .general),
                f.index.map { .number($0.description, score) } ?? .empty,
            ]
        }
        let fieldName = entries.first?.1.name ?? ""
        let header = ["Xếp hạng", "Đơn vị", "Điểm lĩnh vực \(code): \(fieldName)", "Điểm tối đa", "Chỉ số (%)"]
        let name = several ? "\(group.name) - LV \(code)" : "Lĩnh vực \(code)"
        return WorkbookWriter.Sheet(
            name: names.unique(name, keepingEnd: " - LV \(code)"), header: header, rows: rows,
            widths: [10, nameWidth(entries.map(\.0.name)), 40, 12, 12], landscape: false, headerLines: 3)
    }

    /// `unit,index,rank,total`, as results.csv: what `previous.xlsx` is read from next year.
    package static func resultsSheet(_ results: Results, _ names: inout SheetNames) -> WorkbookWriter.Sheet {
        var rows: [[WorkbookWriter.Value]] = []
        for group in results.groups {
            for u in group.units {
                guard let index = u.index, let rank = u.rank else { continue }
                rows.append([
                    .text(u.id), .number(index.description, .general), .number(String(rank), .integer),
                    .number(u.total.description, .general),
                ])
            }
        }
        return WorkbookWriter.Sheet(
            name: SheetNames.results, header: ["unit", "index", "rank", "total"], rows: rows, widths: [16, 10, 8, 10],
            landscape: false)
    }

    /// The field codes of a group's units, in framework order.
    package static func fieldCodes(_ group: GroupResult) -> [CriterionCode] {
        var seen = Set<CriterionCode>()
        return group.units.flatMap { $0.fields.map(\.code) }.filter { seen.insert($0).inserted }.sorted()
    }

    /// Room for the longest name, within reason (a longer one wraps).
    package static func nameWidth(_ names: [String]) -> Int { min(max(names.map(\.count).max() ?? 10, 12) + 2, 45) }

    /// Sheet names as Excel allows them: at most 31 characters, none of `[]:*?/\`, unique
    /// ignoring case.
    ///
    /// `results` is the sheet next year reads as previous.xlsx: no group's or field's sheet may take
    /// it (nor `previous`), so a group named `results` gets `results (2)`.
    package struct SheetNames {
        package static let results = "results"
        private var used: Set<String> = [results, "previous"]

        /// - Parameter end: what the name must keep when it is cut (` - LV 1`).
        package mutating func unique(_ wanted: String, keepingEnd end: String = "") -> String {
            let clean = String(wanted.map { "[]:*?/\\".contains($0) ? "-" : $0 })
            let kept = clean.hasSuffix(end) ? end : ""
            let base = clean.dropLast(kept.count)
            var n = 1
            while true {
                let suffix = kept + (n > 1 ? " (\(n))" : "")
                let name = base.prefix(31 - suffix.count).trimmingCharacters(in: .whitespaces) + suffix
                if used.insert(name.lowercased()).inserted { return name }
                n += 1
            }
        }
    }
}
