import Foundation
import MentorMatchCore
import MentorMatchFormats
import Testing

struct InputCSVTests {
    /// A Latvian Excel export: `;` delimiter, decimal commas, Latvian yes/no, commas inside lists.
    @Test func readsSemicolonFilesWithDecimalCommas() throws {
        let places = PlacesCSV.read(Data("Place;Lat;Lon;Remote\nSuntaži;56,9076;24,9380;Jā\nOgre;56,8162;24,6048;nē\n".utf8),
                                    source: "places.csv")
        #expect(places.issues.isEmpty)
        #expect(places.records == [
            Place(name: "Suntaži", coordinate: Coordinate(latitude: 56.9076, longitude: 24.938), isRemote: true),
            Place(name: "Ogre", coordinate: Coordinate(latitude: 56.8162, longitude: 24.6048), isRemote: false),
        ])
        let mentors = MentorsCSV.read(Data("""
            id;age;gender;place;capacity;availability;specialisations;languages;max_travel_km
            M01;34;Sieviete;Ogre;2;Pirmd 16:00-18:00, Sestd 10:00–14:00;atkarības, GRT;lv, ru;12,5
            M02;41;m;Suntaži;1;"Otr 17:00-19:00; Cet 17:00-19:00";;LV;7

            """.utf8), source: "mentors.csv")
        #expect(mentors.issues.isEmpty)
        let first = try #require(mentors.records.first)
        #expect(first.gender == .female)
        #expect(first.maxTravelKm == 12.5)
        #expect(first.availability.description == "Mon 16:00-18:00; Sat 10:00-14:00")
        #expect(first.specialisations == ["atkarības", "grt"])
        #expect(first.languages == ["lv", "ru"])
        #expect(mentors.records.last?.availability.windows.count == 2)
        #expect(mentors.records.last?.languages == ["lv"])
        #expect(mentors.source.lines == [2, 3])
    }

    @Test func aLineBreakInsideAQuotedCellReadsAsASpace() throws {
        let mentees = MenteesCSV.read(Data("""
            id,age,gender,place,availability,needs,languages
            Y001,15,male,Ogre,"Mon 16:00-18:00;
            Sat 10:00-12:00",,lv
            Y002,16,female,Ogre,Mon 16:00-18:00,,lv

            """.utf8), source: "mentees.csv")
        #expect(mentees.issues.isEmpty)
        #expect(mentees.records.first?.availability.windows.count == 2)
        #expect(mentees.source.lines == [2, 4])
    }

    @Test func writtenFilesReadBackToTheSameValues() throws {
        let availability = try WeeklyAvailability(parsing: "Mon 16:00-18:00; Sat 10:00-14:00")
        let mentors = [
            Mentor(id: "M01", age: 34, gender: .female,
                   location: Location(place: "Ķeipene", coordinate: Coordinate(latitude: 56.8912345, longitude: 25.1)),
                   capacity: 3, availability: availability, specialisations: ["addiction", "intellectual-disability"],
                   languages: ["lv", "ru"], maxTravelKm: 12.5, interests: ["sport", "music"]),
            Mentor(id: "M02", age: 58, gender: .other, location: Location(place: "Ogre"), capacity: 1,
                   availability: availability, specialisations: [], languages: ["lv"], maxTravelKm: 30),
        ]
        let mentees = [
            Mentee(id: "Y001", age: 13, gender: .male, location: Location(place: "Suntaži"), availability: availability,
                   needs: ["intellectual-disability"], languages: ["lv"], interests: ["football"],
                   mentorGenderPreference: GenderPreference(gender: .male, strength: .hard), priority: 5,
                   waitingSince: LocalDate(year: 2024, month: 2, day: 29)),
            Mentee(id: "Y002", age: 25, gender: .female,
                   location: Location(place: "Ogre", coordinate: Coordinate(latitude: -0.5, longitude: 179.999)),
                   availability: availability, needs: [], languages: ["ru"],
                   mentorGenderPreference: GenderPreference(gender: .female, strength: .soft)),
        ]
        let places = [
            Place(name: "Ķeipene", coordinate: Coordinate(latitude: 56.8912345, longitude: 25.1), isRemote: true),
            Place(name: "Ogre, town", coordinate: Coordinate(latitude: 56.8162, longitude: 24.6048), isRemote: false),
        ]
        let rules = [PairRule(mentorID: "M01", menteeID: "Y001", kind: .lock),
                     PairRule(mentorID: "M02", menteeID: "Y002", kind: .forbid)]

        let readMentors = MentorsCSV.read(Data(MentorsCSV.text(mentors).utf8), source: "mentors.csv")
        let readMentees = MenteesCSV.read(Data(MenteesCSV.text(mentees).utf8), source: "mentees.csv")
        let readPlaces = PlacesCSV.read(Data(PlacesCSV.text(places).utf8), source: "places.csv")
        let readRules = PairRulesCSV.read(Data(PairRulesCSV.text(rules).utf8), source: "locks.csv")
        #expect(readMentors.issues.isEmpty && readMentees.issues.isEmpty)
        #expect(readPlaces.issues.isEmpty && readRules.issues.isEmpty)
        #expect(readMentors.records == mentors)
        #expect(readMentees.records == mentees)
        #expect(readPlaces.records == places)
        #expect(readRules.records == rules)
    }

    @Test func writerHeadersMatchTheColumnsDocumented() {
        #expect(MentorsCSV.text([]) == "id,age,gender,place,capacity,availability,specialisations,languages,"
            + "max_travel_km,interests,lat,lon\n")
        #expect(MenteesCSV.text([]) == "id,age,gender,place,availability,needs,languages,interests,mentor_gender,"
            + "gender_preference,priority,waiting_since,lat,lon\n")
        #expect(PlacesCSV.text([]) == "place,lat,lon,remote\n")
        #expect(PairRulesCSV.text([]) == "mentor_id,mentee_id,rule\n")
    }

    @Test func emptyUnnamedColumnsAreIgnored() {
        let rules = PairRulesCSV.read(Data("mentor_id;mentee_id;rule;;\nM01;Y001;lock;;\n".utf8), source: "locks.csv")
        #expect(rules.issues.isEmpty)
        #expect(rules.records == [PairRule(mentorID: "M01", menteeID: "Y001", kind: .lock)])
    }

    @Test func aHeaderOnlyLocksFileIsFine() {
        let rules = PairRulesCSV.read(Data("mentor_id,mentee_id,rule\n".utf8), source: "locks.csv")
        #expect(rules.issues.isEmpty)
        #expect(rules.records.isEmpty)
    }
}
