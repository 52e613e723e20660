/// Place names written in another letter case than the places list writes them (`ogre` for `Ogre`).
///
/// Such a name cannot mean another place, so it is read as the listed one with a warning, rather than refused; names
/// that differ in diacritics too (`Suntazi`) stay errors with a suggestion, as they may be a different parish.
public enum PlaceSpelling {
    /// Rewrites every person's place that matches exactly one listed place but for letter case to the listed
    /// spelling, and returns one warning for each.
    public static func resolveCase(in input: inout MatchingInput, sources: SourceMap = SourceMap()) -> [InputIssue] {
        let known = Set(input.places.map(\.name))
        var byLowercase: [String: [String]] = [:]
        for name in known { byLowercase[name.lowercased(), default: []].append(name) }
        var warnings: [InputIssue] = []
        func resolve(_ location: inout Location, record: Int, source: RecordSource) {
            guard !location.place.isEmpty, !known.contains(location.place),
                let candidates = byLowercase[location.place.lowercased()], candidates.count == 1, let listed = candidates.first
            else { return }
            warnings.append(source.issue(
                record: record, field: "place",
                problem: Phrase("place '\(location.place)' differs from '\(listed)' in \(sources.places.described) only in letter case; read as \(listed)",
                                lv: "vieta '\(location.place)' atšķiras no '\(listed)' failā \(sources.places.described) tikai ar lielajiem burtiem; nolasīta kā \(listed)"),
                fix: Phrase("write '\(listed)' to silence this warning", lv: "rakstiet '\(listed)', un šī brīdinājuma vairs nebūs")
            ))
            location.place = listed
        }
        for index in input.mentors.indices { resolve(&input.mentors[index].location, record: index, source: sources.mentors) }
        for index in input.mentees.indices { resolve(&input.mentees[index].location, record: index, source: sources.mentees) }
        return warnings
    }
}
