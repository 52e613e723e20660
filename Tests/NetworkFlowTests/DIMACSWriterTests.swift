import Foundation
import NetworkFlow
import Testing

@Suite struct DIMACSWriterTests {
    private var tiny: FlowNetwork {
        var network = FlowNetwork()
        network.addNode(supply: 4)
        network.addNode()
        network.addNode(supply: -4)
        network.addArc(from: 0, to: 1, lower: 1, upper: 3, cost: -7)
        network.addArc(from: 1, to: 2, upper: 4, cost: 1_000_000)
        network.addArc(from: 0, to: 2, upper: 2147483647, cost: -1099511627776)
        return network
    }

    @Test func writesCommentsProblemNodesAndArcsOneBased() {
        #expect(
            DIMACSWriter.text(for: tiny, comments: ["MentorMatch flow", "", "two\nlines"]) == """
                c MentorMatch flow
                c
                c two
                c lines
                p min 3 3
                n 1 4
                n 3 -4
                a 1 2 1 3 -7
                a 2 3 0 4 1000000
                a 1 3 0 2147483647 -1099511627776

                """)
    }

    @Test func writesAnEmptyNetwork() {
        #expect(DIMACSWriter.text(for: FlowNetwork()) == "p min 0 0\n")
    }

    @Test func writesToAFileAsTheTextReadsReplacingWhatWasThere() throws {
        var large = tiny
        // Enough arcs to span several 1 MiB chunks.
        for arc in 0..<200_000 { large.addArc(from: arc % 3, to: (arc + 1) % 3, upper: arc, cost: Int64(-arc)) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dimacs-\(UUID().uuidString).min")
        defer { try? FileManager.default.removeItem(at: url) }
        try DIMACSWriter.write(large, comments: ["large"], to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == DIMACSWriter.text(for: large, comments: ["large"]))
        try DIMACSWriter.write(tiny, to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == DIMACSWriter.text(for: tiny))
    }

    @Test func reportsAnUnwritableFile() {
        let url = URL(fileURLWithPath: "/nonexistent-directory/network.min")
        #expect(throws: (any Error).self) { try DIMACSWriter.write(tiny, to: url) }
    }
}
