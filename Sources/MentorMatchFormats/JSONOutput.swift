import Foundation

/// The one JSON style of every file MentorMatch writes: pretty, with sorted keys, so output is stable and diffable.
enum JSONOutput {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` in this style, followed by a line end: the bytes of ``encoder()``, written by ``PrettyJSONEncoder``
    /// (many times faster), or by Foundation for a type that ``PrettyJSONEncoder`` does not follow.
    /// - Throws: `EncodingError` when a number is not finite (JSON has no infinity or NaN).
    static func data(_ value: some Encodable) throws -> Data {
        do {
            return try PrettyJSONEncoder.encode(value, lineEnd: true)
        } catch is PrettyJSONEncoder.Misuse {
            return try encoder().encode(value) + Data("\n".utf8)
        }
    }
}
