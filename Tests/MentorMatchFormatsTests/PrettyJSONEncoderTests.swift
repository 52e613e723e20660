import Foundation
import GLPKBackend
import LEMONBackend
import Matching
@testable import MentorMatchFormats
import MentorMatchCore
import MentorMatchTestSupport
import Testing

/// ``PrettyJSONEncoder`` must write the very bytes of Foundation's `JSONEncoder` in the project's style.
struct PrettyJSONEncoderTests {
    private func foundationBytes(_ value: some Encodable) throws -> Data {
        try JSONOutput.encoder().encode(value) + Data("\n".utf8)
    }

    private func expectSameBytes(_ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try foundationBytes(value)
        let written = try PrettyJSONEncoder.encode(value, lineEnd: true)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
                sourceLocation: sourceLocation)
        #expect(written == expected, sourceLocation: sourceLocation)
    }

    @Test func randomDocumentsGiveFoundationsBytes() throws {
        for seed in UInt64(1)...300 {
            var random = SplitMix64(seed: seed)
            try expectSameBytes(RandomDocument(&random, depth: 0))
        }
    }

    @Test func numbersGiveFoundationsText() throws {
        var random = SplitMix64(seed: 7)
        var doubles: [Double] = [0, -0.0, 1, -1, 0.1, 1e-7, 1e-5, 123_456.789, 1e15, 1e16, 1e17, 2.5e300, .leastNonzeroMagnitude,
                                 .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude, 1.0 / 3.0]
        doubles += (0..<2_000).map { _ in Double(bitPattern: random.next()) }.filter(\.isFinite)
        doubles += (0..<2_000).map { _ in random.double(in: -1_000...1_000) }
        doubles += (0..<500).map { _ in Double(random.int(in: -1_000_000...1_000_000)) / 100 }
        try expectSameBytes(doubles)
        let floats: [Float] = [0, 1, 0.1, 3.4e38, .leastNonzeroMagnitude] + (0..<500).map { _ in Float(random.double(in: -10...10)) }
        try expectSameBytes(floats)
        try expectSameBytes([Int.min, Int.max, 0, -1])
        try expectSameBytes([UInt64.max, 0])
        try expectSameBytes(Int8.min)
        try expectSameBytes(3.0)
    }

    @Test func stringsGiveFoundationsEscapes() throws {
        let strings = ["", "plain", "quote \" and \\ backslash", "a/b", "line\nbreak\ttab\r", "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
                       "Līvāni, Ķegums, Ērgļi", "emoji 🧑‍🏫", "\u{2028}\u{2029}", (0..<32).map { String(UnicodeScalar($0)!) }.joined()]
        try expectSameBytes(strings)
        try expectSameBytes(Dictionary(uniqueKeysWithValues: strings.enumerated().map { ($1, $0) }))
    }

    @Test func emptyContainersAndNullsGiveFoundationsLayout() throws {
        try expectSameBytes([[Int]]())
        try expectSameBytes([[Int]()])
        try expectSameBytes([String: Int]())
        try expectSameBytes(["a": [String: Int](), "b": [:]])
        try expectSameBytes([Int?.none, 1, nil])
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder.encode(Empty()) }
        try expectSameBytes([Empty(), Empty()])
        try expectSameBytes(["empty": Empty()])
    }

    @Test func foundationsSpecialTypesGiveItsBytes() throws {
        let special = Special(
            date: Date(timeIntervalSinceReferenceDate: 123_456.5), data: Data([0, 1, 2, 250, 255]),
            url: URL(string: "https://example.org/a b?q=1")!, decimal: Decimal(string: "12.3400")!
        )
        try expectSameBytes(special)
        try expectSameBytes([special, special])
    }

    @Test func handWrittenContainersGiveFoundationsBytes() throws {
        try expectSameBytes(Nested(inner: [1, 2], name: "x"))
        try expectSameBytes([Nested(inner: [], name: "y"), Nested(inner: [3], name: "z")])
        try expectSameBytes(Child(parent: 4, own: "c"))
        try expectSameBytes(Repeated())
    }

    /// A type that writes to a nested container after its parent went on is left to Foundation.
    @Test func interleavedNestedContainersFallBackToFoundation() throws {
        #expect(throws: PrettyJSONEncoder.Misuse.self) { try PrettyJSONEncoder.encode(Interleaved()) }
        #expect(try JSONOutput.data(Interleaved(), output: "test") == foundationBytes(Interleaved()))
        #expect(try JSONOutput.data([Interleaved()], output: "test") == foundationBytes([Interleaved()]))
    }

    /// Arrays of at least ``PrettyJSONWriter/concurrentElements`` elements, the whole document or a member of the
    /// top-level object (a result's pairs, alternatives, unmatched), are written in chunks on all cores: still
    /// Foundation's bytes, deeper arrays and shorter ones included.
    @Test func longArraysWrittenInChunksGiveFoundationsBytes() throws {
        var random = SplitMix64(seed: 11)
        let documents = (0..<(PrettyJSONWriter.concurrentElements + 1_234)).map { _ in RandomDocument(&random, depth: 2) }
        try expectSameBytes(documents)
        try expectSameBytes(["list": documents, "short": Array(documents.prefix(3)), "empty": []])
        try expectSameBytes(["outer": ["inner": documents]])
        try expectSameBytes((0..<10_000).map { "Y\($0)" })
    }

    /// Every type in a matching result encodes its members in key order, so `result.json` is written straight
    /// through: no object's bytes are copied again to sort its members (the whole national document, once).
    @Test func matchingResultsEncodeInKeyOrder() throws {
        let engine = MatchingEngine(solver: GLPKSolver(), flowSolver: LEMONNetworkSimplex())
        var kinds = Set<UnmatchedKind>()
        for seed in UInt64(1)...12 {
            let instance = seed % 2 == 0 ? RandomInstance.medium(seed: seed) : RandomInstance.nextMonth(seed: seed)
            // An instance whose side constraints no assignment meets has no result to write.
            guard let result = try? engine.match(instance.input, policy: instance.policy) else { continue }
            kinds.formUnion(result.unmatched.map(\.kind))
            let writer = PrettyJSONWriter()
            try writer.encodeValue(result, depth: 0)
            #expect(writer.reorderedObjects == 0, "seed \(seed)")
            #expect(writer.buffer.takeData() == (try JSONOutput.encoder().encode(result)), "seed \(seed)")
        }
        #expect(kinds.count >= 2, "the instances leave young people unmatched for different reasons: \(kinds)")
    }

    /// A failing element of a long array is reported as when the array is written one element after another:
    /// Foundation's error, with the element's whole coding path.
    @Test func aFailingElementOfALongArrayIsReportedWithItsPath() throws {
        var numbers = Array(repeating: 1.5, count: 3 * PrettyJSONWriter.concurrentElements)
        numbers[7_777] = .nan
        for document in [["list": numbers], ["list": Array(numbers.prefix(7_778))]] {
            do {
                _ = try PrettyJSONEncoder.encode(document)
                Issue.record("a NaN was encoded")
            } catch let EncodingError.invalidValue(_, context) {
                #expect(context.codingPath.map(\.stringValue) == ["list", "Index 7777"])
            }
        }
    }

    /// Streamed (as `result.json` is written), a document gives the same bytes, its long arrays sent to the sink
    /// chunk by chunk as they are made rather than held whole.
    @Test func streamedDocumentsGiveFoundationsBytesInPieces() throws {
        var random = SplitMix64(seed: 13)
        let documents = (0..<(3 * PrettyJSONWriter.concurrentElements)).map { _ in RandomDocument(&random, depth: 2) }
        let inOrder = InOrder(alpha: 1, list: documents, zeta: "z")
        let sink = RecordingSink()
        try PrettyJSONEncoder.encode(inOrder, lineEnd: true, to: sink)
        #expect(sink.bytes == Array(try foundationBytes(inOrder)))
        let chunks = documents.count / PrettyJSONWriter.chunkElements
        #expect(sink.writes > chunks, "the long array went to the sink in its chunks")
        #expect(sink.largestWrite < sink.bytes.count / chunks * 2)
        for value in [["list": documents], ["short": Array(documents.prefix(9))]] {
            let output = InMemoryOutput()
            try JSONOutput.write(value, output: "x.json", to: output)
            #expect(output.files["x.json"] == (try foundationBytes(value)))
        }
    }

    /// Members that must be put in key order after a long array was sent cannot be: the encoding says so, and
    /// ``JSONOutput`` writes the file again from memory, Foundation's bytes still. So does a type Foundation handles.
    @Test func streamedDocumentsThatNeedReorderingAreWrittenAgain() throws {
        let numbers = (0..<(2 * PrettyJSONWriter.concurrentElements)).map(Double.init)
        let unordered = OutOfOrder(zeta: numbers, alpha: 3)
        let sink = RecordingSink()
        #expect(throws: PrettyJSONEncoder.Restart.self) { try PrettyJSONEncoder.encode(unordered, to: sink) }
        for value in [unordered as any Encodable, [Interleaved()]] {
            let output = InMemoryOutput()
            try JSONOutput.write(value, output: "x.json", to: output)
            #expect(output.files["x.json"] == (try JSONOutput.encoder().encode(value) + Data("\n".utf8)))
        }
    }

    /// A failing element of a long array, streamed: the same error and path as in memory, and a ``FormatError``
    /// from ``JSONOutput``.
    @Test func aFailingElementOfAStreamedArrayIsReportedWithItsPath() throws {
        var numbers = Array(repeating: 1.5, count: 3 * PrettyJSONWriter.concurrentElements)
        numbers[9_999] = .nan
        do {
            try PrettyJSONEncoder.encode(["list": numbers], to: RecordingSink())
            Issue.record("a NaN was encoded")
        } catch let EncodingError.invalidValue(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["list", "Index 9999"])
        }
        #expect(throws: FormatError.self) { try JSONOutput.write(["list": numbers], output: "x.json", to: InMemoryOutput()) }
    }

    @Test func infinityThrowsAsWithFoundation() {
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder.encode([1, Double.infinity]) }
        #expect(throws: FormatError.self) { try JSONOutput.data(["x": Double.nan], output: "test") }
    }
}

