import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import MentorMatch
@testable import MentorMatchServer
import Testing

/// Every route and every error status, in process (HummingbirdTesting's `.router`), with real worker processes.
@Suite(.timeLimit(.minutes(5)))
struct RouterTests {
    @Test func operationsRoutesAnswerFromTheCompiledDocument() async throws {
        try await ServerHarness().run { client, _, _ in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(try health.json()["status"] as? String == "ok")
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .ok)

            let yaml = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(yaml.status == .ok)
            #expect(yaml.text.hasPrefix("openapi: 3.1.0"))
            let json = try await client.execute(uri: "/openapi.json", method: .get)
            let paths = try #require(try json.json()["paths"] as? [String: Any])
            #expect(paths["/v1/matchings/{id}/pairs.csv"] != nil)
            #expect(paths.count == (try APIDocument.load().routes.count))

            let docs = try await client.execute(uri: "/docs", method: .get)
            #expect(docs.headers[.contentType]?.hasPrefix("text/html") == true)
            for operation in ["createMatching", "getMatchingPairsCSV", "getScheduleCalendar", "createRecruitment"] {
                #expect(docs.text.contains("id=\"\(operation)\""), "no section for \(operation)")
            }
            #expect(!docs.text.contains("<script"), "the reference needs no JavaScript")
            #expect(!docs.text.contains("src=\"http"), "nothing is loaded from another origin")

            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.text.contains("mentormatch_jobs{status=\"queued\"}"))
            #expect(metrics.text.contains("mentormatch_queue_depth"))
            #expect(metrics.text.contains(#"http_route="/healthz""#), "requests are counted by route template")
        }
    }

    @Test func validateReportsEveryProblemWithItsPath() async throws {
        try await ServerHarness().run { client, _, _ in
            let document = try Inputs.document()
            let valid = try await client.execute(uri: "/v1/validate", method: .post, headers: .json(),
                                                 body: ByteBuffer(bytes: document))
            #expect(valid.status == .ok)
            #expect(try valid.json()["valid"] as? Bool == true)

            let badCapacity = try Inputs.replacing(["mentors", "0", "capacity"], with: 7, in: document)
            let invalid = try await client.execute(uri: "/v1/validate", method: .post, headers: .json(),
                                                   body: ByteBuffer(bytes: badCapacity))
            let report = try invalid.json()
            #expect(report["valid"] as? Bool == false)
            let issues = try #require(report["issues"] as? [[String: Any]])
            #expect(issues.contains { $0["field"] as? String == "mentors[0].capacity" && $0["record"] as? String == "mentors[0]" })
            #expect(issues.allSatisfy { ($0["fix"] as? String)?.isEmpty == false })

            let wrongType = try Inputs.replacing(["mentees", "2", "age"], with: "nineteen", in: document)
            let typed = try await client.execute(uri: "/v1/validate", method: .post, headers: .json(),
                                                 body: ByteBuffer(bytes: wrongType))
            #expect(typed.status == .unprocessableContent, "a body that is not an input document")
            let typedIssues = try #require(try typed.json()["issues"] as? [[String: Any]])
            #expect(typedIssues.first?["field"] as? String == "mentees[2].age")

            let notJSON = try await client.execute(uri: "/v1/validate", method: .post, headers: .json(),
                                                   body: ByteBuffer(string: "mentors: [}"))
            #expect(notJSON.status == .badRequest)
            #expect(notJSON.headers[.contentType] == "application/problem+json")
            #expect(try notJSON.json()["type"] as? String == "https://mentormatch.lv/problems/malformed-body")
        }
    }

    @Test func aMatchingRunsAndItsFilesAreServedThenErased() async throws {
        try await ServerHarness().run { client, _, _ in
            let accepted = try await client.execute(uri: "/v1/matchings", method: .post, headers: .json(),
                                                    body: ByteBuffer(bytes: try Inputs.document()))
            #expect(accepted.status == .accepted)
            let id = try #require(try accepted.json()["id"] as? String)
            #expect(accepted.headers[.location] == "/v1/matchings/\(id)")

            let job = try await Self.finished(id, client: client)
            #expect(job["status"] as? String == "succeeded")
            #expect((job["outputs"] as? [String])?.contains("pairs.csv") == true)

            let pairs = try await client.execute(uri: "/v1/matchings/\(id)/pairs.csv", method: .get)
            #expect(pairs.status == .ok)
            #expect(pairs.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(pairs.text.hasPrefix("mentor_id,mentee_id"))
            let result = try await client.execute(uri: "/v1/matchings/\(id)/result", method: .get)
            #expect(try result.json()["pairs"] is [Any])
            for file in ["unmatched.csv", "alternatives.csv"] {
                let response = try await client.execute(uri: "/v1/matchings/\(id)/\(file)", method: .get)
                #expect(response.status == .ok, "\(file)")
            }
            let changes = try await client.execute(uri: "/v1/matchings/\(id)/changes.csv", method: .get)
            #expect(changes.status == .notFound, "changes.csv is written only with current pairs")

            let mentee = try #require(Inputs.ogre.mentees.first?.id)
            let explanation = try await client.execute(uri: "/v1/matchings/\(id)/mentees/\(mentee)", method: .get)
            #expect(explanation.status == .ok)
            let unknown = try await client.execute(uri: "/v1/matchings/\(id)/mentees/nobody", method: .get)
            #expect(unknown.status == .notFound)

            let events = try await client.execute(uri: "/v1/matchings/\(id)/events", method: .get)
            #expect(events.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            #expect(events.text.hasPrefix("event: status\ndata: {"))
            #expect(events.text.contains(#""status":"succeeded""#))

            let wrongKind = try await client.execute(uri: "/v1/schedules/\(id)", method: .get)
            #expect(wrongKind.status == .notFound, "a matching is not a schedule")

            let erased = try await client.execute(uri: "/v1/matchings/\(id)", method: .delete)
            #expect(erased.status == .noContent)
            let gone = try await client.execute(uri: "/v1/matchings/\(id)", method: .get)
            #expect(gone.status == .notFound)
            #expect(try gone.json()["status"] as? Int == 404)
        }
    }

    @Test func waitAnswersWithTheResultAndMultipartTakesTheCSVFiles() async throws {
        try await ServerHarness().run { client, _, _ in
            let waited = try await client.execute(uri: "/v1/matchings?wait=30", method: .post, headers: .json(),
                                                  body: ByteBuffer(bytes: try Inputs.document()))
            #expect(waited.status == .ok)
            #expect(try waited.json()["pairs"] is [Any])

            let (boundary, body) = try Multipart.files(["mentors": "mentors.csv", "mentees": "mentees.csv",
                                                        "places": "places.csv", "policy": "policy.yaml"],
                                                       scenario: "ogre-2024")
            let uploaded = try await client.execute(
                uri: "/v1/matchings?wait=30", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: body)
            )
            #expect(uploaded.status == .ok, "\(uploaded.text)")
            #expect(try uploaded.json()["pairs"] is [Any])

            let outOfRange = try await client.execute(uri: "/v1/matchings?wait=31", method: .post, headers: .json(),
                                                      body: ByteBuffer(bytes: try Inputs.document()))
            #expect(outOfRange.status == .badRequest)
        }
    }

    @Test func invalidInputIsRefusedBefore202() async throws {
        try await ServerHarness().run { client, jobs, _ in
            let unknownPlace = try Inputs.replacing(["mentees", "1", "place"], with: "Atlantīda", in: try Inputs.document())
            let refused = try await client.execute(uri: "/v1/matchings", method: .post, headers: .json(),
                                                   body: ByteBuffer(bytes: unknownPlace))
            #expect(refused.status == .unprocessableContent)
            let problem = try refused.json()
            #expect(problem["type"] as? String == "https://mentormatch.lv/problems/invalid-input")
            let issues = try #require(problem["issues"] as? [[String: Any]])
            #expect(issues.contains { ($0["field"] as? String)?.hasPrefix("mentees[1]") == true })

            let wrongType = try Inputs.replacing(["mentors", "0", "capacity"], with: "two", in: try Inputs.document())
            let schema = try await client.execute(uri: "/v1/matchings", method: .post, headers: .json(),
                                                  body: ByteBuffer(bytes: wrongType))
            #expect(schema.status == .unprocessableContent)
            let schemaIssues = try #require(try schema.json()["issues"] as? [[String: Any]])
            #expect(schemaIssues.first?["field"] as? String == "mentors[0].capacity")

            let text = try await client.execute(uri: "/v1/matchings", method: .post,
                                                headers: [.contentType: "text/plain"], body: ByteBuffer(string: "hello"))
            #expect(text.status == .unsupportedMediaType)
            #expect(text.headers[.contentType] == "application/problem+json")
            #expect(await jobs.statistics().jobsByStatus.values.reduce(0, +) == 0, "nothing was accepted")
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        try await ServerHarness(maxBodyBytes: 4096).run { client, _, _ in
            let large = try await client.execute(uri: "/v1/matchings", method: .post, headers: .json(),
                                                 body: ByteBuffer(bytes: try Inputs.document()))
            #expect(large.status == .contentTooLarge)
            #expect((try large.json()["detail"] as? String)?.contains("limit of 4096 bytes") == true)
        }
    }

    @Test func aStreamedBodyFailsAsSoonAsItPassesTheLimit() async throws {
        let chunks = AsyncStream<ByteBuffer> { continuation in
            for _ in 0..<10 { continuation.yield(ByteBuffer(repeating: UInt8(ascii: "x"), count: 1000)) }
            continuation.finish()
        }
        let body = RequestBody(asyncSequence: chunks)
        let limited = LimitedBody(base: body, maxBytes: 3500,
                                  tooLarge: APIProblem(kind: .bodyTooLarge, detail: "over"))
        var received = 0
        await #expect(throws: APIProblem.self) {
            for try await buffer in limited { received += buffer.readableBytes }
        }
        #expect(received == 3000, "the chunk that passes the limit is never handed on")
    }

    @Test func aTokenIsNeededOnEveryV1RouteWhenConfigured() async throws {
        try await ServerHarness(token: "s3cret-token").run { client, _, _ in
            let missing = try await client.execute(uri: "/v1/matchings/abc", method: .get)
            #expect(missing.status == .unauthorized)
            #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let wrong = try await client.execute(uri: "/v1/matchings/abc", method: .get,
                                                 headers: [.authorization: "Bearer s3cret-tokem"])
            #expect(wrong.status == .unauthorized)
            let right = try await client.execute(uri: "/v1/matchings/abc", method: .get,
                                                 headers: [.authorization: "Bearer s3cret-token"])
            #expect(right.status == .notFound)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok, "operations routes stay open for probes")
        }
        #expect(BearerTokenMiddleware<BasicRequestContext>.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!BearerTokenMiddleware<BasicRequestContext>.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!BearerTokenMiddleware<BasicRequestContext>.constantTimeEqual([], Array("a".utf8)))
    }

    @Test func unknownRoutesAre404AndUndeclaredMethods405() async throws {
        try await ServerHarness().run { client, _, _ in
            let route = try await client.execute(uri: "/v2/nothing", method: .get)
            #expect(route.status == .notFound)
            #expect(route.headers[.contentType] == "application/problem+json")
            let method = try await client.execute(uri: "/healthz", method: .put)
            #expect(method.status == .methodNotAllowed)
            #expect(method.headers[.allow] == "GET")
            let job = try await client.execute(uri: "/v1/matchings/some-id", method: .patch)
            #expect(job.headers[.allow] == "DELETE, GET")
        }
    }

    /// A parameter the document does not allow is a 400 that says so (not a 422 about a body the GET does not have),
    /// and a plan's file part named against the document's pattern is refused with the rule, before anything is stored.
    @Test func parametersAndPartNamesOutsideTheDocumentAre400() async throws {
        try await ServerHarness().run { client, jobs, _ in
            let language = try await client.execute(uri: "/v1/matchings/some-id/map.svg?lang=de", method: .get)
            #expect(language.status == .badRequest, "\(language.text)")
            let problem = try language.json()
            #expect(problem["type"] as? String == "https://mentormatch.lv/problems/bad-parameter")
            #expect((problem["detail"] as? String)?.contains("de") == true, "\(problem)")

            for name in [".hidden", "../mentors.csv", String(repeating: "a", count: 101)] {
                let (boundary, body) = JobOutputRouteTests.multipart(["scenario": "name: x\n", name: "id\n"])
                let refused = try await client.execute(
                    uri: "/v1/plans", method: .post,
                    headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: body))
                #expect(refused.status == .badRequest, "\(name): \(refused.text)")
                #expect((try refused.json()["detail"] as? String)?.contains("not starting with '.'") == true)
            }
            #expect(await jobs.statistics().jobsByStatus.values.reduce(0, +) == 0, "nothing was accepted")
        }
    }

    @Test func idempotencyKeysReturnTheSameJobOrConflict() async throws {
        try await ServerHarness().run { client, _, _ in
            var headers = HTTPFields.json()
            headers[try #require(HTTPField.Name("Idempotency-Key"))] = "order-2024-03-01"
            let document = try Inputs.document()
            let first = try await client.execute(uri: "/v1/matchings", method: .post, headers: headers,
                                                 body: ByteBuffer(bytes: document))
            let again = try await client.execute(uri: "/v1/matchings", method: .post, headers: headers,
                                                 body: ByteBuffer(bytes: document))
            #expect(first.status == .accepted)
            #expect(try first.json()["id"] as? String == (try again.json()["id"] as? String))
            let other = try Inputs.replacing(["mentors", "0", "capacity"], with: 1, in: document)
            let conflict = try await client.execute(uri: "/v1/matchings", method: .post, headers: headers,
                                                    body: ByteBuffer(bytes: other))
            #expect(conflict.status == .conflict)
            #expect(try conflict.json()["type"] as? String == "https://mentormatch.lv/problems/idempotency-conflict")
        }
    }

    @Test func anUnfinishedJobIs409ForFilesAndCancelledByDelete() async throws {
        try await ServerHarness(workers: 1).run { client, _, _ in
            let large = try Inputs.large()
            let running = try await client.execute(uri: "/v1/matchings", method: .post, headers: .json(),
                                                   body: ByteBuffer(bytes: large))
            let queued = try await client.execute(uri: "/v1/matchings", method: .post, headers: .json(),
                                                  body: ByteBuffer(bytes: large))
            let id = try #require(try queued.json()["id"] as? String)
            let early = try await client.execute(uri: "/v1/matchings/\(id)/pairs.csv", method: .get)
            #expect(early.status == .conflict)
            #expect(try early.json()["type"] as? String == "https://mentormatch.lv/problems/not-finished")
            let cancelled = try await client.execute(uri: "/v1/matchings/\(id)", method: .delete)
            #expect(cancelled.status == .accepted)
            #expect(try cancelled.json()["status"] as? String == "cancelled")
            let runningID = try #require(try running.json()["id"] as? String)
            let stopped = try await client.execute(uri: "/v1/matchings/\(runningID)", method: .delete)
            #expect(stopped.status == .accepted)
        }
    }

    @Test func aFullQueueIs429WithRetryAfterAndShutdownIs503() async throws {
        try await ServerHarness(workers: 1, queueLimit: 1).run { client, jobs, _ in
            let large = try Inputs.large()
            var statuses: [HTTPResponse.Status] = []
            var retryAfter: String?
            for _ in 0..<4 {
                let response = try await client.execute(uri: "/v1/matchings", method: .post, headers: .json(),
                                                        body: ByteBuffer(bytes: large))
                statuses.append(response.status)
                if response.status == .tooManyRequests { retryAfter = response.headers[.retryAfter] }
            }
            #expect(statuses.contains(.tooManyRequests), "\(statuses)")
            #expect(retryAfter.flatMap(Int.init).map { $0 >= 1 } == true)

            await jobs.shutdown()
            let late = try await client.execute(uri: "/v1/matchings", method: .post, headers: .json(),
                                                body: ByteBuffer(bytes: try Inputs.document()))
            #expect(late.status == .serviceUnavailable)
        }
    }

    @Test func schedulesPlansRecruitmentsAndSuggestionsAreJobsToo() async throws {
        try await ServerHarness().run { client, _, _ in
            let input = try JSONSerialization.jsonObject(with: try Inputs.document())
            let schedule = try JSONSerialization.data(withJSONObject: ["input": input, "start": "2024-03-01", "months": 2])
            let scheduled = try await client.execute(uri: "/v1/schedules?wait=30", method: .post, headers: .json(),
                                                     body: ByteBuffer(bytes: schedule))
            #expect(scheduled.status == .ok, "\(scheduled.text)")

            let mentee = try #require(Inputs.ogre.mentees.first?.id)
            let suggestion = try JSONSerialization.data(withJSONObject: ["input": input, "mentee": mentee])
            let suggested = try await client.execute(uri: "/v1/suggestions?wait=30", method: .post, headers: .json(),
                                                     body: ByteBuffer(bytes: suggestion))
            #expect(suggested.status == .ok, "\(suggested.text)")

            let (boundary, plan) = try Multipart.scenario("ogre-2024")
            let planned = try await client.execute(
                uri: "/v1/plans?wait=30", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: plan)
            )
            #expect(planned.status == .ok || planned.status == .accepted, "\(planned.text)")

            let (recruitBoundary, recruit) = try Multipart.recruitment("ogre-2024")
            let recruited = try await client.execute(
                uri: "/v1/recruitments?wait=30", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(recruitBoundary)"],
                body: ByteBuffer(bytes: recruit)
            )
            #expect(recruited.status == .ok, "\(recruited.text)")
        }
    }

    /// Polls the job until it is final.
    static func finished(_ id: String, client: any TestClientProtocol) async throws -> [String: Any] {
        for _ in 0..<600 {
            let job = try await client.execute(uri: "/v1/matchings/\(id)", method: .get).json()
            if let status = job["status"] as? String, ["succeeded", "failed", "cancelled"].contains(status) { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError(description: "job \(id) did not finish within 30 s")
    }
}
