import MentorMatchCore

extension MatchingInput {
    /// Each mentor's index by id (the first, were an id repeated).
    var mentorIndexByID: [String: Int] { Self.indexByID(count: mentors.count) { mentors[$0].id } }

    /// Each young person's index by id (the first, were an id repeated).
    var menteeIndexByID: [String: Int] { Self.indexByID(count: mentees.count) { mentees[$0].id } }

    /// Read by index rather than by iterating the people, which would copy each of them; backwards, so that the
    /// first of a repeated id is the one kept with one hash per id.
    private static func indexByID(count: Int, id: (Int) -> String) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(count)
        for position in (0..<count).reversed() { index[id(position)] = position }
        return index
    }
}
