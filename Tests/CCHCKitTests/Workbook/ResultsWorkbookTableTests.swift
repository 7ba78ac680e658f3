import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCompute
@testable import CCHCCore
@testable import CCHCDocuments
@testable import CCHCKit
@testable import CCHCWriters

/// results.xlsx's ranking sheets are the decision's appendix tables, written by the workbook
/// writer from the same `DocTable` (issue 27, item 2): the same columns, rows and numbers, the
/// max in the appendix's own Điểm tối đa column (issue 28: not a second one beside Tổng điểm),
/// the change of rank a signed number, exact values shown with the decision's decimals.
@Suite struct ResultsWorkbookTableTests {
    @Test(arguments: ["an-giang-2022", "ha-nam-2018"])
    func eachGroupSheetIsTheDecisionsAppendixTable(sample: String) throws {
        let results = try #require(Pipeline.check(TestPaths.input(sample)).results)
        let book = ResultsWorkbook.make(results)
        for (group, sheet) in zip(results.groups, book.sheets) {
            let table = RankingTables(precision: results.precision).appendixTable(group)
            let titles = table.columns.map(\.title)
            #expect(sheet.header == titles)
            #expect(titles.filter { $0 == WorkbookWriter.Sheet.maxTitle }.count == 1)
            #expect(sheet.rows.count == table.rows.count && sheet.rows.count == group.units.count)
            let total = try #require(titles.firstIndex(of: "Tổng điểm"))
            let max = try #require(titles.firstIndex(of: WorkbookWriter.Sheet.maxTitle))
            for (row, unit) in zip(sheet.rows, group.units) {
                guard row.count == titles.count else {
                    Issue.record("\(unit.name): \(row.count) cells under \(titles.count) titles")
                    continue
                }
                #expect(row[1] == .text(unit.name))
                #expect(row[total] == .number(unit.total.description, .decimals(results.precision)), "\(unit.name)")
                #expect(
                    row[max] == .number(unit.max.description, .decimals(results.precision))
                        || row[max] == .number(unit.max.description, .general), "\(row[max])")
                if let change = titles.firstIndex(of: "Tăng/giảm bậc") {
                    #expect(row[change] == (unit.rankChange.map { .number(String($0), .signed) } ?? .empty))
                }
            }
        }
    }

    @Test func aCellOfEachKindBecomesItsValue() {
        let table = DocTable(
            id: "t", title: "",
            columns: [
                DocColumn("STT", numeric: true), DocColumn("Đơn vị"), DocColumn("Tổng điểm", numeric: true), DocColumn("Bậc"),
            ],
            rows: [
                DocRow([.integer(1), .text("A"), .number(Points("46.4249")!, decimals: 2, max: 100), .rankChange(-2)]),
                DocRow([.integer(nil), .text(""), .number(nil), .rankChange(nil)]),
            ])
        let sheet = WorkbookWriter.Sheet(table: table, name: "x") { _ in 10 }
        #expect(sheet.header == ["STT", "Đơn vị", "Tổng điểm", "Điểm tối đa", "Bậc"])
        #expect(
            sheet.rows[0] == [
                .number("1", .integer), .text("A"), .number("46.4249", .decimals(2)), .number("100", .general),
                .number("-2", .signed),
            ])
        #expect(sheet.rows[1] == [.empty, .empty, .empty, .empty, .empty])
    }
}
