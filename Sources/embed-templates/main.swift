import Foundation

/// Build tool: writes the templates folder as Swift source, so the built-in templates are part of
/// the `cchc` binary (a binary copied anywhere renders without a Templates/ folder beside it).
///
/// Usage: `embed-templates TEMPLATES-DIR OUTPUT.swift`. Each text file becomes one raw string
/// literal keyed by its path under the folder (`html/quyet-dinh.mustache`), each other file
/// (`docx/reference.docx`) its bytes in base64, in path order, so the same folder gives the same
/// source byte for byte.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: embed-templates TEMPLATES-DIR OUTPUT.swift\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1], isDirectory: true).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

/// Every regular file under `folder`, as paths relative to it; hidden files left out.
func files(in folder: URL, prefix: String = "") -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    var found: [String] = []
    for name in names where !name.hasPrefix(".") {
        let url = folder.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
        if isDirectory.boolValue { found += files(in: url, prefix: prefix + name + "/") } else { found.append(prefix + name) }
    }
    return found
}

/// `text` as a Swift raw string literal whose delimiter occurs nowhere in it.
func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    var body = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": body += "\\\(hashes)n"
        case "\r": body += "\\\(hashes)r"
        case "\t": body += "\\\(hashes)t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                body += "\\\(hashes)u{\(String(scalar.value, radix: 16))}"
            } else {
                body.unicodeScalars.append(scalar)
            }
        }
    }
    return "\(hashes)\"\(body)\"\(hashes)"
}

var source = """
    // Written by the embed-templates build tool from the Templates folder; do not edit.
    // Edit the files under Templates/ instead: they are embedded again at the next build.

    enum EmbeddedTemplates {
        /// Each built-in template file by its path under Templates/: its text, or for a file that is
        /// not text (a .docx) its bytes in base64.
        static let files: [(path: String, text: String?, base64: String?)] = [

    """
for path in files(in: root).sorted() {
    let data = try Data(contentsOf: root.appendingPathComponent(path))
    if path.hasSuffix(".docx") {
        source += "        (\(literal(path)), nil, \(literal(data.base64EncodedString()))),\n"
        continue
    }
    guard let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(root.path)/\(path): error: not UTF-8 text\n".utf8))
        exit(1)
    }
    source += "        (\(literal(path)), \(literal(text)), nil),\n"
}
source += "    ]\n}\n"
let data = Data(source.utf8)
if (try? Data(contentsOf: output)) != data { try data.write(to: output, options: .atomic) }
