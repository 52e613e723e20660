import MentorMatchCore

/// Draws of personal attributes shared by the presets, so every population has the same realistic shape.
extension SplitMix64 {
    /// The interests the generated people pick from.
    static let interestVocabulary = ["sport", "music", "art", "games", "nature", "tech", "cooking", "reading"]

    static let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// A mentor's age, 20–60: fewer at the ends of the range, as volunteers and youth workers mostly are.
    mutating func mentorAge(in range: ClosedRange<Int> = 20...60) -> Int {
        let band = pick(weighted: [0: 3, 1: 4, 2: 3] as KeyValuePairs)
        let width = (range.upperBound - range.lowerBound + 1) / 3
        let low = range.lowerBound + band * width
        let high = band == 2 ? range.upperBound : low + width - 1
        return int(in: low...high)
    }

    /// A young person's age, 13–25, most often 15–18 (school pupils referred by schools and social workers).
    mutating func menteeAge(minimum: Int = 13) -> Int {
        let ages: KeyValuePairs<Int, Int> = [
            13: 5, 14: 8, 15: 10, 16: 11, 17: 11, 18: 9, 19: 7, 20: 6, 21: 5, 22: 4, 23: 3, 24: 3, 25: 2,
        ]
        while true {
            let age = pick(weighted: ages)
            if age >= minimum { return age }
        }
    }

    /// Female or male with the given chance of female.
    mutating func binaryGender(femaleChance: Double) -> Gender {
        chance(femaleChance) ? .female : .male
    }

    /// Exactly `female` women and `count - female` men, in random order, so small presets keep their mix.
    mutating func genders(count: Int, female: Int) -> [Gender] {
        shuffled(Array(repeating: .female, count: female) + Array(repeating: .male, count: count - female))
    }

    /// One to three interests.
    mutating func interests() -> [String] {
        sample(int(in: 1...3), from: Self.interestVocabulary)
    }

    /// Urgency 0–5, most often none.
    mutating func priority() -> Int {
        pick(weighted: [0: 40, 1: 15, 2: 15, 3: 15, 4: 10, 5: 5] as KeyValuePairs)
    }

    /// How firmly a young person wishes for a mentor's gender: hard, soft or not at all, with the given chances.
    mutating func preferenceStrength(soft: Double, hard: Double) -> GenderPreference.Strength? {
        let roll = unit()
        return roll < hard ? .hard : roll < hard + soft ? .soft : nil
    }

    /// Exactly `soft` soft and `hard` hard wishes among `count` young people, in random order.
    mutating func preferenceStrengths(count: Int, soft: Int, hard: Int) -> [GenderPreference.Strength?] {
        shuffled(Array(repeating: .soft, count: soft) + Array(repeating: .hard, count: hard)
            + Array(repeating: nil, count: count - soft - hard))
    }

    /// A wish of the given strength, mostly for a mentor of the young person's own gender.
    mutating func mentorGenderPreference(for gender: Gender, strength: GenderPreference.Strength?) -> GenderPreference? {
        guard let strength else { return nil }
        let wished: Gender = switch gender {
        case .female: chance(0.9) ? .female : .male
        case .male: chance(0.8) ? .male : .female
        case .other: .female
        }
        return GenderPreference(gender: wished, strength: strength)
    }

    /// A uniform day from `first` to `last`, inclusive.
    mutating func date(from first: LocalDate, through last: LocalDate) -> LocalDate {
        LocalDate(daysSinceEpoch: int(in: first.daysSinceEpoch...last.daysSinceEpoch))
    }

    /// A volunteer's week: two or three weekday late afternoons or evenings, and often a weekend slot.
    mutating func volunteerAvailability() -> WeeklyAvailability {
        var windows = sample(int(in: 2...3), from: Self.weekdays).map { day in
            window(day, starts: [16 * 60, 16 * 60 + 30, 17 * 60, 17 * 60 + 30, 18 * 60], lasts: [120, 150, 180, 240],
                   endsBy: 21 * 60)
        }
        if chance(0.6) { windows.append(weekendWindow()) }
        return WeeklyAvailability(windows)
    }

    /// A paid youth worker's week: four or five working days, some shifted into the evening, sometimes Saturday.
    mutating func youthWorkerAvailability() -> WeeklyAvailability {
        var windows = sample(int(in: 4...5), from: Self.weekdays).map { day in
            window(day, starts: [10 * 60, 11 * 60, 12 * 60], lasts: [360, 420, 480], endsBy: 20 * 60)
        }
        if chance(0.3) { windows.append(WeeklyWindow(weekday: .saturday, startMinute: 10 * 60, endMinute: 14 * 60)) }
        return WeeklyAvailability(windows)
    }

    /// A young person's week: pupils (up to 18) after school, older ones in the evening; weekends for many.
    mutating func menteeAvailability(age: Int) -> WeeklyAvailability {
        var windows: [WeeklyWindow]
        if age <= 18 {
            windows = sample(int(in: 2...4), from: Self.weekdays).map { day in
                window(day, starts: [15 * 60, 15 * 60 + 30, 16 * 60, 16 * 60 + 30], lasts: [120, 150, 180, 240],
                       endsBy: 20 * 60)
            }
            if chance(0.5) { windows.append(weekendWindow()) }
        } else {
            windows = sample(int(in: 1...3), from: Self.weekdays).map { day in
                window(day, starts: [17 * 60, 17 * 60 + 30, 18 * 60], lasts: [120, 180], endsBy: 21 * 60)
            }
            if chance(0.7) { windows.append(weekendWindow()) }
        }
        return WeeklyAvailability(windows)
    }

    private mutating func window(_ day: Weekday, starts: [Int], lasts: [Int], endsBy latest: Int) -> WeeklyWindow {
        let start = pick(starts)
        return WeeklyWindow(weekday: day, startMinute: start, endMinute: min(latest, start + pick(lasts)))
    }

    private mutating func weekendWindow() -> WeeklyWindow {
        let start = pick([10 * 60, 11 * 60, 12 * 60, 13 * 60])
        return WeeklyWindow(weekday: chance(0.6) ? .saturday : .sunday, startMinute: start,
                            endMinute: start + pick([180, 240, 300]))
    }
}
