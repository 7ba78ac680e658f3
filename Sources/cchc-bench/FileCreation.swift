import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How fast this machine's file system creates the files of a national render (≈10.000 files of
/// ≈29 KB), in a quiet folder and again right after deleting as many: on ext4 without a journal
/// the second is much slower, which skews any benchmark run soon after a large deletion.
enum FileCreation {
    static func run(count: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-files-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = Data(repeating: UInt8(ascii: "x"), count: 29_000)
        let first = try create(count, content, in: root.appendingPathComponent("first"))
        let start = National.now()
        try FileManager.default.removeItem(at: root.appendingPathComponent("first"))
        let deletion = National.now() - start
        let second = try create(count, content, in: root.appendingPathComponent("second"))
        print(
            String(
                format: "files: %d × 29 KB created in %.2f s; deleted in %.2f s; %d more created right after in %.2f s",
                count, first, deletion, count, second))
    }

    private static func create(_ count: Int, _ content: Data, in folder: URL) throws -> Double {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let start = National.now()
        // As a render writes them: open, one write, close.
        for i in 0..<count {
            let fd = open(folder.appendingPathComponent("f\(i).html").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw BenchFailure("cannot create files in \(folder.path)") }
            let written = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard written == content.count else { throw BenchFailure("cannot write files in \(folder.path)") }
        }
        return National.now() - start
    }
}
