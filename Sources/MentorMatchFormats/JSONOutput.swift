import Foundation

/// The one JSON style of every file MentorMatch writes: pretty, with sorted keys, so output is stable and diffable.
enum JSONOutput {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` in that style, with a final newline: the bytes of ``encoder()``, written by ``PrettyJSONEncoder``
    /// (a fraction of Foundation's time and memory), or by Foundation for a type that ``PrettyJSONEncoder`` does not
    /// follow.
    /// - Throws: ``FormatError`` naming `output` (a value with a non-finite number cannot be encoded).
    static func data(_ value: some Encodable, output: String) throws(FormatError) -> Data {
        do {
            do {
                return try PrettyJSONEncoder.encode(value, lineEnd: true)
            } catch is PrettyJSONEncoder.Misuse {
                return try encoder().encode(value) + Data("\n".utf8)
            }
        } catch {
            throw .unencodable(output: output, problem: "\(error)")
        }
    }
}
