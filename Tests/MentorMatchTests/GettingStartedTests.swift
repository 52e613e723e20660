import Foundation
import MentorMatch
import Testing

// The code of the getting-started article (Sources/MentorMatch/MentorMatch.docc/GettingStarted.md), compiled
// here; a test below keeps the two texts identical.
// BEGIN getting-started
/// Matches a programme's files and prints the pairs and the reasons; returns how many young people were served.
func matchProgramme(mentors: String, mentees: String, places: String, policy: String?) throws -> Int {
    let matcher = MentorMatcher()
    do {
        let loaded = try matcher.load(InputFiles(mentors: mentors, mentees: mentees, places: places, policy: policy))
        let result = try matcher.solve(matcher.prepare(loaded))
        for pair in result.pairs {
            print(pair.mentorID, pair.menteeID, pair.score.total)
        }
        for person in result.unmatched {
            print(person.menteeID, person.reason)
        }
        return result.pairs.count
    } catch .invalidInput(let error) {
        // Every problem of every file at once, each with its file, line, field and a fix.
        for issue in error.issues {
            print(issue)
        }
        throw MentorMatchError.invalidInput(error)
    }
}
// END getting-started

@Suite("getting-started article")
struct GettingStartedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("the article's code matches Ogre 2024: 30 of 35 served")
    func runs() throws {
        let folder = Self.root.appendingPathComponent("Scenarios/ogre-2024")
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        #expect(try matchProgramme(mentors: path("mentors.csv"), mentees: path("mentees.csv"), places: path("places.csv"),
                                   policy: path("policy.yaml")) == 30)
    }

    @Test("the article shows exactly the code compiled here")
    func articleMatchesTest() throws {
        let test = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let article = try String(
            contentsOf: Self.root.appendingPathComponent("Sources/MentorMatch/MentorMatch.docc/GettingStarted.md"),
            encoding: .utf8)
        let compiled = try #require(test.components(separatedBy: "// BEGIN getting-started\n").dropFirst().first?
            .components(separatedBy: "// END getting-started").first)
        let shown = try #require(article.components(separatedBy: "```swift\nimport MentorMatch\n\n").dropFirst().first?
            .components(separatedBy: "```").first)
        #expect(shown == compiled)
    }
}
