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

    /// The workbook: its sheets in order (a hidden one so marked), and each sheet's captions and
    /// header row as the rows printed on every page (`_xlnm.Print_Titles`).
    package static func workbook(_ sheets: [WorkbookWriter.Sheet]) -> String {
        var out = declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNS)\">"
        out += "<bookViews><workbookView/></bookViews><sheets>"
        for (i, sheet) in sheets.enumerated() {
            let state = sheet.hidden ? " state=\"hidden\"" : ""
            out += "<sheet name=\"\(escaped(sheet.name))\" sheetId=\"\(i + 1)\"\(state) r:id=\"rId\(i + 1)\"/>"
        }
        out += "</sheets><definedNames>"
        for (i, sheet) in sheets.enumerated() {
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            let rows = "$\(sheet.title.count + 1):$\(sheet.headerRow)"
            out += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">\(escaped(quoted))!\(rows)</definedName>"
        }
        return out + "</definedNames></workbook>"
    }

    /// Styles: Times New Roman (the documents' face); style 1 the header (bold, wrapped, centred,
    /// bordered), 2 bordered text, then one bordered style per number format.
    package static func styles(_ formats: [WorkbookWriter.NumberFormat], forms: Bool = false) -> String {
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
        let italic = forms ? "<font><i/><sz val=\"12\"/>\(font)</font>" : ""
        out +=
            "<fonts count=\"\(forms ? 3 : 2)\"><font><sz val=\"12\"/>\(font)</font><font><b/><sz val=\"12\"/>\(font)</font>\(italic)</fonts>"
        out +=
            "<fills count=\"\(forms ? 4 : 2)\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        if forms { out += FormParts.fills }
        out += "</fills>"
        let side = "style=\"thin\"><color auto=\"1\"/>"
        out += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        out +=
            "<border><left \(side)</left><right \(side)</right><top \(side)</top><bottom \(side)</bottom><diagonal/></border></borders>"
        out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        out += "<cellXfs count=\"\(3 + ids.count + (forms ? WorkbookWriter.FormStyle.allCases.count : 0))\">"
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
        if forms { out += FormParts.styles }
        out += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return out + "</styleSheet>"
    }

    /// One worksheet: title, captions and header rows frozen, column widths, the cells, and
    /// for a form its protection and data validation; A4 page set up.
    package static func sheet(
        _ sheet: WorkbookWriter.Sheet, strings: inout WorkbookWriter.SharedStrings, styles: WorkbookWriter.CellStyles
    ) -> String {
        let header = sheet.headerRow
        let last = CellReference(column: max(sheet.header.count, 1), row: sheet.rows.count + header)
        var out = declaration + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNS)\">"
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"A1:\(last)\"/>"
        out += "<sheetViews><sheetView workbookViewId=\"0\">"
        out += "<pane ySplit=\"\(header)\" topLeftCell=\"A\(header + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        out += "<selection pane=\"bottomLeft\" activeCell=\"A\(header + 1)\" sqref=\"A\(header + 1)\"/></sheetView></sheetViews>"
        out += "<sheetFormatPr defaultRowHeight=\"15.75\"/><cols>"
        for (i, width) in sheet.widths.enumerated() {
            out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        out += "</cols><sheetData>"
        for (i, line) in sheet.title.enumerated() {
            out += row(i + 1, [.text(line)], style: styles.style(.title), strings: &strings, styles: styles)
        }
        let height = 16.5 * Double(max(sheet.headerLines, 1)) - 0.75
        if let captions = sheet.captions {
            out += row(header - 1, captions.map { .text($0) }, style: 1, height: height, strings: &strings, styles: styles)
        }
        out += row(
            header, sheet.header.map { .text($0) }, style: 1, height: sheet.captions == nil ? height : nil, strings: &strings,
            styles: styles)
        for (i, cells) in sheet.rows.enumerated() {
            let (style, fill) = (
                FormParts.textStyle(sheet.form, row: i, styles: styles), FormParts.fill(sheet.form, row: i, styles)
            )
            let height = sheet.form == nil ? nil : FormParts.height(cells, widths: sheet.widths)
            out += row(i + header + 1, cells, style: style, height: height, strings: &strings, styles: styles, fill: fill)
        }
        out += "</sheetData>"
        if let form = sheet.form { out += FormParts.protectionAndValidation(form, sheet, header: header) }
        out += "<printOptions horizontalCentered=\"1\"/>"
        out += "<pageMargins left=\"0.59\" right=\"0.39\" top=\"0.59\" bottom=\"0.59\" header=\"0.3\" footer=\"0.3\"/>"
        out +=
            "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return out + "</worksheet>"
    }

    private static func row(
        _ number: Int, _ cells: [WorkbookWriter.Value], style rowStyle: Int, height: Double? = nil,
        strings: inout WorkbookWriter.SharedStrings, styles: WorkbookWriter.CellStyles,
        fill: (columns: Set<Int>, style: Int)? = nil
    ) -> String {
        var out = "<row r=\"\(number)\"" + (height.map { " ht=\"\($0)\" customHeight=\"1\"" } ?? "") + ">"
        for (i, value) in cells.enumerated() {
            let at = CellReference(column: i + 1, row: number)
            let textStyle = fill.map { $0.columns.contains(i) ? $0.style : rowStyle } ?? rowStyle
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
