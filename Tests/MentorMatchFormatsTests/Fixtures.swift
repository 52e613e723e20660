import Foundation
import MentorMatchCore
import MentorMatchFormats

/// Valid pseudonymous input files; each test replaces one of them to break it.
enum Fixtures {
    static let mentors = """
        id,age,gender,place,capacity,availability,specialisations,languages,max_travel_km,interests
        M01,34,female,Ogre,2,Mon 16:00-18:00; Sat 10:00-14:00,addiction; anxiety,lv; ru,20,sport
        M02,41,male,Suntaži,1,Tue 17:00-19:00,,lv,12.5,

        """
    static let mentees = """
        id,age,gender,place,availability,needs,languages,mentor_gender,gender_preference,priority,waiting_since
        Y001,15,male,Suntaži,Mon 16:00-18:00,,lv,,,2,2024-01-10
        Y002,17,female,Ogre,Sat 10:00-12:00,addiction,ru,female,hard,,

        """
    static let places = """
        place,lat,lon,remote
        Ogre,56.8162,24.6048,no
        Suntaži,56.9076,24.9380,yes

        """
    static let locks = """
        mentor_id,mentee_id,rule
        M01,Y002,lock

        """
    static let policy = """
        max_capacity: 3
        objective:
          fit_weights:
            travel: 0.5

        """

    static let defaultFiles = [
        "mentors.csv": mentors, "mentees.csv": mentees, "places.csv": places, "locks.csv": locks,
        "policy.yaml": policy,
    ]
}

/// A fresh temporary directory, removed when the value is no longer used.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mentormatch-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ contents: Data) throws {
        try contents.write(to: url.appendingPathComponent(name))
    }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// Writes the fixture files with `replacements` (file name → bytes; `nil` leaves the file out) and loads them.
func loadFixtures(replacing replacements: [String: Data?] = [:]) throws -> Result<LoadedInput, InputError> {
    let directory = try TemporaryDirectory()
    var files = Fixtures.defaultFiles.mapValues { Optional(Data($0.utf8)) }
    for (name, data) in replacements { files[name] = data }
    for (name, data) in files {
        if let data { try directory.write(name, data) }
    }
    let inputFiles = InputFiles(
        mentors: directory.path("mentors.csv"), mentees: directory.path("mentees.csv"),
        places: directory.path("places.csv"), locks: directory.path("locks.csv"), policy: directory.path("policy.yaml")
    )
    do {
        return .success(try InputLoader.load(inputFiles))
    } catch {
        return .failure(error)
    }
}
