import MentorMatchCore

/// Scales a waiting list while keeping its shape: places, needs, languages, ages and windows in the same
/// proportions, by drawing young people from it.
public enum DemandScaling {
    /// `round(factor × count)` young people: a seeded sample of the list when smaller; when larger, the whole list
    /// plus copies of young people drawn from it with replacement, with ids `Y0007-2`, `Y0007-3`, …
    /// At most ``InputLimits/scaledYoungPeople`` young people.
    /// - Complexity: O(result size).
    public static func scaled(_ mentees: [Mentee], by factor: Double, seed: UInt64) -> [Mentee] {
        // Readers refuse factors beyond InputLimits.demandScale; a library caller's is clamped rather than trapping.
        let target = Int(rounding: Double(mentees.count) * factor, clampedTo: 0...InputLimits.scaledYoungPeople) ?? mentees.count
        guard !mentees.isEmpty, target != mentees.count else { return mentees }
        var random = SplitMix64(seed: seed)
        if target < mentees.count {
            let kept = Set(random.sample(target, from: Array(mentees.indices)))
            return mentees.indices.filter(kept.contains).map { mentees[$0] }
        }
        var copies: [String: Int] = [:]
        var result = mentees
        for _ in mentees.count..<target {
            var copy = mentees[random.int(in: 0...(mentees.count - 1))]
            let number = copies[copy.id, default: 1] + 1
            copies[copy.id] = number
            copy.id = "\(copy.id)-\(number)"
            result.append(copy)
        }
        return result
    }
}
