import CCHCCore
import CSupport
import Foundation
import ZIPFoundation

/// A ZIP file (a .docx or .xlsx package) written in memory, entry after entry, then its central directory.
///
/// The headers are the ones ZIPFoundation writes (version made by 789, UTF-8 names, Unix
/// permissions 0644, every entry dated 1980-01-01 00:00, no ZIP64), so `reference`, which writes
/// the same entries through ZIPFoundation, gives the same bytes at zlib's default level; a test
/// holds the two to that. This writer exists because on Linux ZIPFoundation computes each entry's
/// CRC-32 a byte at a time in Swift and always deflates at zlib's default level: for a national
/// set's DOCX that was two thirds of the cost (Benchmarks/README.md). Here zlib does both, at the
/// level asked.
package struct ZipWriter {
    /// How an entry's bytes are stored.
    package enum Method: Equatable {
        case stored
        /// Deflated at zlib `level` (1 fastest … 9 smallest, -1 zlib's default, 6).
        case deflated(level: Int32)

        /// What ZIPFoundation does with `.deflate`.
        package static let zlibDefault = Method.deflated(level: -1)
    }

    private var out: [UInt8] = []
    private var directory: [UInt8] = []
    private var entries = 0

    package init(capacity: Int = 64 * 1024) { out.reserveCapacity(capacity) }

    /// The DOS date of 1980-01-01 (the first a ZIP can hold) and time 00:00: every entry's, so
    /// the same parts give the same bytes.
    package static let dosDate: UInt16 = 0x21
    package static let dosTime: UInt16 = 0
    /// The same moment as ZIPFoundation takes it.
    package static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// An entry's bytes as the ZIP holds them, with their CRC-32 and size before compression: a
    /// part every document shares is compressed once.
    package struct Entry {
        package var method: Method
        package var crc: UInt32
        package var size: Int
        package var data: [UInt8]

        package init(_ bytes: UnsafeBufferPointer<UInt8>, method: Method) throws(ZipError) {
            guard bytes.count < Int(UInt32.max) - 1024 else { throw .tooLarge }
            self.method = method
            crc = UInt32(cchc_crc32(bytes.baseAddress, UInt(bytes.count)))
            size = bytes.count
            switch method {
            case .stored:
                data = Array(bytes)
            case .deflated(let level):
                let bound = Int(cchc_deflate_bound(UInt(bytes.count)))
                var written = -1
                data = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
                    written = cchc_deflate_raw(bytes.baseAddress, UInt(bytes.count), buffer.baseAddress, UInt(bound), level)
                    count = max(0, written)
                }
                guard written >= 0 else { throw .deflate }
            }
        }

        package init(_ bytes: [UInt8], method: Method) throws(ZipError) {
            self = try bytes.withUnsafeBufferPointer { (buffer) throws(ZipError) in try Entry(buffer, method: method) }
        }
    }

    /// Appends `entry` as the file `path`.
    package mutating func add(_ path: String, _ entry: Entry) throws(ZipError) {
        let name = Array(path.utf8)
        let offset = out.count
        guard offset + entry.data.count < Int(UInt32.max) - 1024 else { throw .tooLarge }
        // The local header: version needed 2.0, UTF-8 names, method, date, CRC-32, sizes, name
        // length, no extra field.
        Self.append(UInt32(0x0403_4B50), to: &out)
        Self.append(UInt16(20), to: &out)
        Self.append(UInt16(0x0800), to: &out)
        Self.append(UInt16(entry.method == .stored ? 0 : 8), to: &out)
        Self.append(Self.dosTime, to: &out)
        Self.append(Self.dosDate, to: &out)
        Self.append(entry.crc, to: &out)
        Self.append(UInt32(entry.data.count), to: &out)
        Self.append(UInt32(entry.size), to: &out)
        Self.append(UInt16(name.count), to: &out)
        Self.append(UInt16(0), to: &out)
        // Its entry in the central directory: the same fields, then where the header is.
        Self.append(UInt32(0x0201_4B50), to: &directory)
        Self.append(UInt16(789), to: &directory)  // version made by: Unix, ZIP 2.1
        directory += out[(offset + 4)...]
        Self.append(UInt16(0), to: &directory)  // comment length
        Self.append(UInt16(0), to: &directory)  // disk number
        Self.append(UInt16(0), to: &directory)  // internal attributes
        Self.append(UInt32(0o100644) << 16, to: &directory)  // a regular file, rw-r--r--
        Self.append(UInt32(offset), to: &directory)
        directory += name
        out += name
        out += entry.data
        entries += 1
    }

    /// The whole file: the entries, the central directory and its end record.
    package consuming func finish() -> [UInt8] {
        let start = out.count
        out += directory
        Self.append(UInt32(0x0605_4B50), to: &out)
        Self.append(UInt16(0), to: &out)  // this disk
        Self.append(UInt16(0), to: &out)  // the directory's disk
        Self.append(UInt16(entries), to: &out)
        Self.append(UInt16(entries), to: &out)
        Self.append(UInt32(directory.count), to: &out)
        Self.append(UInt32(start), to: &out)
        Self.append(UInt16(0), to: &out)  // comment length
        return out
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    /// The same entries written by ZIPFoundation, the reference this writer is held to, under
    /// `GMTimeLock`: ZIPFoundation dates each entry with `gmtime`, whose buffer another writer
    /// could overwrite in between (ThreadSanitizer's timing once made a test see a wrong date).
    package static func reference(_ entries: [(path: String, bytes: [UInt8], method: Method)]) throws -> [UInt8] {
        try GMTimeLock.withLock { try unlockedReference(entries) }
    }

    private static func unlockedReference(_ entries: [(path: String, bytes: [UInt8], method: Method)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let data = Data(entry.bytes)
            try archive.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: entryDate, permissions: 0o644,
                compressionMethod: entry.method == .stored ? .none : .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw ZipError.deflate }
        return [UInt8](data)
    }
}

/// What can stop a ZIP being written.
package enum ZipError: Error, CustomStringConvertible {
    case tooLarge
    case deflate

    package var description: String {
        switch self {
        case .tooLarge: "it would be larger than a ZIP without ZIP64 holds (4 GB)"
        case .deflate: "zlib could not deflate it"
        }
    }
}
