import CCHCCore
import CCHCInput
import CCHCKit
import Foundation

/// `cchc-bench survey [responses]`: the survey from raw forms against the same survey as one
/// table, side by side in one run (best of 5 each): a synthetic set of 180 units whose survey
/// leaves are given once by survey.csv and once by questions.csv and `responses` forms
/// (default 50.000); reading responses.csv alone, then the whole load of each.
enum SurveyForms {
    static func run(responses count: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-survey-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let (table, forms) = (root.appendingPathComponent("table"), root.appendingPathComponent("forms"))
        try SyntheticDataset.write(units: 180, groups: 2, to: table)
        try SyntheticDataset.write(units: 180, groups: 2, to: forms)
        try writeForms(forms, count: count)
        let read = try WorkbookReading.best {
            var found = DiagnosticEngine()
            guard DatasetLoader.readTable(DatasetFiles.responses, in: forms, diagnostics: &found)?.rows.count == count else {
                throw BenchFailure("responses.csv did not read: \(found.errors.first.map(\.description) ?? "")")
            }
        }
        let load = try [table, forms].map { folder in
            try WorkbookReading.best {
                let loaded = DatasetLoader.load(folder)
                if loaded.diagnostics.hasErrors { throw BenchFailure("\(loaded.diagnostics.errors.first!)") }
            }
        }
        let tally = load[1] - load[0]
        print(
            String(
                format:
                    "%d forms: read responses.csv %.3f s; load with survey.csv %.3f s, with the forms %.3f s; the forms' part %.3f s = %.2f × reading them",
                count, read, load[0], load[1], tally, tally / read))
    }

    /// questions.csv (one question per survey leaf: form A for `dieu-tra`, B for `sipas`) and
    /// `count` forms spread over the units, in place of survey.csv.
    private static func writeForms(_ folder: URL, count: Int) throws {
        let framework = try String(contentsOf: folder.appendingPathComponent("framework.csv"), encoding: .utf8)
        var questions = "id,form,code,text,credits\n"
        var ids: [(id: String, form: String)] = []
        for line in framework.split(separator: "\n").dropFirst() {
            let code = String(line.prefix { $0 != "," })
            let form = line.contains(",dieu-tra") ? "A" : line.contains(",sipas") ? "B" : nil
            guard let form else { continue }
            let id = "q\(ids.count + 1)"
            let credits = form == "A" ? "A:100;B:60;C:20;D:0" : "5:100;4:100;3:0;2:0;1:0"
            questions += "\(id),\(form),\(code),Câu hỏi \(id),\(credits)\n"
            ids.append((id, form))
        }
        let units = try String(contentsOf: folder.appendingPathComponent("units.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        var random = SplitMix(seed: 2025)
        var responses = "respondent,form,group,unit," + ids.map(\.id).joined(separator: ",") + "\n"
        let groups = ["đại biểu HĐND", "lãnh đạo phòng", "người dân"]
        for n in 0..<count {
            let form = n % 4 == 0 ? "A" : "B"
            let answers = ids.map { q -> String in
                guard q.form == form else { return "" }
                let options = form == "A" ? ["A", "B", "C", "D"] : ["5", "4", "3", "2", "1"]
                return options[Int(random.next() % UInt64(options.count))]
            }
            responses += "r\(n),\(form),\(groups[n % 3]),\(units[n % units.count]),\(answers.joined(separator: ","))\n"
        }
        try questions.write(to: folder.appendingPathComponent(DatasetFiles.questions), atomically: true, encoding: .utf8)
        try responses.write(to: folder.appendingPathComponent(DatasetFiles.responses), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(DatasetFiles.survey))
    }
}
