import CSupport
import Foundation
import ZIPFoundation

/// An Excel workbook (.xlsx) opened for reading: its sheets in tab order, its shared strings and
/// which cell styles show dates. Cells are read by `SheetReader`, one sheet at a time.
package final class Workbook: @unchecked Sendable {
    /// One sheet as the workbook lists it.
    package struct Sheet: Sendable {
        package var name: String
        /// Hidden (or very hidden) sheets are read only when asked for by name.
        package var hidden: Bool
        /// The sheet's part in the container, e.g. `xl/worksheets/sheet1.xml`.
        package var part: String
    }

    package let sheets: [Sheet]
    package let sharedStrings: [String]
    /// For each cell style (`s` of a cell, an index into `cellXfs`), whether it shows a date.
    package let dateStyles: [Bool]
    /// The workbook counts dates from 1904 (old Mac Excel) instead of 1900.
    package let date1904: Bool
    private let archive: Archive

    /// The most bytes one part may inflate to.
    package let partLimit: Int

    /// Opens the workbook in `data`.
    /// - Parameter partLimit: the most bytes one part may inflate to (a table file's limit).
    package init(_ data: Data, partLimit: Int = DatasetFiles.maxFileBytes) throws(WorkbookError) {
        self.partLimit = partLimit
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw .legacyExcel }
        guard data.starts(with: [0x50, 0x4B]), let archive = try? Archive(data: data, accessMode: .read) else {
            throw .notAZip
        }
        var names = Set<String>()
        for entry in archive where !names.insert(entry.path).inserted { throw .duplicateEntry(entry.path) }
        self.archive = archive
        let workbookPart = try Self.officeDocument(archive)
        let relations = try Self.relationships(of: workbookPart, in: archive)
        let (listed, date1904) = try Self.sheetList(try Self.part(workbookPart, in: archive, limit: partLimit))
        sheets = listed.compactMap { sheet in
            relations[sheet.relation].map { Sheet(name: sheet.name, hidden: sheet.hidden, part: $0.target) }
        }
        guard !sheets.isEmpty else { throw .noSheets }
        self.date1904 = date1904
        let strings = relations.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
        sharedStrings =
            try strings.map { part throws(WorkbookError) in
                try Self.sharedStrings(try Self.part(part, in: archive, limit: partLimit))
            } ?? []
        let styles = relations.values.first { $0.type.hasSuffix("/styles") }?.target
        dateStyles =
            try styles.map { part throws(WorkbookError) in try Self.dateStyles(try Self.part(part, in: archive, limit: partLimit))
            } ?? []
    }

    /// The paths of the container's entries (parts and folders), in the order they are stored.
    package var entryPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return archive.map(\.path)
    }

    /// Guards the container: ZIPFoundation reads it through one file position.
    private let lock = NSLock()

    /// The bytes of a part of the container; safe from several threads.
    package func part(_ path: String) throws(WorkbookError) -> Data {
        lock.lock()
        defer { lock.unlock() }
        return try Self.part(path, in: archive, limit: partLimit)
    }

    package static func part(_ path: String, in archive: Archive, limit: Int = DatasetFiles.maxFileBytes) throws(WorkbookError)
        -> Data
    {
        guard let entry = archive[path] else { throw .missingPart(path) }
        // A part is read whole, so it may not be larger than a table file may be; the limit is
        // kept while inflating too, whatever size the container claims (a ZIP bomb stops there).
        guard entry.uncompressedSize <= UInt64(limit) else { throw .partTooLarge(path) }
        var data = Data(capacity: Int(entry.uncompressedSize))
        do {
            // ZIPFoundation's own CRC-32 is plain Swift on Linux, slower than inflating: the
            // entry is checked against its CRC with zlib's instead.
            _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: true) { chunk in
                guard data.count + chunk.count <= limit else { throw WorkbookError.partTooLarge(path) }
                data.append(chunk)
            }
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw .unreadablePart(path)
        }
        let crc = data.withUnsafeBytes { cchc_crc32($0.bindMemory(to: UInt8.self).baseAddress, UInt($0.count)) }
        guard data.count == Int(entry.uncompressedSize), crc == UInt(entry.checksum) else { throw .unreadablePart(path) }
        return data
    }

    /// The workbook part named by the package's relationships (`xl/workbook.xml` as a rule).
    private static func officeDocument(_ archive: Archive) throws(WorkbookError) -> String {
        let relations = try relationships(of: "", in: archive)
        return relations.values.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
    }

    /// One relationship of a part: its type and the part it points to, as a path in the container.
    package struct Relation {
        package var type: String
        package var target: String
    }

    /// The relationships of `part` (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`) by id,
    /// their targets resolved against the part's folder.
    private static func relationships(of part: String, in archive: Archive) throws(WorkbookError) -> [String: Relation] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let path = (folder.isEmpty ? "" : folder + "/") + "_rels/\(name).rels"
        guard archive[path] != nil else {
            if part.isEmpty { throw .missingPart("_rels/.rels") }
            return [:]
        }
        guard let stream = XMLStream(try Self.part(path, in: archive)) else { throw .unreadablePart(path) }
        var found: [String: Relation] = [:]
        while try stream.next() {
            guard stream.node == .element, stream.named("Relationship") else { continue }
            let a = stream.attributes(["Id", "Type", "Target", "TargetMode"])
            guard let id = a[0], let type = a[1], let target = a[2], a[3] != "External" else { continue }
            found[id] = Relation(type: type, target: resolve(target, from: folder))
        }
        return found
    }

    /// `worksheets/sheet1.xml` from `xl` → `xl/worksheets/sheet1.xml`; `/xl/x.xml` → `xl/x.xml`.
    private static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." {
                _ = parts.popLast()
            } else if piece != "." {
                parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The sheets of `workbook.xml` in tab order (name, state, relationship id), and whether the
    /// workbook uses the 1904 date system.
    private static func sheetList(_ data: Data) throws(WorkbookError) -> (
        [(name: String, hidden: Bool, relation: String)], Bool
    ) {
        guard let stream = XMLStream(data) else { throw .unreadablePart("workbook.xml") }
        var sheets: [(name: String, hidden: Bool, relation: String)] = []
        var date1904 = false
        while try stream.next() {
            guard stream.node == .element else { continue }
            if stream.named("sheet") {
                let a = stream.attributes(["name", "state", "id"])
                guard let name = a[0], let relation = a[2] else { continue }
                sheets.append((name.precomposedStringWithCanonicalMapping, a[1] == "hidden" || a[1] == "veryHidden", relation))
            } else if stream.named("workbookPr") {
                let value = stream.attribute("date1904")
                date1904 = value == "1" || value == "true"
            }
        }
        return (sheets, date1904)
    }

    /// The shared strings (`<si>`) in order; rich-text runs joined, phonetic runs left out.
    private static func sharedStrings(_ data: Data) throws(WorkbookError) -> [String] {
        guard let stream = XMLStream(data) else { throw .unreadablePart("sharedStrings.xml") }
        var strings: [String] = []
        while try stream.next() {
            guard stream.node == .element, stream.named("si") else { continue }
            strings.append(ExcelValue.unescaped(try stream.elementText(skipping: "rPh")))
        }
        return strings
    }

    /// For each cell style of styles.xml (`cellXfs/xf`), whether its number format shows a date.
    private static func dateStyles(_ data: Data) throws(WorkbookError) -> [Bool] {
        guard let stream = XMLStream(data) else { throw .unreadablePart("styles.xml") }
        var codes: [Int: String] = [:]
        var styles: [Bool] = []
        var inCellXfs = false
        while try stream.next() {
            switch stream.node {
            case .element where stream.named("numFmt"):
                let a = stream.attributes(["numFmtId", "formatCode"])
                if let id = a[0].flatMap({ Int($0) }) { codes[id] = a[1] }
            case .element where stream.named("cellXfs"):
                inCellXfs = !stream.isEmptyElement
            case .endElement where stream.named("cellXfs"):
                inCellXfs = false
            case .element where inCellXfs && stream.named("xf"):
                let id = stream.attribute("numFmtId").flatMap { Int($0) } ?? 0
                styles.append(ExcelValue.isDateFormat(id: id, code: codes[id]))
            default: break
            }
        }
        return styles
    }
}
