import Foundation

/// Compares names the way people misspell them: without regard to case or Latvian diacritics.
///
/// Used to suggest the intended name for an unknown place, id or key ("did you mean Suntaži?").
/// It never decides a match on its own: only exact names match, and a suggestion is shown to the user.
public enum NameMatching {
    /// The name in lower case with diacritics removed, so that `Ķeipene` and `keipene` compare equal.
    public static func folded(_ name: String) -> String {
        // ASCII has no diacritics to remove, and Foundation's decomposition is slow for a value in every row.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name.lowercased() }
        let decomposed = name.decomposedStringWithCanonicalMapping.lowercased()
        let baseScalars = decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
        return String(String.UnicodeScalarView(baseScalars))
    }

    /// The candidate nearest to `name` after folding, if it is near enough to be a likely misspelling.
    ///
    /// Near enough means an edit distance of at most a third of the name's length (at least 1), after folding.
    /// Ties go to the alphabetically first candidate, so suggestions are deterministic.
    /// - Complexity: O(*c* · *n* · *m*) for *c* candidates of length *m* and a name of length *n*.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(folded(name))
        let limit = max(1, target.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(folded(candidate)))
            guard distance <= limit else { continue }
            if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        guard !lhs.isEmpty else { return rhs.count }
        guard !rhs.isEmpty else { return lhs.count }
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }
}
