import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCInput

/// Every refusal of the survey's raw forms, with its exact message at its file, line and cell.
@Suite struct SurveyFormsBadInputTests {
    private func messages(_ f: SurveyFormsFixture) throws -> [String] {
        try f.load().diagnostics.diagnostics.map(\.description)
    }

    @Test func everyBadQuestionIsNamedAtItsCell() throws {
        var f = try SurveyFormsFixture()
        defer { f.remove() }
        f.questions = """
            id,form,code,text,credits
            q1,A,2.1,Hài lòng,A:100;B:60;C:20;D:0
            q1,A,2.1,Lặp,A:100
            q2,A,1.1,Không phải điều tra,A:100
            q3,,2.1,Không có mẫu phiếu,A:100
            q4,A,2.1,Sai điểm,A:120;B:0
            q5,A,2.1,Sai cú pháp,A-100
            q6,A,2.1,Lặp đáp án,A:100;A:0

            """
        f.responses = "respondent,form,group,unit,q1\nr1,A,người dân,snv,A\nr2,A,người dân,stp,B\n"
        let found = try messages(f)
        let expected = [
            "questions.csv:3: error: column 'id': question id 'q1' is used twice (first on line 2); expected each id once",
            "questions.csv:4: error: column 'code': '1.1' is not a survey criterion (dieu-tra or sipas) of the framework; did you mean 2.1? expected the code of a survey leaf, e.g. 8.1.1",
            "questions.csv:5: error: column 'form': question q3 has no form; expected the form it is on, e.g. A",
            "questions.csv:6: error: column 'credits': 'A:120': 120 is above 100 in the credits of question q4; expected a percentage 0–100",
            "questions.csv:7: error: column 'credits': 'A-100' in the credits of question q5; expected answer:percentage pairs separated by ';', e.g. 5:100;4:100;3:0;2:0;1:0 or A:100;B:60;C:20;D:0",
            "questions.csv:8: error: column 'credits': answer 'A' is listed twice in the credits of question q6; expected each answer once",
        ]
        for message in expected { #expect(found.contains(message), "\(message)\n\(found.joined(separator: "\n"))") }
    }

    @Test func everyBadFormIsNamedAtItsCell() throws {
        var f = try SurveyFormsFixture()
        defer { f.remove() }
        f.questions += "q2,B,2.1,Mẫu B,5:100;4:100;3:0;2:0;1:0\n"
        f.responses = """
            respondent,form,group,unit,q1,q2,q9
            r1,A,người dân,snv,A,,
            r1,A,người dân,snv,B,,
            r2,A,người dân,stq,A,,
            r3,C,người dân,snv,A,,
            r4,A,người dân,snv,E,,
            r5,A,người dân,snv,A,5,
            r6,B,,stp,,6,

            """
        let found = try messages(f)
        let expected = [
            "survey.csv: error: unit stp, code 2.1 (dieu-tra): no survey result; expected a row with score or ratio, or valid answers to its questions in responses.csv",
            "responses.csv:1: error: column 'q9': column 'q9' is not a question of questions.csv; expected respondent, form, group, unit and question ids",
            "responses.csv:3: error: column 'respondent': respondent 'r1' returned two forms (first on line 2); expected one row per returned form",
            "responses.csv:4: error: column 'unit': 'stq' is not in units.csv; did you mean stp? expected the id of the unit the form rates",
            "responses.csv:5: error: column 'form': form 'C' is not a form of questions.csv; expected one of: A, B",
            "responses.csv:6: error: column 'q1': 'E' is not an answer of question q1; expected one of A, B, C, D (or blank: no answer)",
            "responses.csv:7: error: column 'q2': question q2 is on form B, this form is A; expected it blank",
            "responses.csv:8: error: column 'group': respondent r6 has no group; expected the respondent group, e.g. người dân",
            "responses.csv:8: error: column 'q2': '6' is not an answer of question q2; expected one of 5, 4, 3, 2, 1 (or blank: no answer)",
        ]
        for message in expected { #expect(found.contains(message), "\(message)\n\(found.joined(separator: "\n"))") }
    }

    @Test func aLeafGivenTwiceFewFormsAndBadWeightsAreSaid() throws {
        var f = try SurveyFormsFixture()
        defer { f.remove() }
        f.units = "id,name,group,population\nsnv,Sở Nội vụ,Sở,120\nstp,Sở Tư pháp,Sở,\n"
        f.survey = "unit,code,score\nstp,2.1,1.5\n"
        f.responses = "respondent,form,group,unit,q1\nr1,A,người dân,snv,A\nr2,A,người dân,stp,B\n"
        f.plan += "survey:\n  groups: []\n  minimum: 30\n"
        var found = try messages(f)
        for message in [
            "survey.csv:2: error: unit stp, code 2.1 is given both here and by the answers in responses.csv; expected one of them (remove this row, or the questions of 2.1)",
            "responses.csv:2: warning: unit snv: 1 form returned; expected at least 30 (survey.minimum in plan.yaml) before its survey points are trusted",
            "responses.csv:2: warning: unit snv: 1 form returned; a population of 120 (units.csv) needs at least 93 (⌈N ÷ (1 + N·0,05²)⌉)",
        ] {
            #expect(found.contains(message), "\(message)\n\(found.joined(separator: "\n"))")
        }
        f.plan = f.plan.replacingOccurrences(of: "  minimum: 30\n", with: "  weights:\n    người dân: 0.9\n")
        found = try messages(f)
        let weights =
            "plan.yaml:9:3: error: 'survey.weights': the weights sum to 0,9; expected them to sum to 1 (e.g. 0,3 and 0,7)"
        #expect(found.contains(weights), "\(found.joined(separator: "\n"))")
        #expect(!found.contains { $0.contains("no survey result") }, "the plan's error says everything")
        f.plan = f.plan.replacingOccurrences(of: "  weights:\n    người dân: 0.9\n", with: "  pooling: by-group\n")
        found = try messages(f)
        #expect(
            found.contains { $0.hasSuffix("error: 'survey.pooling': found 'by-group'; expected pooled or mean-of-groups") },
            "\(found.joined(separator: "\n"))")
    }

    @Test func yamanesSampleIsTheRoundedUpQuotient() {
        // ⌈N ÷ (1 + N·0,05²)⌉: 120 → 92,3 → 93; 400 → 200; 12.000 → 387,1 → 388.
        #expect(SurveyFormsStep.sampleSize(120) == 93)
        #expect(SurveyFormsStep.sampleSize(400) == 200)
        #expect(SurveyFormsStep.sampleSize(12_000) == 388)
        #expect(SurveyFormsStep.sampleSize(1) == 1)
    }
}
