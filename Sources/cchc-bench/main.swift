import CCHCCore
import CCHCInput
import CCHCKit
import CCHCTemplate
import Foundation

// Benchmarks of CCHC's own code, run in release:
//   swift run -c release cchc-bench national [--runs N] [sizes…]   (default 100 1000 3321 10000, fastest of
//     3 runs each; writes Benchmarks/national.md)
//   swift run -c release cchc-bench template-row [rows]
//   swift run -c release cchc-bench files [count]   (the file system alone: create the files, delete them)
//   swift run -c release cchc-bench xml OUTPUT-FOLDER   (libxml2 alone: validate a render's XML on one thread)
//   swift run -c release cchc-bench xlsx [units]   (scores.xlsx against scores.csv, read and loaded; default 3321)
//   swift run -c release cchc-bench docx [units]   (DOCX against validated XML, CPU; default 3321)
//   swift run -c release cchc-bench pdf [DATASET]   (a whole render to PDF; default Inputs/an-giang-2022)
//   swift run -c release cchc-bench archive [units] [--runs N]   (render, archive, verify, verify --rerender: ratios)
//   swift run -c release cchc-bench survey [responses]   (the survey from raw forms against survey.csv; default 50000)
//   swift run -c release cchc-bench collect [units]   (collect of every unit's and 8 agencies' workbooks against reading scores.csv; default 180)
// template-row: the measurement of the template engine — a table row of 6 escaped fields (≈260 bytes of
// HTML) rendered by CCHC's compiled Mustache templates; prints µs per row (best of 5 runs).

func templateRow(rows: Int) throws {
    let source = """
        {{#rows}}<tr class="row"><td class="code">{{code}}</td><td class="name">{{name}}</td><td class="num">{{max}}</td>\
        <td class="num">{{score}}</td><td class="num">{{appraised}}</td><td class="note">{{note}}</td></tr>
        {{/rows}}
        """
    let template = try Template(name: "row", source: source, escaping: .html)
    let data: TemplateValue = .obj([
        "rows": .list(
            (0..<rows).map { i in
                .obj([
                    "code": .text("\(i % 8 + 1).\(i % 7 + 1).\(i % 3 + 1)"),
                    "name": "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn & trước hạn",
                    "max": "1,5", "score": .text(i % 2 == 0 ? "1,25" : "1,5"), "appraised": "1",
                    "note": "Kế hoạch số 12/KH-STP; Báo cáo <quý IV>",
                ])
            })
    ])
    var best = Double.infinity
    var bytes = 0
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        var out: [UInt8] = []
        out.reserveCapacity(rows * 300)
        try template.render(data, partials: nil, into: &out)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
        best = min(best, elapsed)
        bytes = out.count
    }
    print(
        String(
            format: "template-row: %d rows, %.0f bytes/row, %.2f µs/row (best of 5)", rows, Double(bytes) / Double(rows),
            best / Double(rows)))
}

/// The number after `--runs` (3 without it), taken out of `rest`.
func takeRuns(_ rest: inout [String]) -> Int {
    guard let flag = rest.firstIndex(of: "--runs"), flag + 1 < rest.count, let n = Int(rest[flag + 1]) else { return 3 }
    rest.removeSubrange(flag...(flag + 1))
    return n
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "national":
    var rest = Array(arguments.dropFirst())
    let runs = takeRuns(&rest)
    let sizes = rest.compactMap { Int($0) }
    try FileManager.default.createDirectory(atPath: "Benchmarks", withIntermediateDirectories: true)
    try National.runAll(
        sizes: sizes.isEmpty ? [100, 1000, 3321, 10000] : sizes, runs: runs, templates: URL(fileURLWithPath: "Templates"),
        output: URL(fileURLWithPath: "Benchmarks/national.md"))
case "national-one":
    let rest = Array(arguments.dropFirst())
    // Run alone, it cleans up after itself; run by `national`, the parent does once all sizes ran.
    let own = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-\(getpid())")
    defer { if rest.count <= 2 { try? FileManager.default.removeItem(at: own) } }
    try National.runOne(
        units: rest.first.flatMap { Int($0) } ?? 100, templates: URL(fileURLWithPath: rest.count > 1 ? rest[1] : "Templates"),
        work: rest.count > 2 ? URL(fileURLWithPath: rest[2]) : own)
case "files":
    try FileCreation.run(count: arguments.dropFirst().first.flatMap(Int.init) ?? 10_000)
case "xml":
    guard let folder = arguments.dropFirst().first else { throw BenchFailure("usage: cchc-bench xml OUTPUT-FOLDER") }
    try XMLFloor.run(output: URL(fileURLWithPath: folder), templates: URL(fileURLWithPath: "Templates"))
case "xlsx":
    try WorkbookReading.run(units: arguments.dropFirst().first.flatMap(Int.init) ?? 3321)
case "read":
    // One table read once, for counting instructions: valgrind --tool=callgrind cchc-bench read DATASET scores.csv
    let rest = Array(arguments.dropFirst())
    guard rest.count == 2 else { throw BenchFailure("usage: cchc-bench read DATASET TABLE.csv") }
    var found = DiagnosticEngine()
    let rows = DatasetLoader.readTable(rest[1], in: URL(fileURLWithPath: rest[0]), diagnostics: &found)?.rows.count ?? 0
    print("\(rows) rows, \(found.diagnostics.count) problems")
case "docx":
    try WordAndPDF.docx(units: arguments.dropFirst().first.flatMap(Int.init) ?? 3321)
case "pdf":
    try WordAndPDF.pdf(dataset: URL(fileURLWithPath: arguments.dropFirst().first ?? "Inputs/an-giang-2022"))
case "archive":
    var rest = Array(arguments.dropFirst())
    let runs = takeRuns(&rest)
    try ArchiveRatios.run(units: rest.first.flatMap(Int.init) ?? 3321, runs: runs)
case "survey":
    try SurveyForms.run(responses: arguments.dropFirst().first.flatMap(Int.init) ?? 50_000)
case "collect":
    try CollectRatio.run(units: arguments.dropFirst().first.flatMap(Int.init) ?? 180)
case "template-row":
    try templateRow(rows: arguments.dropFirst().first.flatMap(Int.init) ?? 8000)
default:
    print(
        "usage: cchc-bench national [--runs N] [sizes…] | template-row [rows] | files [count] | xml OUTPUT-FOLDER | xlsx [units] | docx [units] | pdf [DATASET] | archive [units] [--runs N] | survey [responses] | collect [units]"
    )
    exit(64)
}
