import Foundation
import MentorMatchCore
import Testing

struct InputTextTests {
    @Test func excerptsQuoteAtMost80Characters() {
        #expect(InputText.excerpt("Suntaži") == "Suntaži")
        let long = String(repeating: "š", count: 1_000)
        #expect(InputText.excerpt(long) == String(repeating: "š", count: 80) + "…")
        #expect(InputText.excerpt("a\u{0}b\tc") == "a\u{FFFD}b\u{FFFD}c")
    }

    @Test func textLimits() {
        #expect(InputText.problem("M001") == nil)
        #expect(InputText.problem(String(repeating: "š", count: 200)) == nil)
        #expect(InputText.problem(String(repeating: "š", count: 201))?.contains("longer than 200 characters") == true)
        #expect(InputText.problem("M\u{7}1")?.contains("control character") == true)
    }

    /// The control-character check reads UTF-8 bytes instead of each scalar's general category: it must agree with
    /// the category on every scalar, alone and between other characters.
    @Test func controlCharactersAreCategoryCcExactly() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let isControl = scalar.properties.generalCategory == .control
            let text = "a" + String(Character(scalar)) + "š"
            if (InputText.problem(text)?.contains("control character") == true) != isControl { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "scalars judged otherwise than their category: \(disagreements.prefix(10))")
        #expect(InputText.problem("Cēsis\u{85}") != nil)
        #expect(InputText.problem("Ā\u{80}") != nil)
        #expect(InputText.problem("\u{C2}\u{A0}") == nil)
    }

    /// Issue 14: a 10 MB id of `š` took 271 s in the did-you-mean search; a name far longer than every candidate is
    /// near none of them, decided before its folding.
    @Test func didYouMeanIsLinearInTheNamesLength() {
        let candidates = NameMatching.Candidates(["M001", "M002", "Suntaži"])
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(candidates.closest(to: String(repeating: "š", count: 2_000_000)) == nil)
        }
        #expect(elapsed < .seconds(5))
        #expect(candidates.closest(to: "Suntazi") == "Suntaži")
        #expect(candidates.closest(to: "M0001") == "M001")
    }

    @Test(arguments: [(1e300, "1e+300"), (-2.5e16, "-2.5e+16"), (12.5, "12.50"), (999_999_999.0, "999999999.00")])
    func decimalTextNeverTraps(value: Double, text: String) {
        #expect(DecimalText.fixed(value, decimals: 2) == text)
    }

    @Test func groupedDigits() {
        #expect(InputLimits.grouped(1_000_000_000) == "1,000,000,000")
        #expect(InputLimits.grouped(-1_000) == "-1,000")
        #expect(InputLimits.grouped(Int.min) == "-9,223,372,036,854,775,808")
    }
}
