@testable import Matching
import Testing

/// Token sets, read in pieces on all cores once there are many lists, hold exactly each list's tokens, at the
/// positions of the sorted vocabulary of all the lists.
@Suite("Token sets")
struct TokenSetsTests {
    @Test("each set holds its list's tokens, below and above the number of lists read in pieces", arguments: [0, 1, 900, 60_001])
    func setsHoldTheTokensOfTheirLists(count: Int) {
        // More than 64 tokens, so that a set spans two words; lists of zero to three tokens, repeats among them.
        let vocabulary = (0..<70).map { "token\($0)" }
        var state = UInt64(count) &+ 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let lists = (0..<count).map { _ in (0..<(next() % 4)).map { _ in vocabulary[next() % vocabulary.count] } }
        let sets = TokenSets(lists)
        let sorted = Array(Set(lists.joined())).sorted()
        let position = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
        for (index, list) in lists.enumerated() {
            #expect(sets.positions(inSet: index) == Set(list).compactMap { position[$0] }.sorted())
            #expect(sets.positions(of: list) == list.compactMap { position[$0] })
        }
        for index in lists.indices.dropFirst() {
            let (earlier, later) = (Set(lists[index - 1]), Set(lists[index]))
            #expect(sets.intersect(index - 1, index) == !earlier.isDisjoint(with: later))
            #expect(sets.isSubset(index - 1, of: index) == earlier.isSubset(of: later))
        }
    }
}
