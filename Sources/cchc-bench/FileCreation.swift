import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How fast this machine's file system creates the files of a national render (≈10.000 files of
/// ≈29 KB). On ext4 without a journal this is several times slower for some minutes after a
/// large deletion (by the tests, a previous render), which skews any benchmark run then.
enum FileCreation {
    static func run(count: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-files-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = Data(repeating: UInt8(ascii: "x"), count: 29_000)
        let created = try create(count, content, in: root.appendingPathComponent("files"))
        let start = National.now()
        try FileManager.default.removeItem(at: root.appendingPathComponent("files"))
        let deleted = National.now() - start
        print(String(format: "files: %d × 29 KB created in %.2f s, deleted in %.2f s", count, created, deleted))
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
