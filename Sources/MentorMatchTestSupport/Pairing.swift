/// A mentor–young person pair named by ids, as the checker, the brute force and the reference flow exchange them.
public struct Pairing: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var mentorID: String
    public var menteeID: String

    public init(mentorID: String, menteeID: String) {
        self.mentorID = mentorID
        self.menteeID = menteeID
    }

    /// By mentor id, then mentee id: the order of `MatchingResult.pairs`.
    public static func < (lhs: Pairing, rhs: Pairing) -> Bool {
        (lhs.mentorID, lhs.menteeID) < (rhs.mentorID, rhs.menteeID)
    }

    public var description: String { "\(mentorID)–\(menteeID)" }
}
