import Foundation

/// The one JSON style of every file MentorMatch writes: pretty, with sorted keys, so output is stable and diffable.
enum JSONOutput {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
