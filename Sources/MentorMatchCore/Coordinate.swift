import Foundation

/// A WGS84 point in decimal degrees.
public struct Coordinate: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Whether both parts are finite and within the ranges of latitude and longitude.
    public var isValid: Bool {
        latitude.isFinite && longitude.isFinite && (-90...90).contains(latitude) && (-180...180).contains(longitude)
    }

    /// The mean Earth radius (IUGG) used for every great-circle distance in MentorMatch.
    public static let earthRadiusKm = 6371.0088

    /// The length of one degree along a meridian: the great-circle distance between two points is at least their
    /// difference in latitude times this.
    public static let kilometresPerDegreeOfLatitude = earthRadiusKm * Double.pi / 180

    /// The great-circle (haversine) distance to another point, in kilometres.
    public func distanceKm(to other: Coordinate) -> Double {
        let toRadians = Double.pi / 180
        let phi1 = latitude * toRadians
        let phi2 = other.latitude * toRadians
        let deltaPhi = (other.latitude - latitude) * toRadians
        let deltaLambda = (other.longitude - longitude) * toRadians
        let a = sin(deltaPhi / 2) * sin(deltaPhi / 2)
            + cos(phi1) * cos(phi2) * sin(deltaLambda / 2) * sin(deltaLambda / 2)
        return 2 * Coordinate.earthRadiusKm * asin(min(1, a.squareRoot()))
    }
}
