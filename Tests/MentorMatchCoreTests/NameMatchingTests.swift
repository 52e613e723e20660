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

    @Test func suggestsNothingWhenNothingIsClose() {
        #expect(NameMatching.closest(to: "Liepāja", among: ["Ogre", "Suntaži"]) == nil)
    }
}
