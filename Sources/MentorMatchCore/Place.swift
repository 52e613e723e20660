/// A town, city or parish whose centre stands for everyone who lives there.
public struct Place: Sendable, Hashable, Codable {
    /// The name coordinators write in the `place` column, such as `Suntaži`.
    public var name: String
    public var coordinate: Coordinate
    /// Remote parishes are preferred: young people there have the fewest options.
    public var isRemote: Bool

    public init(name: String, coordinate: Coordinate, isRemote: Bool) {
        self.name = name
        self.coordinate = coordinate
        self.isRemote = isRemote
    }

    /// Coded flat, as the places CSV's columns: `place`, `lat`, `lon`, `remote`.
    enum CodingKeys: String, CodingKey {
        case name = "place", lat, lon, isRemote = "remote"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            coordinate: Coordinate(latitude: try container.decode(Double.self, forKey: .lat),
                                   longitude: try container.decode(Double.self, forKey: .lon)),
            isRemote: try container.decode(Bool.self, forKey: .isRemote)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(coordinate.latitude, forKey: .lat)
        try container.encode(coordinate.longitude, forKey: .lon)
        try container.encode(isRemote, forKey: .isRemote)
    }
}

/// Where a person lives: a place, optionally refined by an explicit point.
public struct Location: Sendable, Hashable, Codable {
    /// The place name; it must be in the places list, which decides whether the person counts as remote.
    public var place: String
    /// An explicit point (for example a home address geocoded by the coordinator), used instead of the place centre.
    public var coordinate: Coordinate?

    public init(place: String, coordinate: Coordinate? = nil) {
        self.place = place
        self.coordinate = coordinate
    }
}
