/// Why an output's contents could not be produced; nothing was written.
public enum FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A JSON output (such as `result.json`) holds a value JSON cannot carry, such as a non-finite number.
    case unencodable(output: String, problem: String)
    /// The matching programme cannot be written as CPLEX LP text (`--write-lp`).
    case programText(problem: String)

    /// The output concerned.
    public var output: String {
        switch self {
        case .unencodable(let output, _): output
        case .programText: "the LP file"
        }
    }

    public var description: String {
        switch self {
        case .unencodable(let output, let problem): "cannot encode \(output): \(problem)"
        case .programText(let problem): "cannot write the programme as LP text: \(problem)"
        }
    }
}
