import Foundation
@testable import MentorMatchFormats
import Testing

/// The workbook reader's ZIP layer: what real writers write reads back; every damaged or unsupported field is a
/// ``ZIPArchive/Problem``, never a trap or a hang; the unpacked size is bounded however the stream lies.
struct ZIPArchiveTests {
    private static let text = Data(#"<sst xmlns="main"><si><t>Suntaži</t></si><si><t>Ogre</t></si></sst>"#.utf8)

    private static var twoMembers: TestZIP {
        TestZIP(members: [TestZIP.Member("xl/sharedStrings.xml", text), TestZIP.Member("Pāri/ļoti.txt", text, deflated: false)])
    }

    @Test func readsStoredAndDeflatedEntriesWithUTF8Names() throws {
        let archive = try ZIPArchive(Self.twoMembers.data())
        #expect(archive.entries.map(\.name) == ["xl/sharedStrings.xml", "Pāri/ļoti.txt"])
        #expect(archive.entries.map(\.method) == [8, 0])
        #expect(try archive.contents(of: "xl/sharedStrings.xml", limit: 1_000) == Self.text)
        #expect(try archive.contents(of: "Pāri/ļoti.txt", limit: 1_000) == Self.text)
        #expect(try archive.contents(of: "xl/missing.xml", limit: 1_000) == nil)
        // In a slice of a larger buffer, offsets still count from the archive's start.
        let inside = (Data([1, 2, 3]) + Self.twoMembers.data()).dropFirst(3)
        #expect(try ZIPArchive(inside).contents(of: "Pāri/ļoti.txt", limit: 1_000) == Self.text)
    }

    @Test func readsWhatTheWorkbookWriterWrites() throws {
        let table = WorkbookWriter.Table(name: "pairs", header: ["mentor_id", "mentee_id"],
                                         rows: (1...300).map { ["M\($0)", "Y\($0)"] })
        let archive = try ZIPArchive(WorkbookWriter.workbook([table], output: "result.xlsx"))
        #expect(archive.entries.map(\.name).contains("xl/worksheets/sheet1.xml"))
        let sheet = try #require(try archive.contents(of: "xl/worksheets/sheet1.xml", limit: 10_000_000))
        #expect(String(decoding: sheet, as: UTF8.self).contains(">Y300</t>"))
    }

    /// One field of a valid archive set to a value this reader refuses, and what it says.
    struct Damage: CustomTestStringConvertible, Sendable {
        var name: String
        var damage: @Sendable (inout Data, TestZIP.Layout) -> Void
        var problem: ZIPArchive.Problem

        var testDescription: String { name }
    }

    static let damages: [Damage] = [
        Damage(name: "cut short", damage: { data, _ in data.removeLast(10) }, problem: .noDirectory),
        Damage(name: "ZIP64 entry count", damage: { data, layout in
            data.set(uint16: 0xFFFF, at: layout.endRecord + 8)
            data.set(uint16: 0xFFFF, at: layout.endRecord + 10)
        }, problem: .zip64),
        Damage(name: "ZIP64 sizes of an entry", damage: { data, layout in
            data.set(uint32: 0xFFFF_FFFF, at: layout.directoryHeaders[0] + 24)
        }, problem: .zip64),
        Damage(name: "another disk", damage: { data, layout in data.set(uint16: 1, at: layout.endRecord + 4) },
               problem: .multiDisk),
        Damage(name: "encrypted", damage: { data, layout in data[layout.directoryHeaders[1] + 8] |= 1 },
               problem: .encrypted(entry: "Pāri/ļoti.txt")),
        Damage(name: "directory outside the file", damage: { data, layout in
            data.set(uint32: 0x00FF_FFFF, at: layout.endRecord + 16)
        }, problem: .damaged("its directory lies outside the file")),
        Damage(name: "more entries than the directory holds", damage: { data, layout in
            data.set(uint16: 40, at: layout.endRecord + 8)
            data.set(uint16: 40, at: layout.endRecord + 10)
        }, problem: .damaged("its directory is too short for the 40 parts it lists")),
        Damage(name: "a directory header's signature", damage: { data, layout in data[layout.directoryHeaders[1]] = 0 },
               problem: .damaged("its directory is damaged")),
        Damage(name: "a name longer than the directory", damage: { data, layout in
            data.set(uint16: 0xFFFF, at: layout.directoryHeaders[1] + 28)
        }, problem: .damaged("its directory is damaged")),
        Damage(name: "a name that is not UTF-8", damage: { data, layout in data[layout.directoryHeaders[0] + 46] = 0xFF },
               problem: .damaged("the name of one of its parts is not UTF-8")),
        Damage(name: "a local header past the data", damage: { data, layout in
            data.set(uint32: UInt32(layout.directoryHeaders[0]), at: layout.directoryHeaders[1] + 42)
        }, problem: .damaged("its part Pāri/ļoti.txt lies outside the file")),
    ]

    @Test("a damaged or unsupported archive is a problem", arguments: damages)
    func damagedArchive(_ damage: Damage) {
        var (data, layout) = Self.twoMembers.built()
        damage.damage(&data, layout)
        #expect(throws: damage.problem) { try ZIPArchive(data) }
    }

    static let damagedEntries: [Damage] = [
        Damage(name: "local signature", damage: { data, layout in data[layout.localHeaders[1]] = 0 },
               problem: .damaged("its part Pāri/ļoti.txt is not where its directory says")),
        Damage(name: "local name", damage: { data, layout in data[layout.localHeaders[1] + 30] = UInt8(ascii: "Q") },
               problem: .damaged("its part Pāri/ļoti.txt is damaged")),
        Damage(name: "compressed size past the directory", damage: { data, layout in
            data.set(uint32: 100_000, at: layout.directoryHeaders[1] + 20)
        }, problem: .damaged("its part Pāri/ļoti.txt is damaged")),
        Damage(name: "stored sizes that differ", damage: { data, layout in
            data.set(uint32: 3, at: layout.directoryHeaders[1] + 24)
        }, problem: .damaged("its part Pāri/ļoti.txt is damaged")),
        Damage(name: "checksum", damage: { data, layout in data[layout.directoryHeaders[1] + 16] ^= 0x10 },
               problem: .damaged("its part Pāri/ļoti.txt fails its checksum")),
        Damage(name: "a stored byte", damage: { data, layout in
            data[layout.localHeaders[1] + 30 + "Pāri/ļoti.txt".utf8.count + 5] ^= 0x20
        }, problem: .damaged("its part Pāri/ļoti.txt fails its checksum")),
        Damage(name: "method", damage: { data, layout in data.set(uint16: 12, at: layout.directoryHeaders[1] + 10) },
               problem: .unsupportedMethod(entry: "Pāri/ļoti.txt", method: 12)),
    ]

    @Test("a damaged entry is a problem when it is read", arguments: damagedEntries)
    func damagedEntry(_ damage: Damage) throws {
        var (data, layout) = Self.twoMembers.built()
        damage.damage(&data, layout)
        let archive = try ZIPArchive(data)
        #expect(throws: damage.problem) { try archive.contents(of: "Pāri/ļoti.txt", limit: 1_000) }
        #expect(try archive.contents(of: "xl/sharedStrings.xml", limit: 1_000) == Self.text)
    }

    @Test func aNameListedTwiceIsAProblem() {
        let data = TestZIP(members: [TestZIP.Member("a.xml", Self.text), TestZIP.Member("a.xml", Self.text)]).data()
        #expect(throws: ZIPArchive.Problem.damaged("it lists the part a.xml twice")) { try ZIPArchive(data) }
    }

    /// Streams that end before their last block, which made ZIPFoundation's inflate loop spin for ever when the
    /// file ended first (zlib waits for more input): a stored block, not the last, longer than the rest of the file;
    /// a last block not marked last; a stream cut short; and noise. Each is a problem at once.
    @Test func aDeflateStreamWithoutItsEndIsAProblemAtOnce() throws {
        let stream = TestZIP.deflated(Self.text)
        var notLast = stream
        notLast[0] &= 0xFE  // BFINAL of the only block
        let cases: [(Data, ZIPArchive.Problem)] = [
            (Data([0x00, 0xFF, 0xFF, 0x00, 0x00]) + stream, .damaged("the compressed data of its part a.xml ends too soon")),
            (notLast, .damaged("the compressed data of its part a.xml ends too soon")),
            (stream.prefix(stream.count / 2), .damaged("the compressed data of its part a.xml ends too soon")),
            (Data(repeating: 0xFF, count: 40), .damaged("the compressed data of its part a.xml is damaged")),
            (Data(), .damaged("the compressed data of its part a.xml ends too soon")),
        ]
        for (stored, problem) in cases {
            var member = TestZIP.Member("a.xml", Self.text)
            member.stored = stored
            let data = TestZIP(members: [member]).data()
            let outcome = finishing(within: 10) { () -> ZIPArchive.Problem? in
                do throws(ZIPArchive.Problem) {
                    _ = try ZIPArchive(data).contents(of: "a.xml", limit: 1_000)
                    return nil
                } catch {
                    return error
                }
            }
            #expect(outcome == .some(problem), "stored bytes \(Array(stored.prefix(4)))")
        }
    }

    /// 64 MB of zeros deflate to 64 KB: declared as 1 KB, inflating stops just past it; declared as 4 GB or as more
    /// than the limit, nothing is inflated.
    @Test func zipBombsAreRefused() throws {
        let zeros = Data(count: 64 * 1_048_576)
        let stream = TestZIP.deflated(zeros)
        #expect(stream.count < 100_000)
        func archive(declaring size: UInt32) throws -> ZIPArchive {
            var member = TestZIP.Member("xl/worksheets/sheet1.xml", zeros)
            member.stored = stream
            member.declaredSize = size
            return try ZIPArchive(TestZIP(members: [member]).data())
        }
        let name = "xl/worksheets/sheet1.xml"
        #expect(throws: ZIPArchive.Problem.damaged("its part \(name) unpacks to more than the 1024 bytes it declares")) {
            try archive(declaring: 1_024).contents(of: name, limit: Workbook.maximumPartBytes)
        }
        #expect(throws: ZIPArchive.Problem.tooLarge(entry: name, limit: Workbook.maximumPartBytes)) {
            try archive(declaring: 0xFFFF_FFFE).contents(of: name, limit: Workbook.maximumPartBytes)
        }
        #expect(throws: ZIPArchive.Problem.tooLarge(entry: name, limit: 1_048_576)) {
            try archive(declaring: UInt32(zeros.count)).contents(of: name, limit: 1_048_576)
        }
        // Declared truly and within the limit, it is only a large part.
        #expect(try archive(declaring: UInt32(zeros.count)).contents(of: name, limit: Workbook.maximumPartBytes) == zeros)
    }
}
