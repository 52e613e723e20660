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

    /// ``data(_:output:)``'s bytes streamed into the file `output` of `destination` as they are made, so that a
    /// national `result.json` is never held whole; where the fast encoder has to start again (see
    /// ``PrettyJSONEncoder/Restart``), the file is written again from memory.
    /// - Throws: ``FormatError`` naming `output`.
    static func write(_ value: some Encodable, output: String, to destination: any OutputDestination) throws(FormatError) {
        try destination.stream(output) { sink throws(FormatError) in
            do {
                try PrettyJSONEncoder.encode(value, lineEnd: true, to: sink)
                return
            } catch is PrettyJSONEncoder.Misuse {
            } catch is PrettyJSONEncoder.Restart {
            } catch {
                throw .unencodable(output: output, problem: "\(error)")
            }
            sink.restart()
            let whole = try data(value, output: output)
            whole.withUnsafeBytes { sink.write($0.bindMemory(to: UInt8.self)) }
        }
    }
}
