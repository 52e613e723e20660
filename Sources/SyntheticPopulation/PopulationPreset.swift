import MentorMatchCore

/// A synthetic population calibrated to one of the Latvian programmes in the project's domain notes.
///
/// Every preset is pseudonymous (mentors `M001`…, young people `Y0001`…), carries no names or notes, and
/// keeps the programmes' rules: mentors at least 20 with one to three places, young people 13–25, at least
/// one weekly window and one language each.
public enum PopulationPreset: String, Sendable, Hashable, CaseIterable {
    /// Ogre municipality mentor network, 2024: 14 volunteer mentors and 35 young people across the 19 units of
    /// Ogres novads that have a point.
    ///
    /// Follows the 2024 call: mentors (nine women, five men) are 20 to 60, and six of the 14 live in the remote
    /// parishes the call prefers (Meņģele, Taurupe, Ķeipene, Laubere, Mazozoli, Suntaži); ten of the 35 young
    /// people live there too, the rest mostly in Ogre city and the towns. Applications closed on 14 February and
    /// pairs were formed in February, so referrals date from 2 January to 14 February 2024. Capacities (mostly 2)
    /// sum to 30, so at least five of the 35 wait. Some mentors are trained in addiction or anxiety and
    /// depression; eight young people wish softly for a mentor's gender and two insist.
    ///
    /// Three young people are unmatchable on purpose, each for its own reason: a Russian speaker in Mazozoli
    /// (the Russian-speaking mentors live in the towns, beyond anyone's travel limit), one in Lielvārde who needs
    /// an intellectual-disability specialist (none of the 14 is trained in it), and one in Ogre who can meet only
    /// on weekday mornings (mentors meet from late afternoon and at weekends).
    case ogre2024 = "ogre-2024"

    /// Liepāja city, 1 July – 30 December 2022: 13 paid youth workers and 68 young people (38 girls, 30 boys).
    ///
    /// Each worker (nine women, four men, aged 23–55, most speaking Latvian and Russian) takes the programmes'
    /// maximum of three, so 39 places serve 68 young people: not everyone is served at once, which Liepāja
    /// handled with 3–5 month cycles. Seventeen young people also saw a psychologist; here 17 need
    /// `anxiety-depression`. Everyone has an explicit point within about 5 km of the city centre, in the strip
    /// between the sea and Liepāja lake, so travel distances differ; many speak Russian. Referrals arrived
    /// through the service period, so `waiting_since` runs from June to mid-December 2022.
    case liepaja2022 = "liepaja-2022"

    /// Zemgale planning region "RETHINK", from May 2019: 10 trained volunteer mentors, all specialised in
    /// intellectual disability, and 20 young people with intellectual disabilities.
    ///
    /// Uses the six municipalities of today's Zemgale planning region in the gazetteer (Jelgavas valstspilsēta,
    /// Jelgavas, Bauskas, Dobeles, Aizkraukles and Jēkabpils novads), with young people from each. Each mentor
    /// (seven women, three men) takes one to three young people (capacities sum to 21); the region is wide, so
    /// mentors travel 30–60 km. Every young person needs `intellectual-disability` support, about one in ten
    /// also `anxiety-depression`. Referrals date from January to mid-May 2019.
    case zemgaleRethink = "zemgale-rethink"

    /// The policy the preset is meant to be matched with; only its differences from ``Policy``'s defaults matter.
    ///
    /// Each sets `reference_date`, so that waiting times do not depend on the day of the run: 20 February 2024
    /// (Ogre: the day interviews ended), 30 December 2022 (Liepāja: the end of the service period) and
    /// 31 May 2019 (Zemgale: the first month of mentoring). Zemgale also caps travel at 60 km programme-wide.
    public var suggestedPolicy: Policy {
        var policy = Policy()
        switch self {
        case .ogre2024:
            policy.referenceDate = LocalDate(year: 2024, month: 2, day: 20)
        case .liepaja2022:
            policy.referenceDate = LocalDate(year: 2022, month: 12, day: 30)
        case .zemgaleRethink:
            policy.referenceDate = LocalDate(year: 2019, month: 5, day: 31)
            policy.maximumTravelKm = 60
        }
        return policy
    }
}
