import Foundation
import Testing

@testable import AgriQAExam

/// Every input shape the issue names, CSV through the geography layer's reader, and errors that
/// name the line and field.
@Suite struct ExamFileReaderTests {
    private func read(_ text: String, name: String = "exam.jsonl") throws(ExamInputError) -> Exam {
        try ExamFileReader.parse(Data(text.utf8), path: name)
    }

    private func problems(_ text: String, name: String = "exam.jsonl") -> [ExamInputError.Problem] {
        do {
            _ = try read(text, name: name)
        } catch {
            if case .invalid(_, let problems, _) = error { return problems }
        }
        return []
    }

    @Test func optionsMapWithAnswerAsInCropBenchmark() throws {
        let exam = try read(
            #"{"id": "5806", "question": "Which nutrient?", "options": {"B": "Potassium", "A": "Nitrogen", "C": "Zinc", "D": "Boron"}, "answer": "C", "level": 2, "lang": "en"}"#)
        let question = try #require(exam.questions.first)
        #expect(question.id == "5806")
        #expect(question.options.map(\.label) == ["A", "B", "C", "D"])
        #expect(question.option(labelled: "C")?.text == "Zinc")
        #expect(question.answerKey == "C")
        #expect(question.difficulty == "2")
        #expect(exam.shape == "options + answer")
    }

    @Test func answerOptionsListWithCorrectAnswerIndex() throws {
        let exam = try read(
            """
            {"question": "Q1?", "answer_options": ["w", "x", "y", "z"], "correct_answer": 0, "subject": "soils"}
            {"question": "Q2?", "answer_options": ["w", "x", "y", "z"], "correct_answer": 3}
            """)
        #expect(exam.questions.map(\.answerKey) == ["A", "D"])
        #expect(exam.questions.map(\.id) == ["1", "2"])
        #expect(exam.questions.first?.category == "soils")
        #expect(exam.notices.contains { $0.contains("0-based") })
        #expect(exam.shape == "answer_options + correct_answer")
    }

    @Test func oneBasedIndicesWhenNoKeyIsZero() throws {
        let exam = try read(
            """
            {"question": "Q1?", "answer_options": ["w", "x", "y", "z"], "correct_answer": 1}
            {"question": "Q2?", "answer_options": ["w", "x", "y", "z"], "correct_answer": 4}
            """)
        #expect(exam.questions.map(\.answerKey) == ["A", "D"])
        #expect(exam.notices.contains { $0.contains("1-based") })
    }

    @Test func choicesWithAnswerKeyInBothARCShapes() throws {
        let exam = try read(
            """
            {"id": "arc-1", "question": "Which gas?", "choices": {"text": ["oxygen", "carbon dioxide", "helium"], "label": ["A", "B", "C"]}, "answerKey": "B"}
            {"id": "arc-2", "question": {"stem": "Which soil?", "choices": [{"text": "sand", "label": "1"}, {"text": "clay", "label": "2"}]}, "answerKey": "2"}
            """)
        #expect(exam.questions[0].options.map(\.text) == ["oxygen", "carbon dioxide", "helium"])
        #expect(exam.questions[0].answerKey == "B")
        #expect(exam.questions[1].question == "Which soil?")
        #expect(exam.questions[1].options.map(\.label) == ["1", "2"])
        #expect(exam.questions[1].answerKey == "2")
    }

    @Test func answerKeysWrittenAsTextOrDecorated() throws {
        let exam = try read(
            """
            {"question": "Q1?", "options": ["nitrogen", "phosphorus"], "answer": "(b)"}
            {"question": "Q2?", "options": ["nitrogen", "phosphorus"], "answer": "Nitrogen"}
            {"question": "Q3?", "options": ["nitrogen", "phosphorus"], "answer": "Option B"}
            """)
        #expect(exam.questions.map(\.answerKey) == ["B", "A", "B"])
    }

    @Test func csvWithOptionColumnsThroughTheCSVReader() throws {
        let exam = try read(
            """
            id,question,A,B,C,D,answer,category,region
            q1,"Which crop fixes nitrogen, with rhizobia?",Maize,Soybean,Wheat,Rice,B,legumes,US-IA
            q2,Best pH for most crops?,4,"6 to 7",9,11,B,soil,
            """, name: "exam.csv")
        #expect(exam.questions.count == 2)
        #expect(exam.questions[0].question == "Which crop fixes nitrogen, with rhizobia?")
        #expect(exam.questions[0].options.map(\.text) == ["Maize", "Soybean", "Wheat", "Rice"])
        #expect(exam.questions[0].region == "US-IA")
        #expect(exam.questions[1].region == nil)
        #expect(exam.questions[1].line == 3)
        #expect(exam.shape == "option columns + answer")
    }

    @Test func tsvWithOptionPrefixedColumnsAndOptionsCell() throws {
        let tsv = try read("question\toption_a\toption_b\tcorrect_answer\nQ?\tyes\tno\tA\n", name: "exam.tsv")
        #expect(tsv.questions.first?.options.map(\.label) == ["A", "B"])
        let cell = try read("question,options,answer\nQ?,\"A) early | B) late | C) never\",C\n", name: "exam.csv")
        #expect(cell.questions.first?.options.map(\.text) == ["early", "late", "never"])
        #expect(cell.questions.first?.answerKey == "C")
    }

    @Test func jsonArrayAndWrappedObject() throws {
        let array = try read(#"[{"question": "Q?", "choices": ["a", "b"], "answer": "A"}]"#, name: "exam.json")
        #expect(array.questions.count == 1)
        let wrapped = try read(#"{"questions": [{"question": "Q?", "choices": ["a", "b"], "answer": 1}]}"#, name: "exam.json")
        #expect(wrapped.questions.first?.answerKey == "A")
    }

    @Test func openEndedQuestionsKeepTheirReference() throws {
        let exam = try read(#"{"id": "o1", "question": "How deep to sample tilled fields?", "reference_answer": "To the tillage depth, 6 to 8 inches."}"#)
        let question = try #require(exam.questions.first)
        #expect(!question.isMultipleChoice)
        #expect(question.referenceAnswer == "To the tillage depth, 6 to 8 inches.")
        #expect(exam.shape == "open-ended (reference_answer)")
    }

    @Test func theSharedCropBenchmarkReadsAsIs() throws {
        let url = ExamTestSupport.sharedData.appendingPathComponent("exams/crop_en.dev.jsonl")
        try #require(FileManager.default.fileExists(atPath: url.path), "../shared/data is absent")
        let exam = try ExamFileReader.read(path: url.path)
        #expect(exam.questions.count == 600)
        #expect(exam.questions.allSatisfy { $0.options.count == 4 && $0.answerKey != nil })
    }

    @Test func missingQuestionNamesTheLine() {
        let found = problems(
            """
            {"question": "Q?", "options": ["a", "b"], "answer": "A"}

            {"title": "no question here", "options": ["a", "b"], "answer": "A"}
            """)
        #expect(found.count == 1)
        #expect(found.first?.location == "line 3")
        #expect(found.first?.description.contains("no question text") == true)
        #expect(found.first?.description.contains("title") == true)
    }

    @Test func badFieldsAreNamed() {
        let options = problems(#"{"question": "Q?", "options": 7, "answer": "A"}"#)
        #expect(options.first?.field == "options")
        #expect(options.first?.description == "line 1, field \"options\": expected a map of labels to texts or a list of texts, found a number")

        let key = problems(#"{"question": "Q?", "choices": ["a", "b", "c"], "answerKey": "E"}"#)
        #expect(key.first?.field == "answerKey")
        #expect(key.first?.message.contains("not one of the options (A, B, C)") == true)

        let noKey = problems(#"{"question": "Q?", "choices": ["a", "b"]}"#)
        #expect(noKey.first?.message.contains("no answer key") == true)

        let neither = problems(#"{"question": "Q?"}"#)
        #expect(neither.first?.message.contains("no options") == true)
        #expect(neither.first?.message.contains("no reference answer") == true)

        let one = problems(#"{"question": "Q?", "options": ["only"], "answer": "A"}"#)
        #expect(one.first?.message.contains("at least two options") == true)
    }

    @Test func malformedJSONLineAndDuplicateIDs() {
        let broken = problems("{\"question\": \"Q?\", \"options\": [\"a\", \"b\"], \"answer\": \"A\"}\n{\"question\": \n")
        #expect(broken.first?.location == "line 2")
        #expect(broken.first?.message == "not valid JSON")

        let duplicate = problems(
            """
            {"id": "x", "question": "Q1?", "options": ["a", "b"], "answer": "A"}
            {"id": "x", "question": "Q2?", "options": ["a", "b"], "answer": "B"}
            """)
        #expect(duplicate.first?.location == "line 2")
        #expect(duplicate.first?.field == "id")
    }

    @Test func errorDescriptionListsProblemsWithThePath() {
        do {
            _ = try read(#"{"question": "Q?", "options": 7, "answer": "A"}"#, name: "bad.jsonl")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("bad.jsonl line 1, field \"options\""))
            #expect(error.description.contains("docs/exams.md"))
        }
    }

    @Test func emptyAndMissingFiles() {
        #expect(throws: ExamInputError.empty(path: "e.jsonl")) { try ExamFileReader.parse(Data("\n\n".utf8), path: "e.jsonl") }
        do {
            _ = try ExamFileReader.read(path: "/nonexistent/exam.jsonl")
            Issue.record("expected an error")
        } catch {
            #expect(error == .unreadable(path: "/nonexistent/exam.jsonl", reason: "no such file"))
        }
    }
}
