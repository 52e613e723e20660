import Foundation

/// Writes a ``FlowNetwork`` in the DIMACS minimum-cost flow format, as LEMON's `dimacs-solver`, CS2 and NetworkX
/// read it: a network for audits and for reproducing a solve outside MentorMatch.
///
/// Lines, in order: `c TEXT` per comment line, `p min NODES ARCS`, `n ID SUPPLY` per node with a nonzero supply,
/// `a TAIL HEAD LOW CAP COST` per arc in index order. Node ids are 1-based, so node `i` is written `i + 1`; a
/// positive supply enters the network, as in ``FlowNetwork/supplies``. The network is written as it is, valid or
/// not: ``FlowNetworkValidator`` is for the solvers.
///
/// Text is built as bytes, not by string interpolation per arc: ten million arcs (245 MB of text) take about 1.2 s in
/// a release build. For networks that large, ``write(_:comments:to:)`` keeps memory flat; ``text(for:comments:)``
/// holds the text twice while it makes the `String`.
public enum DIMACSWriter {
    /// The DIMACS text of `network`, preceded by `comments` (each of its lines becomes a `c` line).
    /// - Complexity: O(nodes + arcs).
    public static func text(for network: FlowNetwork, comments: [String] = []) -> String {
        var encoder = DIMACSEncoder(capacity: estimatedSize(of: network))
        encoder.encode(network, comments: comments, flushingAt: .max) { _ in }
        return String(decoding: encoder.bytes, as: UTF8.self)
    }

    /// Writes the DIMACS text of `network` to `url`, replacing any file there, in chunks of about 1 MiB so that the
    /// whole text is never held in memory.
    /// - Throws: the file system's error when the file cannot be created or written.
    public static func write(_ network: FlowNetwork, comments: [String] = [], to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        do {
            var encoder = DIMACSEncoder(capacity: chunkSize + maximumLineLength)
            try encoder.encode(network, comments: comments, flushingAt: chunkSize) { try handle.write(contentsOf: $0) }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
    }

    private static let chunkSize = 1 << 20
    /// `a`, five numbers of at most 20 characters each, spaces and a newline.
    private static let maximumLineLength = 2 + 5 * 21

    /// About 24 bytes per arc line: small ids, bounds and costs.
    private static func estimatedSize(of network: FlowNetwork) -> Int {
        64 + 16 * network.nodeCount + 24 * network.arcCount
    }
}

/// Accumulates DIMACS lines as UTF-8 bytes, handing them on whenever they reach a size.
private struct DIMACSEncoder {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Encodes everything, calling `flush` with the bytes so far each time they reach `threshold` and once at the end.
    mutating func encode(
        _ network: FlowNetwork, comments: [String], flushingAt threshold: Int, flush: ([UInt8]) throws -> Void
    ) rethrows {
        for comment in comments {
            for line in comment.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                append(line.isEmpty ? "c\n" : "c \(line)\n")
            }
        }
        append("p min \(network.nodeCount) \(network.arcCount)\n")
        for (node, supply) in network.supplies.enumerated() where supply != 0 {
            append("n \(node + 1) \(supply)\n")
            try flushIfFull(threshold, flush)
        }
        for arc in 0..<network.arcCount {
            bytes.append(UInt8(ascii: "a"))
            appendField(Int64(network.tails[arc]) + 1)
            appendField(Int64(network.heads[arc]) + 1)
            appendField(Int64(network.lowers[arc]))
            appendField(Int64(network.uppers[arc]))
            appendField(network.costs[arc])
            bytes.append(UInt8(ascii: "\n"))
            try flushIfFull(threshold, flush)
        }
        try flush(bytes)
    }

    private mutating func flushIfFull(_ threshold: Int, _ flush: ([UInt8]) throws -> Void) rethrows {
        guard bytes.count >= threshold else { return }
        try flush(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A space and the decimal digits of `value`, without building a `String`.
    private mutating func appendField(_ value: Int64) {
        bytes.append(UInt8(ascii: " "))
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var remainder = value.magnitude
        var divisor: UInt64 = 1
        while divisor <= remainder / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remainder / divisor))
            remainder %= divisor
            divisor /= 10
        } while divisor > 0
    }
}
