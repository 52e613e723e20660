import Foundation
import FoundationXML
import MentorMatch
import Testing

/// The programme map of Ogre 2024, parsed as XML: every place with people is drawn once, its tooltip lists exactly
/// the people there, remote and unmatched marks agree with the input and the result, and the lines carry every pair
/// between two places.
struct ProgrammeMapTests {
    static let folder = GettingStartedTests.root.appendingPathComponent("Scenarios/ogre-2024")

    private func ogre() throws -> (LoadedInput, MatchingResult) {
        func path(_ name: String) -> String { Self.folder.appendingPathComponent(name).path }
        let matcher = MentorMatcher()
        let loaded = try matcher.load(InputFiles(mentors: path("mentors.csv"), mentees: path("mentees.csv"),
                                                 places: path("places.csv"), policy: path("policy.yaml")))
        return (loaded, try matcher.solve(matcher.prepare(loaded)))
    }

    @Test func everyPlaceItsPeopleAndEveryPairAreOnTheMap() throws {
        let (loaded, result) = try ogre()
        let svg = ProgrammeMap.svg(loaded.input, result: result, title: "Ogre 2024")
        let document = try XMLDocument(data: Data(svg.utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "svg")
        // attribute(forName:) of Linux's FoundationXML misses attributes in a default namespace; XPath finds them.
        #expect(try root.nodes(forXPath: "@role").first?.stringValue == "img")

        let groups = try root.nodes(forXPath: "//*[local-name()='g'][contains(concat(' ', @class, ' '), ' place ')]").compactMap { $0 as? XMLElement }
        let input = loaded.input
        let peoplePlaces = Set(input.mentors.map(\.location.place) + input.mentees.map(\.location.place))
        #expect(groups.count == peoplePlaces.count)
        let unmatched = Set(result.unmatched.map(\.menteeID))
        let remote = Set(input.places.filter(\.isRemote).map(\.name))
        for group in groups {
            let tooltip = try #require(group.elements(forName: "title").first?.stringValue)
            let name = try #require(peoplePlaces.first { tooltip.hasPrefix("\($0).") || tooltip.hasPrefix("\($0) (") })
            let classes = Set((try group.nodes(forXPath: "@class").first?.stringValue ?? "").split(separator: " ").map(String.init))
            #expect(classes.contains("remote") == remote.contains(name), "\(name)")
            let mentors = input.mentors.filter { $0.location.place == name }.map(\.id).sorted()
            let served = input.mentees.filter { $0.location.place == name && !unmatched.contains($0.id) }.map(\.id).sorted()
            let notMatched = input.mentees.filter { $0.location.place == name && unmatched.contains($0.id) }.map(\.id).sorted()
            #expect(classes.contains("has-unmatched") == !notMatched.isEmpty, "\(name)")
            func listed(_ ids: [String]) -> String { ids.isEmpty ? "–" : ids.joined(separator: ", ") }
            #expect(tooltip.contains("Mentors: \(listed(mentors))."), "\(tooltip)")
            #expect(tooltip.contains("Young people matched: \(listed(served))."), "\(tooltip)")
            #expect(tooltip.contains("Not matched: \(listed(notMatched))."), "\(tooltip)")
        }

        let mentorPlace = Dictionary(uniqueKeysWithValues: input.mentors.map { ($0.id, $0.location.place) })
        let menteePlace = Dictionary(uniqueKeysWithValues: input.mentees.map { ($0.id, $0.location.place) })
        let between = result.pairs.filter { mentorPlace[$0.mentorID] != menteePlace[$0.menteeID] }.count
        let lines = try root.nodes(forXPath: "//*[local-name()='line']/*[local-name()='title']").compactMap(\.stringValue)
            .filter { $0.contains(" – ") }
        let drawn = lines.compactMap { title in title.split(separator: ":").last.flatMap { Int($0.split(separator: " ").first ?? "") } }
        #expect(drawn.reduce(0, +) == between)
        #expect(between > 0)
        #expect(svg.contains("30 of 35 young people served; not matched: 5"))
    }

    @Test func latvianSaysTheSameFacts() throws {
        let (loaded, result) = try ogre()
        let svg = ProgrammeMap.svg(loaded.input, result: result, title: "Ogre 2024", language: .lv)
        #expect(svg.contains("Mentors atrasts 30 no 35 jauniešiem; bez mentora: 5"))
        #expect(svg.contains("attāls pagasts"))
        #expect(!svg.contains("young people"))
    }

    @Test func anExplicitHomePointIsNotDrawn() throws {
        var (loaded, result) = try ogre()
        loaded.input.mentees[0].location.coordinate = Coordinate(latitude: 56.123456, longitude: 25.654321)
        result = try MentorMatcher().solve(MentorMatcher().prepare(loaded))
        let svg = ProgrammeMap.svg(loaded.input, result: result, title: "Ogre 2024")
        let withoutPoint = ProgrammeMap.svg(try ogre().0.input, result: result, title: "Ogre 2024")
        #expect(svg == withoutPoint)
    }
}
