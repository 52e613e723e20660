/// The documented ranges of everything that comes from outside (CSV cells, policy and scenario keys, command-line
/// options, JSON fields), checked before any arithmetic, so that no value can trap, overflow or make a run take
/// minutes: each bound is far beyond every real programme and small enough for the machine. The README's
/// "Bad input" section lists them.
public enum InputLimits {
    /// A programme of meeting calendars lasts at most this many months (and its dates at most ten years).
    public static let programmeMonths = 1...120
    /// The longest programme in days: ten years.
    public static let programmeDays = 3_653
    /// Recruits a recruitment question may ask for.
    public static let recruits = 0...1_000
    /// Rows of a recruitment `profiles.csv`: the covering programme grows faster than linearly with them (the Ogre plan
    /// takes 0.6 s of processor time with 100 rows, 4.5 s with 200, 23 s with 300).
    public static let profiles = 200
    /// Copies of one inline profile a variant may add, and mentors a variant may add in all.
    public static let addedMentors = 0...10_000
    /// Variants of one scenario.
    public static let variants = 1_000
    /// Young people one variant may have after `scale_demand`; and the largest factor.
    public static let scaledYoungPeople = 200_000
    public static let demandScale = 0.0...100.0
    /// Months a simulation may run, referrals a month, and extra mentors it may recruit.
    public static let simulatedMonths = 1...120
    public static let referralsPerMonth = 0.0...10_000.0
    public static let simulationExtraMentors = 0...1_000
    /// Variants × (young people and mentors added) × months a plan may simulate in all.
    public static let simulationWork = 50_000_000
    /// The memory a `schedule` may need by its estimate (day plans and sessions, see `ScheduleMemoryEstimate`).
    public static let scheduleMemoryBytes = 4_000_000_000
    /// A pair's months in a simulation.
    public static let pairMonths = 1...120
    /// Weights of the objective: finite and at most this, so that weight × count × the fit scale stays far below
    /// 2⁶³ in the integer tiers.
    public static let weights = 0.0...1_000_000.0
    /// Amounts of money in euros (rates, budgets, costs) and other cost-model amounts.
    public static let euros = 0.0...999_999_999.0
    /// Kilometres: any travel limit in Latvia is below this.
    public static let kilometres = 0.0...10_000.0
    /// Seeds are whole numbers up to 2⁵³, so that they read the same from YAML, JSON and a spreadsheet.
    public static let seeds = 0...9_007_199_254_740_992

    /// The "1,000,000" of messages: digits grouped by commas, in every locale.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }
}

/// Limits and quoting of text from outside: ids, places and tokens.
public enum InputText {
    /// Ids, places, tokens and most cells: at most this many characters.
    public static let maximumLength = 200
    /// Cells that hold lists (availability windows, languages, needs, interests): at most this many characters.
    public static let maximumListLength = 2_000
    /// At most this many characters of a value are quoted in a message.
    public static let quotedLength = 80

    /// At most ``quotedLength`` characters of `text`, with "…" when cut, and control characters shown as `�`, so
    /// that no message repeats a whole cell or breaks the terminal.
    /// - Complexity: O(``quotedLength``), whatever the length of `text`.
    public static func excerpt(_ text: String) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == quotedLength { return result + "…" }
            result.append(character.isControlCharacter ? "\u{FFFD}" : character)
            count += 1
        }
        return result
    }

    /// What is wrong with a text value, or `nil`: longer than `maximum` characters, or holding a control character.
    /// - Complexity: O(*n*) in UTF-8 bytes, stopping early for long values.
    public static func problem(_ text: String, maximum: Int = maximumLength) -> String? {
        problemPhrase(text, maximum: maximum)?.english
    }

    /// ``problem(_:maximum:)`` in English and Latvian.
    public static func problemPhrase(_ text: String, maximum: Int = maximumLength) -> Phrase? {
        // A Character holds at least one byte, so a value of at most `maximum` bytes is short enough.
        if text.utf8.count > maximum {
            var count = 0
            for _ in text {
                count += 1
                if count > maximum {
                    let bytes = InputLimits.grouped(text.utf8.count)
                    return Phrase("is longer than \(maximum) characters (\(bytes) bytes)",
                                  lv: "ir garāks par \(maximum) rakstzīmēm (\(bytes) baiti)")
                }
            }
        }
        if text.holdsControlCharacter {
            return Phrase("holds a control character (such as a tab or a NUL byte)",
                          lv: "satur vadības rakstzīmi (piemēram, tabulāciju vai NUL baitu)")
        }
        return nil
    }
}

extension Character {
    var isControlCharacter: Bool { unicodeScalars.contains { $0.isControlCharacter } }
}

extension Unicode.Scalar {
    /// General category Cc, which the Unicode stability policy fixes as U+0000–U+001F and U+007F–U+009F: a range
    /// check instead of a property lookup, since every cell of every input passes here.
    var isControlCharacter: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}

extension String {
    /// Whether any scalar is a control character (category Cc), on the UTF-8 bytes: C0 controls and DEL are single
    /// bytes, C1 controls are 0xC2 followed by 0x80–0x9F.
    var holdsControlCharacter: Bool {
        var afterC2 = false
        for byte in utf8 {
            if byte < 0x20 || byte == 0x7F || (afterC2 && byte <= 0x9F && byte >= 0x80) { return true }
            afterC2 = byte == 0xC2
        }
        return false
    }
}
