import Foundation
import MentorMatch
import Testing

/// `--lang lv`: the report and the reasons in Latvian; columns, keys, ids and pairs exactly as in English.
@Suite("mentormatch --lang lv")
struct LanguageTests {
    static let ogre = Scenario.ogre

    /// The terminal's lines as one line each: a line wrapped at 80 columns goes on after two spaces.
    static func lines(_ run: CLIRun) -> [String] {
        run.stdout.replacingOccurrences(of: "\n  ", with: " ").split(separator: "\n").map(String.init)
    }

    static func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test("match: Latvian headline, table and reasons; the same pairs, columns and JSON keys as in English")
    func match() async throws {
        try await withTemporaryDirectory("lang") { directory in
            let arguments = ["match"] + Self.ogre.inputArguments
            let latvian = try await CLI.run(arguments + ["--out", "lv", "--lang", "lv"], in: directory.url)
            let english = try await CLI.run(arguments + ["--out", "en"], in: directory.url)
            try #require(latvian.exitCode == 0 && english.exitCode == 0, "\(latvian)\n\(english)")
            let lines = Self.lines(latvian)
            #expect(lines.first == "Apkalpoti 30 no 35 jauniešiem (no attāliem pagastiem: 8 no 10); izmantoti 14 no 14 "
                + "mentoriem, brīvi 0; vidējais brauciens 8,1 km; vidējais vērtējums 0,505", "\(latvian)")
            #expect(lines.contains { $0.hasPrefix("mentors  jaunietis  km    vērtējums  fiksēts  nākamie labākie") }, "\(latvian)")
            #expect(lines.contains("Bez mentora (5):"), "\(latvian)")

            #expect(try directory.read("lv/pairs.csv") == directory.read("en/pairs.csv"))
            let unmatched = try CSVFile(try directory.read("lv/unmatched.csv"), source: "unmatched.csv")
            #expect(unmatched.header == ResultFiles.unmatchedHeader)
            #expect(unmatched.rows.first { $0[0] == "Y0023" } == [
                "Y0023",
                "neviens mentors neatbilst visiem noteikumiem: no 14 mentoriem 5 ir sasniedzamā attālumā, neviens nerunā "
                    + "ru. Kandidāti būtu, atslābinot tikai vienu noteikumu: attālums (2), valoda (2); tuvākais: M005 "
                    + "(runā en/lv, ne ru)",
                "no_candidate", "language",
            ])
            #expect(unmatched.rows.first { $0[0] == "Y0021" }?[1].hasPrefix(
                "vienīgais piemērotais mentors ir aizņemts: M009 mentorē Y0019, Y0027. Katra sadale") == true)
            // The terminal prints the reasons of unmatched.csv (wrapped: compared with runs of spaces as one).
            let words = Self.words(latvian.stdout)
            for row in unmatched.rows { #expect(words.contains(Self.words("\(row[0]): \(row[1])")), "\(row[0])") }

            let latvianJSON = try jsonObject(try directory.read("lv/result.json"))
            let englishJSON = try jsonObject(try directory.read("en/result.json"))
            #expect(Set(latvianJSON.keys) == Set(englishJSON.keys))
            let people = try #require(latvianJSON["unmatched"] as? [[String: Any]])
            let englishPeople = try #require(englishJSON["unmatched"] as? [[String: Any]])
            #expect(people.map { Set($0.keys) } == englishPeople.map { Set($0.keys) })
            #expect(people.compactMap { $0["reason"] as? String } == unmatched.rows.map { $0[1] })
            let nearMiss = try #require((people.last?["near_misses"] as? [[String: Any]])?.first)
            #expect(nearMiss["details"] as? [String] == ["runā en/lv, ne ru"])
        }
    }

    @Test("next month: the continuity headline and changes.csv in Latvian")
    func nextMonth() async throws {
        try await withTemporaryDirectory("lang") { directory in
            let run = try await CLI.run(NextMonthTests.monthTwoArguments() + ["--lang", "lv"], in: directory.url)
            try #require(run.exitCode == 0, "\(run)")
            #expect(Self.lines(run).contains("Pašreizējie pāri: 27 saglabāti, 0 izjaukti, 1 beidzies, 2 atbrīvoti; 1 jauns pāris"),
                    "\(run)")
            let changes = try CSVFile(try directory.read("out/changes.csv"), source: "changes.csv")
            #expect(changes.header == ResultFiles.changesHeader)
            #expect(changes.rows.filter { $0[2] != "kept" } == [
                ["M008", "Y0025", "released", "M008 vairs nav mentoru failā"],
                ["M008", "Y0029", "released", "M008 vairs nav mentoru failā"],
                ["M010", "Y0005", "ended", "pāra periods beidzās 2024-03-31, pirms atskaites datuma 2024-04-01"],
                ["M010", "Y0036", "new", "nebija pašreizējā pārī"],
            ])
            #expect(changes.rows.filter { $0[2] == "kept" }.allSatisfy { $0[3] == "saglabāts, kā ir (nepārtrauktības režīms keep)" })
        }
    }

    @Test("validate, explain and suggest in Latvian")
    func otherCommands() async throws {
        try await withTemporaryDirectory("lang") { directory in
            let arguments = Self.ogre.inputArguments + ["--lang", "lv"]
            let validate = try await CLI.run(["validate"] + arguments, in: directory.url)
            #expect(validate.stdout == "Kārtībā: 14 mentori, 35 jaunieši, 19 vietas, 0 pāru noteikumi; 133 kandidātu pāri; "
                + "4 jaunieši bez neviena kandidāta.\n", "\(validate)")
            let explain = try await CLI.run(["explain", "--mentee", "Y0023"] + arguments, in: directory.url)
            #expect(Array(Self.lines(explain).prefix(2)) == [
                "Jaunietis Y0023, Mazozoli (attāls pagasts)",
                "Bez mentora: neviens mentors neatbilst visiem noteikumiem: no 14 mentoriem 5 ir sasniedzamā attālumā, "
                    + "neviens nerunā ru. Kandidāti būtu, atslābinot tikai vienu noteikumu: attālums (2), valoda (2); "
                    + "tuvākais: M005 (runā en/lv, ne ru)",
            ], "\(explain)")
            #expect(explain.stdout.contains("runā en/lv, ne ru"))
            let suggest = try await CLI.run(["suggest", "--mentee", "Y0021"] + arguments, in: directory.url)
            #expect(suggest.stdout == """
                Iespējas iekļaut Y0021, labākās vispirms:
                  1. M009 (vērtējums 0,486, 12,2 km): Y0027 (vērtējums 0,613, vēl nav apstiprināts) atdod M009 un paliek \
                bez mentora; kopējā atbilstība -0,127

                """, "\(suggest)")
        }
    }

    @Test("an unknown language is a usage error naming the choices")
    func unknownLanguage() async throws {
        try await withTemporaryDirectory("lang") { directory in
            let run = try await CLI.run(["validate"] + Self.ogre.inputArguments + ["--lang", "de"], in: directory.url)
            #expect(run.exitCode == 2, "\(run)")
            #expect(run.stderr.contains("Please provide one of 'en' and 'lv'"), "\(run)")
        }
    }
}