private struct Empty: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

private struct Special: Encodable {
    var date: Date
    var data: Data
    var url: URL
    var decimal: Decimal
}

/// Members in declaration order that is not key order, nested containers, and keys that sort by UTF-8 bytes.
private struct Nested: Encodable {
    var inner: [Int]
    var name: String

    enum Keys: String, CodingKey { case zeta, alpha, inner, Beta, ä = "ä", mid }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(name, forKey: .zeta)
        var list = container.nestedUnkeyedContainer(forKey: .inner)
        for value in inner { try list.encode(value) }
        var object = list.nestedContainer(keyedBy: Keys.self)
        try object.encode(true, forKey: .mid)
        try object.encodeNil(forKey: .alpha)
        try container.encode(1.5, forKey: .alpha)
        var deeper = container.nestedContainer(keyedBy: Keys.self, forKey: .ä)
        try deeper.encode("d", forKey: .Beta)
        try container.encode([name], forKey: .Beta)
    }
}

private class Parent: Encodable {
    var parent: Int
    init(parent: Int) { self.parent = parent }
}

private final class Child: Parent {
    var own: String
    init(parent: Int, own: String) {
        self.own = own
        super.init(parent: parent)
    }

    enum Keys: String, CodingKey { case own }

    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(own, forKey: .own)
        try super.encode(to: container.superEncoder())
    }
}

