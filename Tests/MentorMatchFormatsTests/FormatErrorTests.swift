import Foundation
import MentorMatchFormats
import Testing

/// A value that cannot be encoded is a typed error naming the output, never a crash or a `{}` written in its place.
@Suite("JSON output errors")
struct FormatErrorTests {
    struct Figures: Encodable { var share: Double }

    @Test("a non-finite number: FormatError naming the file", arguments: ["result.json", "plan.json"])
    func nonFinite(_ output: String) {
        #expect(throws: FormatError.self) { try ResultFiles.json(Figures(share: .nan), output: output) }
        #expect(throws: FormatError.self) { try PlanFiles.json(Figures(share: .infinity), output: output) }
        do {
            _ = try PlanFiles.json(Figures(share: .nan), output: output)
        } catch {
            #expect(error.output == output)
            #expect(error.description.hasPrefix("cannot encode \(output): "))
        }
    }

    @Test("finite values encode with a final newline")
    func finite() throws {
        #expect(String(decoding: try ResultFiles.json(Figures(share: 0.5)), as: UTF8.self) == "{\n  \"share\" : 0.5\n}\n")
    }
}
