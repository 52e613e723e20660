import Foundation
import MentorMatch
import MentorMatchTestSupport
import Testing

/// A small pseudonymous programme in Ogres novads: coordinates from the bundled `Scenarios/ogre-2024/places.csv`.
///
/// Y01–Y03 each have exactly one candidate (M01, M02, M03); Y04 in Mazozoli speaks only Russian and is beyond every
/// mentor's travel limit (M02 in Suntaži is 33.2 km away, limit 30 km), so the run serves 3 of 4.
enum SmallProgramme {
    static let places = """
        place,lat,lon,remote
        Ogre,56.8162,24.61401,no
        Ikšķile,56.83399,24.49679,no
        Suntaži,56.90676,24.92363,yes
        Mazozoli,56.92524,25.47031,yes

        """
    static let mentors = """
        id,age,gender,place,capacity,availability,specialisations,languages,max_travel_km
        M01,34,female,Ogre,2,Mon 16:00-20:00; Sat 10:00-14:00,,lv; ru,25
        M02,45,male,Suntaži,1,Tue 17:00-20:00,addiction,lv,30
        M03,28,female,Ikšķile,2,Wed 16:00-19:00; Sun 12:00-16:00,,lv; en,15

        """
    static let mentees = """
        id,age,gender,place,availability,needs,languages
        Y01,15,male,Ogre,Mon 16:00-18:00,,lv
        Y02,17,female,Suntaži,Tue 17:00-19:00,addiction,lv
        Y03,14,female,Ikšķile,Wed 16:00-18:00; Sun 13:00-15:00,,lv
        Y04,19,male,Mazozoli,Sat 10:00-12:00,,ru

        """

    /// The input options, with paths relative to the run's directory.
    static let inputArguments = ["--mentors", "mentors.csv", "--mentees", "mentees.csv", "--places", "places.csv"]

    /// Writes the three CSV files into `directory`, then the `replacements` (whole files, by name) over them.
    static func write(into directory: TemporaryDirectory, replacing replacements: [String: Data] = [:]) throws {
        try directory.write(mentors, to: "mentors.csv")
        try directory.write(mentees, to: "mentees.csv")
        try directory.write(places, to: "places.csv")
        for (name, data) in replacements {
            try directory.write(data, to: name)
        }
    }

    /// The input files written by ``write(into:replacing:)``, with a locks file of `directory` if given.
    static func files(in directory: TemporaryDirectory, locks: String? = nil) -> InputFiles {
        InputFiles(mentors: directory.path("mentors.csv"), mentees: directory.path("mentees.csv"),
                   places: directory.path("places.csv"), locks: locks.map(directory.path))
    }

    /// `text` with line `number` (1-based, the header is line 1) replaced by `replacement`.
    static func replacingLine(_ number: Int, of text: String, with replacement: String) -> String {
        var lines = text.components(separatedBy: "\n")
        lines[number - 1] = replacement
        return lines.joined(separator: "\n")
    }
}

/// A bundled scenario and the figures its run currently gives (the closing note's figures: a change must be noticed).
struct Scenario: Sendable, CustomTestStringConvertible {
    var name: String
    var mentors: Int
    var mentees: Int
    var served: Int

    var testDescription: String { name }

    static let all = [
        Scenario(name: "ogre-2024", mentors: 14, mentees: 35, served: 30),
        Scenario(name: "liepaja-2022", mentors: 13, mentees: 68, served: 39),
        Scenario(name: "zemgale-rethink", mentors: 10, mentees: 20, served: 17),
    ]

    static let ogre = all[0]

    var directory: URL { CLI.scenarios.appendingPathComponent(name) }

    func path(_ file: String) -> String { directory.appendingPathComponent(file).path }

    /// `--mentors … --mentees … --places … --policy …` with absolute paths.
    var inputArguments: [String] {
        ["--mentors", path("mentors.csv"), "--mentees", path("mentees.csv"), "--places", path("places.csv"),
         "--policy", path("policy.yaml")]
    }
}

/// A CSV file read back with the product's reader: lower-cased header and data rows.
struct CSVFile {
    var header: [String]
    var rows: [[String]]

    init(_ data: Data, source: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let read = CSVReader.read(data, source: source)
        #expect(read.issues.isEmpty, "\(source): \(read.issues)", sourceLocation: sourceLocation)
        let table = try #require(read.table, "\(source) cannot be read as CSV", sourceLocation: sourceLocation)
        header = table.header
        rows = table.records.map(\.fields)
    }

    /// The values of one column, in row order.
    func column(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let index = try #require(header.firstIndex(of: name), "no column \(name) in \(header)", sourceLocation: sourceLocation)
        return rows.map { $0[index] }
    }
}

/// Decodes a JSON object.
func jsonObject(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: data)
    return try #require(value as? [String: Any], "the JSON is not an object", sourceLocation: sourceLocation)
}

/// The first line of a text file.
func firstLine(_ data: Data) -> String {
    String(decoding: data, as: UTF8.self).split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        .first.map(String.init) ?? ""
}

/// Re-verifies the pairs a run wrote (pairs.csv) with the independent ``SolutionChecker``: every hard rule, every
/// capacity, every lock and forbidden pair, every side constraint, against the input read back from `files`.
func checkWithSolutionChecker(pairs: CSVFile, files: InputFiles, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let loaded = try InputLoader.load(files)
    let mentor = try #require(pairs.header.firstIndex(of: "mentor_id"), sourceLocation: sourceLocation)
    let mentee = try #require(pairs.header.firstIndex(of: "mentee_id"), sourceLocation: sourceLocation)
    let violations = SolutionChecker(input: loaded.input, policy: loaded.policy)
        .violations(of: pairs.rows.map { Pairing(mentorID: $0[mentor], menteeID: $0[mentee]) })
    #expect(violations.isEmpty, "pairs.csv breaks: \(violations.prefix(5))", sourceLocation: sourceLocation)
}
