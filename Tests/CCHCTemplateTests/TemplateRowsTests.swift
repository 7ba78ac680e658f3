import Testing

@testable import CCHCCore
@testable import CCHCTemplate

/// A table's rows read in place (`TemplateRows`) show a template exactly what an object per row
/// and per cell would (the reference): the same output for every kind of tag, the enclosing
/// sections' names reached through a row or a cell, empty rows and lists of no cells.
@Suite struct TemplateRowsTests {
    /// Rows of cells: each row `strong` or not, each cell `text`, `value` and `numeric`.
    private static let table: [(strong: Bool, cells: [(text: String, value: String, numeric: Bool)])] = [
        (true, [("1", "", false), ("Công tác chỉ đạo & điều hành", "", false), ("10,50", "10.5", true)]),
        (false, []),
        (false, [("1.1", "", false), ("<Kế hoạch>", "", false), ("-", "", true)]),
    ]

    /// The reference: an object for every row and every cell.
    private static func objects() -> TemplateValue {
        .list(
            table.map { row in
                .object([
                    "strong": .bool(row.strong),
                    "cells": .list(
                        row.cells.map {
                            .object(["text": .text($0.text), "value": .text($0.value), "numeric": .bool($0.numeric)])
                        }),
                ])
            })
    }

    /// The same rows in place.
    private static func inPlace() -> TemplateValue {
        var firstCell = [0]
        var cells: [TemplateValue] = []
        for row in table {
            for c in row.cells { cells += [.text(c.text), .text(c.value), .bool(c.numeric)] }
            firstCell.append(firstCell.last! + row.cells.count)
        }
        return .rows(
            TemplateRows(
                rowNames: ["strong"], rowValues: table.map { .bool($0.strong) }, cellNames: ["text", "value", "numeric"],
                cellValues: cells, firstCell: firstCell))
    }

    @Test(arguments: [
        "{{#rows}}<tr{{#strong}} class=\"strong\"{{/strong}}>{{#cells}}<td{{#numeric}} class=\"num\"{{/numeric}}>{{text}}</td>{{/cells}}</tr>\n{{/rows}}",
        "{{#rows}}{{^cells}}(none){{/cells}}{{#cells}}{{#value}}[{{.}}]{{/value}}{{^value}}{{{text}}}{{/value}}|{{/cells}};{{/rows}}",
        "{{#rows}}{{#cells}}{{id}}:{{text}} {{/cells}}{{/rows}}{{^rows}}empty{{/rows}}",
        "{{#rows}}{{#strong}}{{#cells}}{{strong}}{{/cells}}{{/strong}}{{.}}{{/rows}}",
    ])
    func aTemplateSeesTheRowsInPlaceAsItSeesObjects(source: String) throws {
        for escaping in [Template.Escaping.html, .xml, .none] {
            let template = try Template(name: "t", source: source, escaping: escaping)
            let reference = try template.render(.object(["id": "T1", "rows": Self.objects()]))
            let inPlace = try template.render(.object(["id": "T1", "rows": Self.inPlace()]))
            #expect(inPlace == reference)
            #expect(!reference.isEmpty)
        }
    }

    /// A name neither a row nor a cell has, nor any enclosing section, is the same error.
    @Test func anUnknownNameInACellIsTheSameError() throws {
        let template = try Template(name: "t", source: "{{#rows}}{{#cells}}{{colour}}{{/cells}}{{/rows}}", escaping: .html)
        let reference = #expect(throws: TemplateError.self) { try template.render(.object(["rows": Self.objects()])) }
        let inPlace = #expect(throws: TemplateError.self) { try template.render(.object(["rows": Self.inPlace()])) }
        #expect(reference?.description == inPlace?.description)
        #expect(inPlace?.kind == .unknownName("colour"))
    }

    /// No rows at all is falsey, as an empty list is.
    @Test func noRowsIsFalsey() throws {
        let none = TemplateRows(rowNames: [], rowValues: [], cellNames: [], cellValues: [], firstCell: [0])
        let template = try Template(name: "t", source: "{{^rows}}no rows{{/rows}}{{#rows}}a row{{/rows}}", escaping: .html)
        #expect(try template.render(.object(["rows": .rows(none)])) == "no rows")
    }
}
