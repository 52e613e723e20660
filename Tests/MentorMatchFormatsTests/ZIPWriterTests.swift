import Foundation
@testable import MentorMatchFormats
import MentorMatchCore
import Testing
import ZIPFoundation

/// The ZIP writer behind `.xlsx` workbooks: what it writes, ZIPFoundation (an independent reader that checks every
/// CRC-32) and the workbook reader's own ``ZIPArchive`` read back byte for byte, and the same entries give the same
/// bytes.
struct ZIPWriterTests {
    private static let contents: [(name: String, bytes: [UInt8])] = {
        var random = SplitMix64(seed: 5)
        return [
            ("[Content_Types].xml", Array(#"<?xml version="1.0"?><Types/>"#.utf8)),
            ("xl/empty.xml", []),
            ("Pāri/ļoti.txt", Array(String(repeating: "Suntaži, Ogre; Ķegums\n", count: 20_000).utf8)),
            ("random.bin", (0..<200_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }),
        ]
    }()

    private func archive() throws -> Data {
        try ZIPWriter.archive(Self.contents.map { name, bytes in ZIPWriter.Entry(name: name) { bytes } })
    }

    @Test func zipFoundationReadsEveryEntryBack() throws {
        let archive = try Archive(data: try archive(), accessMode: .read)
        var read: [String: [UInt8]] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            read[entry.path] = Array(data)
            #expect(entry.type == .file)
        }
        #expect(read.count == Self.contents.count)
        for (name, bytes) in Self.contents { #expect(read[name] == bytes, "\(name)") }
    }

    @Test func theWorkbookReadersZIPLayerReadsEveryEntryBack() throws {
        let data = try archive()
        let archive = try ZIPArchive(data)
        #expect(archive.entries.map(\.name) == Self.contents.map(\.name))
        #expect(archive.entries.map(\.method) == [8, 8, 8, 8])
        for (name, bytes) in Self.contents { #expect(try archive.contents(of: name, limit: 1_000_000).map(Array.init) == bytes) }
        // Text deflates: the repeated line to a small fraction of its 480 kB.
        #expect(data.count < 250_000)
        #expect(try self.archive() == data)
    }
}
