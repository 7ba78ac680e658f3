import Foundation

/// A small dataset with one appraised leaf and one survey leaf (max 2), its survey given by raw
/// forms: the files are written as an officer would, then loaded.
package struct SurveyFormsFixture {
    package let folder: URL
    package var plan = "year: 2025\nissuer:\n  name: Ủy ban nhân dân tỉnh X\n  short: UBND\nplace: X\nprecision: 2\n"
    package var units = "id,name,group\nsnv,Sở Nội vụ,Sở\nstp,Sở Tư pháp,Sở\n"
    package var framework =
        "code,name,max,method\n1,Lĩnh vực 1,,\n1.1,Tiêu chí 1.1,8,tham-dinh\n2,Điều tra,,\n2.1,Hài lòng,2,dieu-tra\n"
    package var scores = "unit,code,self,appraised\nsnv,1.1,8,8\nstp,1.1,7,7\n"
    package var questions = "id,form,code,text,credits\nq1,A,2.1,Mức độ hài lòng,A:100;B:60;C:20;D:0\n"
    package var responses = ""
    package var survey: String?

    package init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-forms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// responses.csv rows: `count` forms of `group` about `unit` answering q1 with `answer`.
    package static func forms(_ unit: String, _ group: String, _ split: [(String, Int)], from first: Int) -> [String] {
        var rows: [String] = []
        var n = first
        for (answer, count) in split {
            for _ in 0..<count {
                rows.append("r\(n),A,\(group),\(unit),\(answer)")
                n += 1
            }
        }
        return rows
    }

    /// Writes the dataset's files into `folder`.
    package func write() throws {
        let files = [
            "plan.yaml": plan, "units.csv": units, "framework.csv": framework, "scores.csv": scores,
            "questions.csv": questions, "responses.csv": responses,
        ]
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        if let survey { try survey.write(to: folder.appendingPathComponent("survey.csv"), atomically: true, encoding: .utf8) }
    }

    package func remove() { try? FileManager.default.removeItem(at: folder) }
}
