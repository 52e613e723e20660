import Foundation
import Hummingbird
import HummingbirdTesting
import MentorMatch
import Testing

/// The real server over a loopback socket (HummingbirdTesting's `.live`), and what it logs.
@Suite(.timeLimit(.minutes(5)))
struct LiveServerTests {
    @Test func aFullRunOverLoopbackLogsNoIdAndNoPlace() async throws {
        let input = Inputs.ogre
        let log = try await ServerHarness().run(.live) { client, _, recorder in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            let document = try Inputs.document(input)
            let waited = try await client.execute(uri: "/v1/matchings?wait=30", method: .post, headers: .json(),
                                                  body: ByteBuffer(bytes: document))
            #expect(waited.status == .ok)
            let accepted = try await client.execute(uri: "/v1/matchings", method: .post, headers: .json(),
                                                    body: ByteBuffer(bytes: document))
            let id = try #require(try accepted.json()["id"] as? String)
            _ = try await RouterTests.finished(id, client: client)
            for file in ["pairs.csv", "unmatched.csv", "alternatives.csv", "result"] {
                let response = try await client.execute(uri: "/v1/matchings/\(id)/\(file)", method: .get)
                #expect(response.status == .ok)
            }
            for mentee in input.mentees.prefix(5) {
                let explanation = try await client.execute(uri: "/v1/matchings/\(id)/mentees/\(mentee.id)", method: .get)
                #expect(explanation.status == .ok)
            }
            let invalid = try Inputs.replacing(["mentees", "0", "place"], with: "Nekurienes pagasts", in: document)
            let refused = try await client.execute(uri: "/v1/matchings", method: .post, headers: .json(),
                                                   body: ByteBuffer(bytes: invalid))
            #expect(refused.status == .unprocessableContent)
            _ = try await client.execute(uri: "/v1/matchings/\(id)", method: .delete)
            return recorder.text
        }
        #expect(log.contains("route=/v1/matchings/{id}/mentees/{mentee_id}"), "requests are logged by route template")
        let people = input.mentors.map(\.id) + input.mentees.map(\.id)
        let places = Set(input.places.map(\.name) + ["Nekurienes pagasts"])
        for value in people + places.sorted() {
            #expect(!Self.mentions(log, value), "the log names \(value)")
        }
    }

    /// Whether `value` appears in `log` as a whole token (an id such as M1 inside M10 does not count).
    static func mentions(_ log: String, _ value: String) -> Bool {
        var searchRange = log.startIndex..<log.endIndex
        while let found = log.range(of: value, range: searchRange) {
            let before = found.lowerBound == log.startIndex ? nil : log[log.index(before: found.lowerBound)]
            let after = found.upperBound == log.endIndex ? nil : log[found.upperBound]
            let isBoundary = { (character: Character?) in character.map { !$0.isLetter && !$0.isNumber } ?? true }
            if isBoundary(before) && isBoundary(after) { return true }
            searchRange = found.upperBound..<log.endIndex
        }
        return false
    }
}
