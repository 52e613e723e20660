import Foundation
@testable import MentorMatchServer
import Testing

/// The compiled OpenAPI document, its route table and its HTML rendering.
struct APIDocumentTests {
    @Test func everyDeclaredPathAndMethodIsInTheRouteTable() throws {
        let document = try APIDocument.load()
        #expect(document.declaredMethods(forPath: "/v1/matchings/0f1e/pairs.csv") == ["GET"])
        #expect(document.declaredMethods(forPath: "/v1/matchings/0f1e") == ["DELETE", "GET"])
        #expect(document.declaredMethods(forPath: "/v1/schedules/0f1e/calendars/M001.ics") == ["GET"])
        #expect(document.declaredMethods(forPath: "/v1/matchings/0f1e/nothing") == nil)
        let json = try #require(try JSONSerialization.jsonObject(with: document.json) as? [String: Any])
        #expect(json["openapi"] as? String == "3.1.0")
    }

    @Test func theReferenceEscapesWhatTheDocumentSays() {
        #expect(APIDocsPage.escape(#"<a href="x">&'"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        let page = APIDocsPage.render([
            "info": ["title": "T <1>", "version": "1", "description": "Use `mentormatch serve`."],
            "paths": ["/x": ["get": ["operationId": "getX", "summary": "S", "responses": ["200": ["description": "ok"]]]]],
        ])
        #expect(page.contains("<h1>T &lt;1&gt;"))
        #expect(page.contains("<code>mentormatch serve</code>"))
        #expect(page.contains(#"id="getX""#))
    }

    @Test func decodingErrorsNameTheJSONPath() throws {
        struct Person: Decodable { var age: Int }
        struct Document: Decodable { var mentors: [Person] }
        let data = Data(#"{"mentors": [{"age": 20}, {"age": "x"}]}"#.utf8)
        let error = try #require(throws: DecodingError.self) { try JSONDecoder().decode(Document.self, from: data) }
        let issue = RequestBodyProblem.issue(for: error)
        #expect(issue.field == "mentors[1].age")
        #expect(issue.problem == "the value is not a whole number")
        #expect(RequestBodyProblem.problem(for: error).status == .unprocessableContent)
    }
}

/// The JSON bodies' null check (the API's schemas allow no null).
struct RequestBodyCaptureTests {
    @Test func aNullIsFoundByItsPathOutsideThePolicy() throws {
        let body = try JSONSerialization.jsonObject(with: Data(#"{"mentors": [{"id": "M1"}, {"id": "M2", "lat": null}], "policy": {"x": null}}"#.utf8))
        #expect(RequestBodyCapture.nullPath(in: body) == "mentors[1].lat")
        let policy = try JSONSerialization.jsonObject(with: Data(#"{"policy": {"max_travel_km": null}, "input": {"policy": null}}"#.utf8))
        #expect(RequestBodyCapture.nullPath(in: policy) == "input.policy")
        #expect(RequestBodyCapture.nullPath(in: try JSONSerialization.jsonObject(with: Data(#"{"a": [1, "x"]}"#.utf8))) == nil)
    }
}
