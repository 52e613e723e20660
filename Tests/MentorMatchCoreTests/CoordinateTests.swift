import MentorMatchCore
import Testing

struct CoordinateTests {
    static let riga = Coordinate(latitude: 56.9496, longitude: 24.1052)
    static let ogre = Coordinate(latitude: 56.8162, longitude: 24.6048)

    /// Rīga and Ogre centres lie about 34 km apart as the crow flies (the road is about 36 km).
    @Test func ogreToRiga() {
        #expect(abs(Self.ogre.distanceKm(to: Self.riga) - 33.78) < 0.05)
    }

    /// One degree of latitude is 2πR/360 ≈ 111.195 km on the mean sphere.
    @Test func oneDegreeOfLatitude() {
        let distance = Coordinate(latitude: 56, longitude: 24).distanceKm(to: Coordinate(latitude: 57, longitude: 24))
        #expect(abs(distance - 2 * Double.pi * Coordinate.earthRadiusKm / 360) < 1e-9)
    }

    @Test func zeroDistanceToItself() {
        #expect(Self.ogre.distanceKm(to: Self.ogre) == 0)
    }

    @Test func symmetric() {
        #expect(Self.ogre.distanceKm(to: Self.riga) == Self.riga.distanceKm(to: Self.ogre))
    }

    @Test func antipodesAreHalfTheCircumference() {
        let distance = Coordinate(latitude: 0, longitude: 0).distanceKm(to: Coordinate(latitude: 0, longitude: 180))
        #expect(abs(distance - Double.pi * Coordinate.earthRadiusKm) < 1e-6)
    }

    @Test func validity() {
        #expect(Self.riga.isValid)
        #expect(!Coordinate(latitude: 91, longitude: 0).isValid)
        #expect(!Coordinate(latitude: 0, longitude: .nan).isValid)
    }
}
