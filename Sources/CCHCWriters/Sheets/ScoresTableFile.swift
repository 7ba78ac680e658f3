import CCHCCore
import CCHCInput
import Foundation

/// The merged scores table as the file it came from: a CSV file in its own style (separator,
/// line ending, byte-order mark, quoting only where needed); a workbook with the sheet of scores
/// rewritten and every other part as it was.
package enum ScoresTableFile {
    /// The file to write (relative to the dataset) and its bytes.
    package static func bytes(_ merge: ScoresMerge, original: CSVTable?, in folder: URL) throws -> (file: String, data: Data) {
        guard let original else {
            return (DatasetFiles.scores, CSVWriting.data(header: merge.header, rows: merge.orderedRows, style: .new))
        }
        let file = original.file.file
        let url = folder.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RenderError.write(path: url.path, reason: "cannot be read again")
        }
        guard let sheet = original.file.sheet else {
            return (
                file,
                CSVWriting.data(
                    header: merge.header, rows: merge.orderedRows, style: .init(of: data, separator: original.separator))
            )
        }
        return (
            file, try SheetRewrite.workbook(data, sheet: sheet, merge: merge, headerLine: original.headerLine, path: url.path)
        )
    }
}

/// A workbook with one sheet's table written anew: the rows above the header (a title) kept as
/// they were, the header and the rows written with their values (scores as numbers, the rest as
/// text), the other parts copied; the calculation chain dropped, so the spreadsheet program
/// recalculates rather than repair the file.
enum SheetRewrite {
    static func workbook(_ data: Data, sheet name: String, merge: ScoresMerge, headerLine: Int, path: String) throws -> Data {
        func refuse(_ why: String) -> RenderError {
            .write(
                path: path,
                reason: "\(why); expected a workbook Excel, LibreOffice or cchc wrote (or save the scores as scores.csv)")
        }
        let book: Workbook
        do { book = try Workbook(data) } catch { throw refuse(error.message) }
        guard let part = book.sheets.first(where: { $0.name == name })?.part,
            let original = try? String(decoding: book.part(part), as: UTF8.self),
            let sheet = sheetXML(original, merge: merge, headerLine: headerLine)
        else { throw refuse("its sheet '\(name)' is not written in a form cchc can write back") }
        var zip = ZipWriter()
        for entry in book.entryPaths where !entry.hasSuffix("/") && !entry.hasSuffix("calcChain.xml") {
            var bytes = Array((try? book.part(entry)) ?? Data())
            if entry == part { bytes = Array(sheet.utf8) }
            if entry == "[Content_Types].xml" || entry.hasSuffix(".rels") {
                bytes = Array(
                    without(#"<(Override|Relationship)\b[^>]*calcChain[^>]*/>"#, String(decoding: bytes, as: UTF8.self)).utf8)
            }
            try zip.add(entry, ZipWriter.Entry(bytes, method: .zlibDefault))
        }
        return Data(zip.finish())
    }

    /// The sheet's XML with its `<sheetData>` written anew and its `<dimension>` left out; `nil`
    /// when the part is not in the plain form (no prefixes) that every common program writes.
    static func sheetXML(_ xml: String, merge: ScoresMerge, headerLine: Int) -> String? {
        guard let start = xml.range(of: "<sheetData"), let close = xml.range(of: "</sheetData>") ?? xml.range(of: "<sheetData/>")
        else { return nil }
        let old = String(xml[start.lowerBound..<close.upperBound])
        var rows = ""
        let rowPattern = try! NSRegularExpression(
            pattern: #"<row\b[^>]*?\br="(\d+)"[^>]*?(/>|>.*?</row>)"#, options: [.dotMatchesLineSeparators])
        for match in rowPattern.matches(in: old, range: NSRange(old.startIndex..., in: old)) {
            guard let r = Range(match.range(at: 1), in: old), let line = Int(old[r]), line < headerLine,
                let whole = Range(match.range, in: old)
            else { continue }
            rows += old[whole]
        }
        let scores = Set(merge.header.indices.filter { ScoringForm.scoreColumns.contains(merge.header[$0].lowercased()) })
        rows += row(headerLine, merge.header, numbers: [])
        for (i, fields) in merge.orderedRows.enumerated() { rows += row(headerLine + 1 + i, fields, numbers: scores) }
        let head = without(#"<dimension\b[^>]*/>"#, String(xml[..<start.lowerBound]))
        return head + "<sheetData>" + rows + "</sheetData>" + xml[close.upperBound...]
    }

    private static func row(_ line: Int, _ fields: [String], numbers: Set<Int>) -> String {
        var out = "<row r=\"\(line)\">"
        for (i, field) in fields.enumerated() where !field.isEmpty {
            let at = CellReference(column: i + 1, row: line)
            if numbers.contains(i), case .success(let points) = NumberParser.points(field) {
                out += "<c r=\"\(at)\"><v>\(points)</v></c>"
            } else {
                let preserve = field.first == " " || field.last == " " || field.contains("\n") ? " xml:space=\"preserve\"" : ""
                out += "<c r=\"\(at)\" t=\"inlineStr\"><is><t\(preserve)>\(WorkbookParts.cellText(field))</t></is></c>"
            }
        }
        return out + "</row>"
    }

    private static func without(_ pattern: String, _ text: String) -> String {
        text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
    }
}
