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
    /// - Complexity: O(*c* · *n* · *m*) for *c* candidates of length *m* and a name of length *n*; O(*n*) for a name
    ///   more than twice as long as every candidate.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        Candidates(candidates).closest(to: name)
    }

    /// Candidate names folded once, for asking ``closest(to:among:)`` about many names (every unknown id of a
    /// locks file against tens of thousands of mentors).
    package struct Candidates: Sendable {
        private let names: [String]
        /// The folded characters of every candidate as numbers, equal for equal characters, back to back: comparing
        /// numbers is much cheaper than comparing `Character`s.
        private let codes: [Int32]
        private let ranges: [Range<Int>]
        private let codeOfCharacter: [Character: Int32]

        package init(_ names: some Sequence<String>) {
            self.names = Array(names)
            var codeOfCharacter: [Character: Int32] = [:]
            var codes: [Int32] = []
            var ranges: [Range<Int>] = []
            for name in self.names {
                let start = codes.count
                for character in folded(name) {
                    let code = codeOfCharacter[character] ?? Int32(codeOfCharacter.count)
                    codeOfCharacter[character] = code
                    codes.append(code)
                }
                ranges.append(start..<codes.count)
            }
            self.codes = codes
            self.ranges = ranges
            self.codeOfCharacter = codeOfCharacter
        }

        /// As ``NameMatching/closest(to:among:)`` with these candidates in this order.
        package func closest(to name: String) -> String? {
            // A name far longer than every candidate is near none of them (the distance is at least the difference
            // in length, and the limit a third of the name's): deciding so before folding keeps the search linear
            // in the name's length, however long it is.
            let longest = ranges.map(\.count).max() ?? 0
            let bound = 2 * longest + 3
            guard name.utf8.count <= bound || name.count <= bound else { return nil }
            // A character no candidate has equals none of theirs, which is all the distance asks of it.
            let target = folded(name).map { codeOfCharacter[$0] ?? -1 }
            let limit = max(1, target.count / 3)
            var best: (candidate: String, distance: Int)?
            var distances = EditDistances(from: target, codeCount: codeOfCharacter.count)
            for (candidate, range) in zip(names, ranges) {
                // A candidate further away than the best so far cannot win, so its distance need not be finished.
                guard let distance = distances.distance(to: codes[range], atMost: best?.distance ?? limit) else {
                    continue
                }
                if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
                best = (candidate, distance)
            }
            return best?.candidate
        }
    }

    /// Levenshtein distances from one name to many, over character codes.
    ///
    /// Names of up to 64 characters use Hyyrö's bit-parallel form of Myers' algorithm (one machine word per
    /// column), so that a name is compared with tens of thousands of ids in a millisecond; longer ones use the
    /// dynamic programme row by row.
    private struct EditDistances {
        private let target: [Int32]
        /// For each character code, a bit for each position of the target that holds it; `nil` for long targets.
        private let positions: [UInt64]?
        /// The dynamic programme's last two rows, for long targets.
        private var previous: [Int] = []
        private var current: [Int] = []

        init(from target: [Int32], codeCount: Int) {
            self.target = target
            guard target.count <= UInt64.bitWidth else {
                positions = nil
                previous = Array(0...target.count)
                current = previous
                return
            }
            var positions = [UInt64](repeating: 0, count: codeCount)
            for (index, code) in target.enumerated() where code >= 0 { positions[Int(code)] |= 1 << index }
            self.positions = positions
        }

        /// The distance to a candidate (whose codes are all known), or `nil` as soon as it is sure to exceed
        /// `bound`.
        mutating func distance(to candidate: ArraySlice<Int32>, atMost bound: Int) -> Int? {
            guard abs(target.count - candidate.count) <= bound else { return nil }
            guard !target.isEmpty, !candidate.isEmpty else { return max(target.count, candidate.count) }
            guard let positions else { return rowByRow(to: candidate, atMost: bound) }
            // Bit i of the vertical and horizontal deltas says whether D[i+1][j] is one more (or one less) than
            // the cell above (or to the left); `score` is D[target.count][j].
            var verticalPlus = UInt64.max
            var verticalMinus: UInt64 = 0
            var score = target.count
            let lastRow: UInt64 = 1 << (target.count - 1)
            var remaining = candidate.count
            for code in candidate {
                let equal = positions[Int(code)]
                let xv = equal | verticalMinus
                let xh = (((equal & verticalPlus) &+ verticalPlus) ^ verticalPlus) | equal
                var horizontalPlus = verticalMinus | ~(xh | verticalPlus)
                var horizontalMinus = verticalPlus & xh
                if horizontalPlus & lastRow != 0 {
                    score += 1
                } else if horizontalMinus & lastRow != 0 {
                    score -= 1
                }
                // Row 0 is D[0][j] = j, one more in each column.
                horizontalPlus = horizontalPlus << 1 | 1
                horizontalMinus <<= 1
                verticalPlus = horizontalMinus | ~(xv | horizontalPlus)
                verticalMinus = horizontalPlus & xv
                remaining -= 1
                // Each further column lowers the score by one at most.
                if score - remaining > bound { return nil }
            }
            return score
        }

        private mutating func rowByRow(to candidate: ArraySlice<Int32>, atMost bound: Int) -> Int? {
            for i in 0...target.count { previous[i] = i }
            for (j, code) in candidate.enumerated() {
                current[0] = j + 1
                var rowMinimum = current[0]
                for i in 1...target.count {
                    let substitution = previous[i - 1] + (target[i - 1] == code ? 0 : 1)
                    current[i] = min(substitution, previous[i] + 1, current[i - 1] + 1)
                    rowMinimum = min(rowMinimum, current[i])
                }
                // No row's minimum is below the one before, and the distance is in the last row.
                if rowMinimum > bound { return nil }
                swap(&previous, &current)
            }
            return previous[target.count] <= bound ? previous[target.count] : nil
        }
    }
}
