import CCHCCore

/// The XML parts of a workbook WorkbookWriter writes (SpreadsheetML), each in schema order.
package enum WorkbookParts {
    package static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    package static let relationshipsNS = OfficePackage.relationshipsNS
    package static let declaration = OfficePackage.declaration

    package static func contentTypes(sheets: Int) -> String {
        let type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        return OfficePackage.contentTypes(
            [("/xl/workbook.xml", "\(type).sheet.main+xml")]
                + (1...max(sheets, 1)).map { ("/xl/worksheets/sheet\($0).xml", "\(type).worksheet+xml") } + [
                    ("/xl/theme/theme1.xml", OfficeTheme.contentType), ("/xl/styles.xml", "\(type).styles+xml"),
                    ("/xl/sharedStrings.xml", "\(type).sharedStrings+xml"),
                ])
    }

    package static let packageRelationships = OfficePackage.relationships([
        ("rId1", "\(relationshipsNS)/officeDocument", "xl/workbook.xml")
    ])

    package static func workbookRelationships(sheets: Int) -> String {
        OfficePackage.relationships(
            (1...max(sheets, 1)).map { ("rId\($0)", "\(relationshipsNS)/worksheet", "worksheets/sheet\($0).xml") } + [
                ("rId\(sheets + 1)", "\(relationshipsNS)/styles", "styles.xml"),
                ("rId\(sheets + 2)", "\(relationshipsNS)/sharedStrings", "sharedStrings.xml"),
                ("rId\(sheets + 3)", OfficeTheme.relationshipType, "theme/theme1.xml"),
            ])
    }

    /// The workbook: its sheets in order, and each sheet's header row as the rows printed on
    /// every page (`_xlnm.Print_Titles`).
    package static func workbook(_ names: [String]) -> String {
        var out = declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNS)\">"
        out += "<bookViews><workbookView/></bookViews><sheets>"
        for (i, name) in names.enumerated() {
            out += "<sheet name=\"\(escaped(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        out += "</sheets><definedNames>"
        for (i, name) in names.enumerated() {
            let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
            out += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">\(escaped(quoted))!$1:$1</definedName>"
        }
        return out + "</definedNames></workbook>"
    }

    /// Styles: Times New Roman (the documents' face); style 1 the header (bold, wrapped, centred,
    /// bordered), 2 bordered text, then one bordered style per number format.
    package static func styles(_ formats: [WorkbookWriter.NumberFormat]) -> String {
        var custom: [(Int, String)] = []
        var ids: [Int] = []
        for format in formats {
            switch format {
            case .general: ids.append(0)
            case .integer: ids.append(1)
            case .decimals(let n):
                custom.append((164 + custom.count, n > 0 ? "0." + String(repeating: "0", count: n) : "0"))
                ids.append(custom.last!.0)
            case .signed:
                custom.append((164 + custom.count, "+0;-0;0"))
                ids.append(custom.last!.0)
            }
        }
        var out = declaration + "<styleSheet xmlns=\"\(main)\">"
        if !custom.isEmpty {
            out += "<numFmts count=\"\(custom.count)\">"
            for (id, code) in custom { out += "<numFmt numFmtId=\"\(id)\" formatCode=\"\(escaped(code))\"/>" }
            out += "</numFmts>"
        }
        let font = "<name val=\"Times New Roman\"/><family val=\"1\"/>"
        out += "<fonts count=\"2\"><font><sz val=\"12\"/>\(font)</font><font><b/><sz val=\"12\"/>\(font)</font></fonts>"
        out +=
            "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        let side = "style=\"thin\"><color auto=\"1\"/>"
        out += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        out +=
            "<border><left \(side)</left><right \(side)</right><top \(side)</top><bottom \(side)</bottom><diagonal/></border></borders>"
        out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        out += "<cellXfs count=\"\(3 + ids.count)\">"
        out += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        out +=
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\">"
        out += "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        out += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\">"
        out += "<alignment vertical=\"center\" wrapText=\"1\"/></xf>"
        for id in ids {
            out +=
                "<xf numFmtId=\"\(id)\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\"/>"
        }
        out += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return out + "</styleSheet>"
    }

    /// One worksheet: header row frozen, column widths, the cells, A4 page set up.
    package static func sheet(
        _ sheet: WorkbookWriter.Sheet, strings: inout WorkbookWriter.SharedStrings, styles: WorkbookWriter.CellStyles
    ) -> String {
        let last = CellReference(column: max(sheet.header.count, 1), row: sheet.rows.count + 1)
        var out = declaration + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNS)\">"
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"A1:\(last)\"/>"
        out += "<sheetViews><sheetView workbookViewId=\"0\">"
        out += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        out += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        out += "<sheetFormatPr defaultRowHeight=\"15.75\"/><cols>"
        for (i, width) in sheet.widths.enumerated() {
            out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        out += "</cols><sheetData>"
        let height = 16.5 * Double(max(sheet.headerLines, 1)) - 0.75
        out += row(1, sheet.header.map { .text($0) }, style: 1, height: height, strings: &strings, styles: styles)
        for (i, cells) in sheet.rows.enumerated() {
            out += row(i + 2, cells, style: 2, strings: &strings, styles: styles)
        }
        out += "</sheetData><printOptions horizontalCentered=\"1\"/>"
        out += "<pageMargins left=\"0.59\" right=\"0.39\" top=\"0.59\" bottom=\"0.59\" header=\"0.3\" footer=\"0.3\"/>"
        out +=
            "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return out + "</worksheet>"
    }

    private static func row(
        _ number: Int, _ cells: [WorkbookWriter.Value], style textStyle: Int, height: Double? = nil,
        strings: inout WorkbookWriter.SharedStrings, styles: WorkbookWriter.CellStyles
    ) -> String {
        var out = "<row r=\"\(number)\"" + (height.map { " ht=\"\($0)\" customHeight=\"1\"" } ?? "") + ">"
        for (i, value) in cells.enumerated() {
            let at = CellReference(column: i + 1, row: number)
            switch value {
            case .empty: out += "<c r=\"\(at)\" s=\"\(textStyle)\"/>"
            case .text(let text): out += "<c r=\"\(at)\" s=\"\(textStyle)\" t=\"s\"><v>\(strings.id(text))</v></c>"
            case .number(let value, let format): out += "<c r=\"\(at)\" s=\"\(styles.style(format))\"><v>\(value)</v></c>"
            }
        }
        return out + "</row>"
    }

    package static func sharedStrings(_ strings: WorkbookWriter.SharedStrings) -> String {
        var out = declaration + "<sst xmlns=\"\(main)\" count=\"\(strings.list.count)\" uniqueCount=\"\(strings.list.count)\">"
        for text in strings.list {
            let preserve = text.first == " " || text.last == " " || text.contains("\n") ? " xml:space=\"preserve\"" : ""
            out += "<si><t\(preserve)>\(cellText(text))</t></si>"
        }
        return out + "</sst>"
    }

    /// Text as XML character data (attributes too: every one is in double quotes).
    package static func escaped(_ text: String) -> String {
        var out = ""
        Escape.append(text, to: &out, apostrophe: false)
        return out
    }

    /// A cell's text as XML: control characters XML cannot hold as Excel's escapes (`_x000D_`
    /// for a carriage return), and an underscore that would start such an escape as `_x005F_`,
    /// so the text reads back as it was.
    package static func cellText(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        for (i, ch) in scalars.enumerated() {
            switch ch {
            case "_" where i + 1 < scalars.count && scalars[i + 1] == "x": out += "_x005F_"
            case "\n", "\t": out.unicodeScalars.append(ch)
            case _ where ch.value < 0x20: out += String(format: "_x%04X_", ch.value)
            default: out += escaped(String(ch))
            }
        }
        return out
    }
}
