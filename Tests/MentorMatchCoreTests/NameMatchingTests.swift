import MentorMatchCore
import Testing

struct NameMatchingTests {
    @Test func foldsCaseAndDiacritics() {
        #expect(NameMatching.folded("Ķeipene") == "keipene")
        #expect(NameMatching.folded("SUNTAŽI") == "suntazi")
        #expect(NameMatching.folded("Meņģele") == "mengele")
    }

    @Test(arguments: [
        ("Suntazi", "Suntaži"), ("meņģele", "Meņģele"), ("Taurupes", "Taurupe"), ("Ogree", "Ogre"),
    ])
    func suggestsTheClosePlace(misspelt: String, intended: String) {
        let places = ["Ogre", "Suntaži", "Taurupe", "Meņģele", "Ķeipene", "Laubere", "Mazozoli"]
        #expect(NameMatching.closest(to: misspelt, among: places) == intended)
    }

    @Test func suggestsAmongManyIDs() {
        let ids = (1...2_000).map { "M" + String(100_000 + $0).dropFirst() }
        #expect(NameMatching.closest(to: "M1234", among: ids) == "M01234")
        #expect(NameMatching.closest(to: "Y12", among: ids) == nil)
    }

    /// Names longer than 64 characters take the row-by-row distance rather than the bit-parallel one.
    @Test func comparesLongNames() {
        let long = String(repeating: "Ķeipenes pagasts ", count: 5)
        #expect(NameMatching.closest(to: long + "x", among: ["Ogre", long]) == long)
        #expect(NameMatching.closest(to: String(repeating: "a", count: 70), among: [String(repeating: "b", count: 70)]) == nil)
    }

    @Test func suggestsNothingWhenNothingIsClose() {
        #expect(NameMatching.closest(to: "Liepāja", among: ["Ogre", "Suntaži"]) == nil)
    }
}
