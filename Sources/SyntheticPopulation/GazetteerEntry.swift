import MentorMatchCore

/// One Latvian town, state city or parish with a reference point, as listed in ``LatvianGazetteer``.
public struct GazetteerEntry: Sendable, Hashable {
    /// The kind of territorial unit under the Law on Administrative Territories and Populated Areas.
    public enum UnitType: String, Sendable, Hashable, CaseIterable {
        /// A state city (valstspilsēta), such as Ogre or Liepāja.
        case stateCity = "state_city"
        /// A town (pilsēta), such as Ikšķile.
        case town
        /// A rural parish (pagasts).
        case parish
    }

    /// The short name coordinators write in the `place` column, unique in the gazetteer: the town's name, the
    /// village a parish is named after (`Suntaži`), or the parish's official name when the parish is named after
    /// a town (`Lielvārdes pagasts`, so that it does not clash with the town `Lielvārde`).
    public let name: String
    /// The official name, such as `Ogres valstspilsēta` or `Suntažu pagasts`.
    public let officialName: String
    /// The municipality since the 2021 reform, such as `Ogres novads` or `Liepājas valstspilsēta`.
    public let municipality: String
    public let unitType: UnitType
    /// The reference point: the town's point, or the point of the village the parish is named after.
    public let coordinate: Coordinate
    /// The geodesic distance from the reference point to the municipality's administrative centre, in km.
    public let distanceToAdministrativeCentreKm: Double
    /// The GeoNames population of a town or state city; `nil` for parishes, which have no sourced figure.
    public let population: Int?
    /// Whether young people here count as living in a remote place (see ``LatvianGazetteer`` for the rule).
    public let isRemote: Bool

    init(
        name: String, officialName: String, municipality: String, unitType: UnitType, latitude: Double,
        longitude: Double, distanceToAdministrativeCentreKm: Double, population: Int?, isRemote: Bool
    ) {
        self.name = name
        self.officialName = officialName
        self.municipality = municipality
        self.unitType = unitType
        self.coordinate = Coordinate(latitude: latitude, longitude: longitude)
        self.distanceToAdministrativeCentreKm = distanceToAdministrativeCentreKm
        self.population = population
        self.isRemote = isRemote
    }

    /// A row of `gazetteer.csv`: name, official_name, municipality, unit_type, lat, lon, distance_to_admin_centre_km,
    /// population (empty for parishes), remote (yes/no); `nil` for a malformed row (the tests count every row).
    init?(csvLine: Substring) {
        let fields = csvLine.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 9, let unitType = UnitType(rawValue: fields[3]), let latitude = Double(fields[4]),
              let longitude = Double(fields[5]), let distance = Double(fields[6]), ["yes", "no"].contains(fields[8])
        else { return nil }
        self.init(
            name: fields[0], officialName: fields[1], municipality: fields[2], unitType: unitType, latitude: latitude,
            longitude: longitude, distanceToAdministrativeCentreKm: distance, population: Int(fields[7]),
            isRemote: fields[8] == "yes")
    }

    /// The entry as a matching input place.
    public var place: Place { Place(name: name, coordinate: coordinate, isRemote: isRemote) }

    /// A copy under another name, moved by the given degrees: a district of a generated national programme.
    func shifted(name: String, latitude: Double, longitude: Double) -> GazetteerEntry {
        GazetteerEntry(
            name: name, officialName: officialName, municipality: municipality, unitType: unitType,
            latitude: coordinate.latitude + latitude, longitude: coordinate.longitude + longitude,
            distanceToAdministrativeCentreKm: distanceToAdministrativeCentreKm, population: population,
            isRemote: isRemote
        )
    }
}
