import MentorMatchCore
import Testing

struct TokenListTests {
    @Test func listsAreTrimmedLowerCasedSortedAndUnique() {
        #expect(TokenList.normalised([" LV", "ru", "lv", "", "Atkarības\t"]) == ["atkarības", "lv", "ru"])
        #expect(TokenList.normalised(["lv", "ru"]) == ["lv", "ru"])
    }

    @Test(arguments: [" LV; ru,lv ;; Atkarības\t", "Atkarības;LV,RU"])
    func readsAListFromACell(text: String) {
        #expect(TokenList.normalised(list: text) == ["atkarības", "lv", "ru"])
    }

    /// Text beyond plain Latin is split by Characters, and reads as plain text does.
    @Test func readsAListInAnotherScript() {
        #expect(TokenList.normalised(list: "Ру; en, ру") == ["en", "ру"])
    }
}