/// What a streamed encoding sent, and in how many writes.
private final class RecordingSink: ByteSink {
    var bytes: [UInt8] = []
    var writes = 0
    var largestWrite = 0

    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes += bytes
        writes += 1
        largestWrite = max(largestWrite, bytes.count)
    }

    func restart() { bytes = [] }
}

/// Members encoded in key order around a long array, as a result's are.
private struct InOrder: Encodable {
    var alpha: Int
    var list: [RandomDocument]
    var zeta: String
}

/// A long array encoded before a member that sorts first.
private struct OutOfOrder: Encodable {
    var zeta: [Double]
    var alpha: Int
}

/// The same key twice, and `container(keyedBy:)` asked for twice: the last value wins, as in Foundation.
private struct Repeated: Encodable {
    enum Keys: String, CodingKey { case b, a }

    func encode(to encoder: any Encoder) throws {
        var first = encoder.container(keyedBy: Keys.self)
        try first.encode(1, forKey: .b)
        try first.encode(2, forKey: .a)
        var second = encoder.container(keyedBy: Keys.self)
        try second.encode(3, forKey: .b)
    }
}

private struct Interleaved: Encodable {
    enum Keys: String, CodingKey { case first, second, third }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var first = container.nestedUnkeyedContainer(forKey: .first)
        try first.encode(1)
        try container.encode("x", forKey: .second)
        try first.encode(2)
    }
}

/// A random tree of the shapes result files hold: objects with optional members, arrays, dictionaries, numbers
/// and strings of every kind.
private struct RandomDocument: Encodable {
    var name: String
    var count: Int
    var ratio: Double
    var flag: Bool
    var note: String?
    var values: [Double]
    var byName: [String: Int]
    var children: [RandomDocument]
    var child: [String: RandomDocument]

    init(_ random: inout SplitMix64, depth: Int) {
        name = Self.text(&random)
        count = random.int(in: -1_000_000...1_000_000)
        ratio = Self.number(&random)
        flag = random.chance(0.5)
        note = random.chance(0.5) ? Self.text(&random) : nil
        values = (0..<random.int(in: 0...4)).map { _ in Self.number(&random) }
        byName = Dictionary((0..<random.int(in: 0...5)).map { _ in (Self.text(&random), random.int(in: 0...99)) }) { $1 }
        children = depth < 3 ? (0..<random.int(in: 0...3)).map { _ in RandomDocument(&random, depth: depth + 1) } : []
        child = depth < 2 && random.chance(0.3) ? [Self.text(&random): RandomDocument(&random, depth: depth + 1)] : [:]
    }

    enum CodingKeys: String, CodingKey {
        case name, count, ratio, flag, note, values, children, child
        case byName = "by_name"
    }

    static func text(_ random: inout SplitMix64) -> String {
        let pieces = ["a", "B", "z", "_", "1", "ā", "Ž", "\"", "\\", "/", "\n", "\u{1}", " ", "é", "🧑", "mentor", "Y0"]
        return (0..<random.int(in: 0...6)).map { _ in random.pick(pieces) }.joined()
    }

    static func number(_ random: inout SplitMix64) -> Double {
        switch random.int(in: 0...3) {
        case 0: Double(random.int(in: -500...500))
        case 1: random.double(in: -1...1) * pow(10, Double(random.int(in: -12...18)))
        case 2: Double(random.int(in: 0...100_000)) / 1_000
        default: random.unit()
        }
    }
}
