import MentorMatchCore
import Testing

@testable import SyntheticPopulation

@Suite("SplitMix64 and date arithmetic")
struct SplitMix64Tests {
    @Test("matches the reference SplitMix64 outputs, so populations agree across machines")
    func referenceOutputs() {
        var zero = SplitMix64(seed: 0)
        #expect(
            [zero.next(), zero.next(), zero.next()]
                == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F]
        )
        var other = SplitMix64(seed: 1_234_567)
        #expect([other.next(), other.next()] == [0x599E_D017_FB08_FC85, 0x2C73_F084_5854_0FA5])
    }

    @Test("bounded draws stay in range and reach both ends")
    func boundedDraws() {
        var random = SplitMix64(seed: 9)
        let draws = (0..<2_000).map { _ in random.int(in: -2...3) }
        #expect(Set(draws) == Set(-2...3))
        let units = (0..<2_000).map { _ in random.unit() }
        #expect(units.allSatisfy { (0..<1).contains($0) })
        #expect(Set(random.sample(5, from: Array(0..<5))) == Set(0..<5))
    }

    @Test("converts day counts back to the same dates")
    func dayCountsRoundTrip() throws {
        let start = try #require(LocalDate(year: 2019, month: 12, day: 25))
        for offset in 0..<800 {
            let date = LocalDate(daysSinceEpoch: start.daysSinceEpoch + offset)
            #expect(date.daysSinceEpoch == start.daysSinceEpoch + offset)
        }
        #expect(LocalDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(LocalDate(daysSinceEpoch: start.daysSinceEpoch + 66).description == "2020-02-29")
    }
}
