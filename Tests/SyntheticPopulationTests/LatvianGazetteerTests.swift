import MentorMatchCore
@testable import SyntheticPopulation
import Testing

@Suite("Latvian gazetteer")
struct LatvianGazetteerTests {
    let entries = LatvianGazetteer.entries

    @Test("every row of the gazetteer.csv resource becomes an entry (none malformed, none dropped)")
    func everyRowRead() {
        let rows = String(decoding: PackageResources.gazetteer_csv, as: UTF8.self).split(separator: "\n")
        #expect(rows.first == "name,official_name,municipality,unit_type,lat,lon,distance_to_admin_centre_km,population,remote")
        #expect(rows.count - 1 == entries.count)
    }

    @Test("holds the 146 units with a point, each under a unique name")
    func countAndUniqueNames() {
        #expect(entries.count == 146)
        #expect(Set(entries.map(\.name)).count == entries.count)
        #expect(LatvianGazetteer.municipalities.count == 9)
        #expect(Set(LatvianGazetteer.municipalities).count == 9)
    }

    @Test("every point lies inside Latvia's bounding box")
    func coordinatesInsideLatvia() {
        for entry in entries {
            #expect((55.6...58.1).contains(entry.coordinate.latitude), "\(entry.name)")
            #expect((20.9...28.3).contains(entry.coordinate.longitude), "\(entry.name)")
        }
    }

    @Test("uses village names for parishes and official names where a parish is named after a town")
    func shortNames() throws {
        let suntazi = try #require(LatvianGazetteer.entry(named: "Suntaži"))
        #expect(suntazi.officialName == "Suntažu pagasts")
        #expect(suntazi.unitType == .parish)
        let parish = try #require(LatvianGazetteer.entry(named: "Lielvārdes pagasts"))
        let town = try #require(LatvianGazetteer.entry(named: "Lielvārde"))
        #expect(parish.unitType == .parish && town.unitType == .town)
        #expect(LatvianGazetteer.entry(named: "Ogre")?.unitType == .stateCity)
        #expect(LatvianGazetteer.entry(named: "Tīnūžu pagasts") == nil)  // no sourced point
    }

    @Test("flags exactly the six parishes Ogre names as remote in Ogres novads")
    func ogreRemoteParishes() {
        let ogre = LatvianGazetteer.places(inMunicipalities: ["Ogres novads"])
        #expect(ogre.count == 19)
        #expect(Set(ogre.filter(\.isRemote).map(\.name))
            == ["Meņģele", "Taurupe", "Ķeipene", "Laubere", "Mazozoli", "Suntaži"])
    }

    @Test("elsewhere, a parish is remote exactly when it lies 20 km or more from the centre")
    func remoteRuleElsewhere() {
        for entry in entries where entry.municipality != "Ogres novads" {
            let expected = entry.unitType == .parish && entry.distanceToAdministrativeCentreKm >= 20
            #expect(entry.isRemote == expected, "\(entry.name)")
        }
    }

    @Test("Ogre to Suntaži is about the data file's 21.4 km")
    func ogreSuntaziDistance() throws {
        let ogre = try #require(LatvianGazetteer.entry(named: "Ogre"))
        let suntazi = try #require(LatvianGazetteer.entry(named: "Suntaži"))
        #expect(suntazi.distanceToAdministrativeCentreKm == 21.4)
        #expect(abs(ogre.coordinate.distanceKm(to: suntazi.coordinate) - 21.4) < 2)
    }

    @Test("every distance to the administrative centre agrees with the great-circle distance")
    func distancesAgreeWithCoordinates() throws {
        let centres = [
            "Ogres novads": "Ogre", "Liepājas valstspilsēta": "Liepāja", "Jelgavas valstspilsēta": "Jelgava",
            "Jelgavas novads": "Jelgava", "Bauskas novads": "Bauska", "Dobeles novads": "Dobele",
            "Aizkraukles novads": "Aizkraukle", "Jēkabpils novads": "Jēkabpils", "Valmieras novads": "Valmiera",
        ]
        for entry in entries {
            let centreName = try #require(centres[entry.municipality])
            let centre = try #require(LatvianGazetteer.entry(named: centreName))
            // The file's distances are ellipsoidal and rounded to 0.1 km; the sphere differs by under 0.5 %.
            let spherical = entry.coordinate.distanceKm(to: centre.coordinate)
            #expect(abs(spherical - entry.distanceToAdministrativeCentreKm) <= 0.1 + 0.005 * spherical, "\(entry.name)")
        }
    }

    @Test("lists places by municipality in gazetteer order")
    func placesByMunicipality() {
        #expect(LatvianGazetteer.places(inMunicipalities: ["Liepājas valstspilsēta"]).map(\.name) == ["Liepāja"])
        #expect(LatvianGazetteer.places(inMunicipalities: ["Nowhere"]).isEmpty)
        #expect(LatvianGazetteer.places(inMunicipalities: LatvianGazetteer.municipalities).count == 146)
        #expect(LatvianGazetteer.entries.filter { $0.population != nil }.allSatisfy { $0.unitType != .parish })
    }
}
