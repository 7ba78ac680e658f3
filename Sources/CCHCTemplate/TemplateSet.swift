import CCHCCore
import Foundation

/// Bộ mẫu văn bản: the templates a render uses. The built-in set is part of the binary; a user's
/// folder (`--templates DIR`, else `$CCHC_TEMPLATES`) puts its own files in place of the built-in
/// ones of the same path and inherits the rest, so an officer keeps only the files they changed.
public struct TemplateSet: Sendable {
    /// One template file of the set.
    public struct File: Sendable {
        /// Its path in the set: `html/quyet-dinh.mustache`, `xml/cchc-document.xsd`.
        public var path: String
        /// The user's file, when it is one (read when the set is used; the archive copies it from there).
        public var url: URL?
        /// The built-in bytes, when it is built in.
        package var builtIn: Data?
        /// How messages name it: the user's path as they typed the folder, or `(built-in) html/…`.
        public var label: String

        /// The file's bytes; `nil` when the user's file cannot be read.
        public func data() -> Data? {
            if let builtIn { return builtIn }
            return url.flatMap { FileManager.default.contents(atPath: $0.path) }
        }
    }

    /// The user's folder, if any.
    public let folder: URL?
    /// Every file, in path order.
    public let files: [File]

    /// The templates built into cchc.
    public static let builtIn = TemplateSet(
        folder: nil,
        files: EmbeddedTemplates.files.map { file in
            let bytes = file.text.map { Data($0.utf8) } ?? file.base64.flatMap { Data(base64Encoded: $0) } ?? Data()
            return File(path: file.path, url: nil, builtIn: bytes, label: "(built-in) \(file.path)")
        })

    /// The built-in set with the files of `folder` in place of theirs (every `<format>/*.mustache`,
    /// `xml/cchc-document.xsd`, `docx/reference.docx` and `init/plan.yaml` it holds). A folder that does not exist is an error.
    public static func overlay(_ folder: URL) throws -> TemplateSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError.missingFile(folder.relativePath)
        }
        var byPath = Dictionary(builtIn.files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        // The built-in set's folders: one per format, and init/ (the plan.yaml `cchc init` writes).
        let folders = Set(builtIn.files.compactMap { $0.path.split(separator: "/").first.map(String.init) }).sorted()
        for format in folders {
            let sub = folder.appendingPathComponent(format)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: sub.path)) ?? []
            where !name.hasPrefix(".") && [".mustache", ".xsd", ".yaml", ".docx"].contains(where: name.hasSuffix) {
                let path = "\(format)/\(name)"
                byPath[path] = File(
                    path: path, url: sub.appendingPathComponent(name), builtIn: nil,
                    label: folder.relativePath + "/" + path)
            }
        }
        return TemplateSet(folder: folder, files: byPath.values.sorted { $0.path < $1.path })
    }

    /// The set a command uses: `option` (`--templates DIR`), else `$CCHC_TEMPLATES`, else the built-in set.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> TemplateSet
    {
        if let option { return try overlay(URL(fileURLWithPath: option)) }
        if let variable = environment["CCHC_TEMPLATES"], !variable.isEmpty {
            return try overlay(URL(fileURLWithPath: variable))
        }
        return builtIn
    }

    /// The files of one folder of the set (`wording`, `html`, …), in path order.
    public func files(under folder: String) -> [File] { files.filter { $0.path.hasPrefix(folder + "/") } }

    /// The files of one format's folder (`html/…`).
    public func files(of format: OutputFormat) -> [File] { files(under: format.rawValue) }

    /// The file at `path`, if the set has one.
    public func file(_ path: String) -> File? { files.first { $0.path == path } }

    /// Which files come from the user's folder (the others are built in).
    public var overridden: [String] { files.filter { $0.url != nil }.map(\.path) }
}

extension TemplateSet {
    /// Writes the set's files into `folder`, a folder that does not exist yet or is empty: never
    /// over a file of the user's. The files are written beside it first and the folder appears
    /// whole, in one rename. Returns the paths written.
    @discardableResult
    public func write(to folder: URL) throws -> [String] {
        try NewFolder.create(
            folder,
            refused: RenderError.outputRefused(
                path: folder.relativePath,
                reason:
                    "already exists and is not an empty folder; expected a new folder name (your own templates are never written over)"
            ),
            failed: { RenderError.write(path: folder.relativePath, reason: $0) },
            fill: { staging in
                for file in files {
                    let url = staging.appendingPathComponent(file.path)
                    try FileManager.default.createDirectory(
                        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try (file.data() ?? Data()).write(to: url)
                }
                return files.map(\.path)
            })
    }
}
