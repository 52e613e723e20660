/// The version of the MentorMatch library and `mentormatch` command (`mentormatch --version`).
public enum MentorMatchVersion {
    /// Semantic versioning: the minor number rises with each resolved batch of work, the major one at the first
    /// release to programmes.
    public static let current = "0.10.0"
}
