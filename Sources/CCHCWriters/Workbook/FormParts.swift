import CCHCCore

/// The pieces of SpreadsheetML a form sheet adds (`WorkbookWriter.Form`): its fills and styles,
/// which cells are unlocked, the sheet's protection and its data validation.
package enum FormParts {
    /// Fills 2 and 3: the light yellow of a cell to fill, the grey of one not filled here.
    static let fills =
        "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF2CC\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFEDEDED\"/><bgColor indexed=\"64\"/></patternFill></fill>"

    /// The cell styles of `WorkbookWriter.FormStyle`, in its order.
    static var styles: String {
        let wrap = "<alignment vertical=\"center\" wrapText=\"1\"/>"
        return WorkbookWriter.FormStyle.allCases.map { style in
            switch style {
            case .title:
                return "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            case .bold:
                return
                    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\">\(wrap)</xf>"
            case .fill:
                return
                    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\" applyProtection=\"1\">\(wrap)<protection locked=\"0\"/></xf>"
            case .fixed:
                return
                    "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\">\(wrap)</xf>"
            }
        }.joined()
    }

    /// The style of a row's text cells: bold for a field or criterion, else bordered text.
    static func textStyle(_ form: WorkbookWriter.Form?, row: Int, styles: WorkbookWriter.CellStyles) -> Int {
        guard let form, form.bold.contains(row) else { return 2 }
        return styles.style(.bold)
    }

    /// The columns to fill on a row and the style of their cells there: unlocked, or grey when
    /// the row takes no value.
    static func fill(_ form: WorkbookWriter.Form?, row: Int, _ styles: WorkbookWriter.CellStyles) -> (
        columns: Set<Int>, style: Int
    )? {
        guard let form else { return nil }
        return (form.fill, styles.style(form.fixed.contains(row) ? .fixed : .fill))
    }

    /// The height of a form's row that wraps its text over several lines (a spreadsheet program
    /// does not grow a row for wrapped text on its own when it opens a file); `nil` for one line.
    static func height(_ cells: [WorkbookWriter.Value], widths: [Int]) -> Double? {
        var lines = 1
        for (i, cell) in cells.enumerated() where i < widths.count {
            guard case .text(let text) = cell else { continue }
            let perLine = max(widths[i] - 1, 1)
            let wrapped = text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { sum, line in
                sum + max(1, Int((widthInCharacters(line) / Double(perLine)).rounded(.up)))
            }
            lines = max(lines, wrapped)
        }
        return lines == 1 ? nil : 15.75 * Double(lines)
    }

    /// A line's width in a column's characters (digits of the default font): a capital of Times
    /// New Roman is about half as wide again as a small letter.
    private static func widthInCharacters(_ line: Substring) -> Double {
        line.reduce(0) { $0 + ($1.isUppercase ? 1.45 : 1) }
    }

    /// The sheet's protection (no password: it keeps a slip of the hand from a code or a max,
    /// not a determined hand; `cchc collect` checks every row anyway) and its data validation.
    static func protectionAndValidation(_ form: WorkbookWriter.Form, _ sheet: WorkbookWriter.Sheet, header: Int) -> String {
        var out = "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>"
        let checked = form.validations.filter { _ in !sheet.rows.isEmpty }
        guard !checked.isEmpty else { return out }
        out += "<dataValidations count=\"\(checked.count)\">"
        for rule in checked {
            let top = CellReference(column: rule.column + 1, row: header + 1)
            let bottom = CellReference(column: rule.column + 1, row: header + sheet.rows.count)
            out += "<dataValidation type=\"custom\" allowBlank=\"1\" showErrorMessage=\"1\""
            out +=
                " errorTitle=\"Giá trị không hợp lệ\" error=\"\(WorkbookParts.escaped(rule.message))\" sqref=\"\(top):\(bottom)\">"
            out += "<formula1>\(WorkbookParts.escaped(rule.formula))</formula1></dataValidation>"
        }
        return out + "</dataValidations>"
    }
}
