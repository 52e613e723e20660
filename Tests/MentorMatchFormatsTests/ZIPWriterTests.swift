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

    /// A sheet is handed to the compressor in pieces of any size: read back, the entry is its bytes in order.
    @Test func anEntryWrittenInPiecesReadsBackWhole() throws {
        var random = SplitMix64(seed: 9)
        let bytes = Array(String(repeating: "<row r=\"1\"><c r=\"A1\"><v>0.615</v></c></row>", count: 40_000).utf8)
            + (0..<300_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        var cuts = [0]
        while let last = cuts.last, last < bytes.count { cuts.append(min(bytes.count, last + random.int(in: 0...70_000))) }
        let pieces = zip(cuts, cuts.dropFirst()).map { Array(bytes[$0..<$1]) }
        let entry = ZIPWriter.Entry(name: "xl/worksheets/sheet1.xml") { deflater in
            for piece in pieces { piece.withUnsafeBufferPointer { deflater.append($0) } }
        }
        let data = try ZIPWriter.archive([entry])
        #expect(try ZIPArchive(data).contents(of: "xl/worksheets/sheet1.xml", limit: 10_000_000).map(Array.init) == bytes)
        let archive = try Archive(data: data, accessMode: .read)
        var read = Data()
        for entry in archive { _ = try archive.extract(entry) { read.append($0) } }
        #expect(Array(read) == bytes)
    }
}
