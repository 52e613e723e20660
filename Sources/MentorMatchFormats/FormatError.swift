/// Why an output's contents could not be produced (a JSON encoding, an LP text); nothing was written.
public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or output being produced, such as `result.json`.
    public var output: String
    public var problem: String

    public init(output: String, problem: String) {
        self.output = output
        self.problem = problem
    }

    public var description: String { "cannot produce \(output): \(problem)" }
}
