import CSystemZlib
import Foundation

/// A ZIP archive read from memory, as an `.xlsx` workbook is one: the end record, the central directory and each
/// entry's local header, every offset and length checked against the bytes there are before it is used.
///
/// Only what workbooks use is read: one disk, no ZIP64, no encryption, entries stored or deflated. An entry is
/// inflated by zlib with its input bounded by the compressed size and its output by the declared size and a limit,
/// then checked against its CRC-32, so that damaged or hostile bytes end in a ``Problem``, never in a hang, a trap or
/// exhausted memory.
struct ZIPArchive {
    /// An entry of the central directory.
    struct Entry: Hashable {
        var name: String
        var method: UInt16
        var checksum: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// Why the archive, or one of its entries, cannot be read.
    enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// No end-of-central-directory record: not a ZIP archive, or one cut short.
        case noDirectory
        /// The structure does not add up; the text says what.
        case damaged(String)
        case zip64
        case multiDisk
        case encrypted(entry: String)
        case unsupportedMethod(entry: String, method: UInt16)
        /// The entry declares that it unpacks to more than `limit` bytes (one that unpacks to more than it declares
        /// is damaged).
        case tooLarge(entry: String, limit: Int)

        var description: String {
            switch self {
            case .noDirectory: "it has no ZIP directory at its end (it is cut short, or not a ZIP file)"
            case .damaged(let what): what
            case .zip64: "it is a ZIP64 archive, which no workbook needs"
            case .multiDisk: "it is one part of an archive split across several files"
            case .encrypted(let entry): "its part \(entry) is encrypted"
            case .unsupportedMethod(let entry, let method):
                "its part \(entry) is compressed by method \(method) (only 0, stored, and 8, deflate, are read)"
            case .tooLarge(let entry, let limit): "its part \(entry) unpacks to more than \(limit / 1_048_576) MB"
            }
        }
    }

    /// The entries in the directory's order.
    let entries: [Entry]
    private let bytes: Data
    private let positions: [String: Int]
    /// Where the central directory starts: every entry's data lies before it.
    private let directoryOffset: Int

    private enum Signature {
        static let localHeader: UInt32 = 0x0403_4B50
        static let directoryHeader: UInt32 = 0x0201_4B50
        static let end: UInt32 = 0x0605_4B50
        static let zip64EndLocator: UInt32 = 0x0706_4B50
    }

    private static let endRecordSize = 22
    private static let directoryHeaderSize = 46
    private static let localHeaderSize = 30

    /// Reads the end record and the central directory (entries are unpacked by ``contents(of:limit:)``).
    init(_ data: Data) throws(Problem) {
        // Offsets below count from 0 whatever the slice.
        bytes = data.startIndex == 0 ? data : Data(data)
        let reader = ByteReader(bytes: bytes)
        let end = try Self.endRecordOffset(reader)
        if end >= 20, try reader.uint32(end - 20) == Signature.zip64EndLocator { throw .zip64 }
        let disk = try reader.uint16(end + 4), directoryDisk = try reader.uint16(end + 6)
        let entriesHere = try reader.uint16(end + 8), entryCount = try reader.uint16(end + 10)
        let directorySize = Int(try reader.uint32(end + 12)), offset = Int(try reader.uint32(end + 16))
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || offset == 0xFFFF_FFFF { throw .zip64 }
        guard disk == 0, directoryDisk == 0, entriesHere == entryCount else { throw .multiDisk }
        guard offset + directorySize <= end else { throw .damaged("its directory lies outside the file") }
        guard Int(entryCount) * Self.directoryHeaderSize <= directorySize else {
            throw .damaged("its directory is too short for the \(entryCount) parts it lists")
        }
        directoryOffset = offset
        var entries: [Entry] = []
        var positions: [String: Int] = [:]
        var position = offset
        let directoryEnd = offset + directorySize
        for _ in 0..<entryCount {
            let entry = try Self.directoryEntry(reader, at: &position, end: directoryEnd, dataEnd: offset)
            guard positions[entry.name] == nil else { throw .damaged("it lists the part \(entry.name) twice") }
            positions[entry.name] = entries.count
            entries.append(entry)
        }
        self.entries = entries
        self.positions = positions
    }

    /// The last end record whose comment fits in the file (a comment may itself hold the signature).
    private static func endRecordOffset(_ reader: ByteReader) throws(Problem) -> Int {
        let count = reader.bytes.count
        guard count >= endRecordSize else { throw .noDirectory }
        var candidate = count - endRecordSize
        let lowest = max(0, candidate - 0xFFFF)
        while candidate >= lowest {
            if try reader.uint32(candidate) == Signature.end,
                candidate + endRecordSize + Int(try reader.uint16(candidate + 20)) <= count {
                return candidate
            }
            candidate -= 1
        }
        throw .noDirectory
    }

    /// The directory header at `position`, which moves past it.
    private static func directoryEntry(
        _ reader: ByteReader, at position: inout Int, end: Int, dataEnd: Int
    ) throws(Problem) -> Entry {
        let header = position
        guard header + directoryHeaderSize <= end, try reader.uint32(header) == Signature.directoryHeader else {
            throw .damaged("its directory is damaged")
        }
        let flags = try reader.uint16(header + 8), method = try reader.uint16(header + 10)
        let checksum = try reader.uint32(header + 16)
        let compressedSize = Int(try reader.uint32(header + 20)), uncompressedSize = Int(try reader.uint32(header + 24))
        let nameLength = Int(try reader.uint16(header + 28)), extraLength = Int(try reader.uint16(header + 30))
        let commentLength = Int(try reader.uint16(header + 32)), startDisk = try reader.uint16(header + 34)
        let localHeaderOffset = Int(try reader.uint32(header + 42))
        position = header + directoryHeaderSize + nameLength + extraLength + commentLength
        guard position <= end else { throw .damaged("its directory is damaged") }
        let nameStart = header + directoryHeaderSize
        guard let name = String(validating: reader.bytes[nameStart..<nameStart + nameLength], as: UTF8.self) else {
            throw .damaged("the name of one of its parts is not UTF-8")
        }
        // Bit 0: encrypted; bit 6: strong encryption; method 99: AES.
        if flags & 0x0041 != 0 || method == 99 { throw .encrypted(entry: name) }
        if compressedSize == 0xFFFF_FFFF || uncompressedSize == 0xFFFF_FFFF || localHeaderOffset == 0xFFFF_FFFF
            || startDisk == 0xFFFF {
            throw .zip64
        }
        guard startDisk == 0 else { throw .multiDisk }
        guard localHeaderOffset + localHeaderSize <= dataEnd else {
            throw .damaged("its part \(name) lies outside the file")
        }
        return Entry(name: name, method: method, checksum: checksum, compressedSize: compressedSize,
                     uncompressedSize: uncompressedSize, localHeaderOffset: localHeaderOffset)
    }

    /// The unpacked bytes of the entry `name`, or `nil` when the archive has none.
    /// - Throws: ``Problem/tooLarge(entry:limit:)`` when it declares more than `limit` bytes, and another ``Problem``
    ///   when it cannot be read, unpacks to other than it declares or fails its checksum.
    func contents(of name: String, limit: Int) throws(Problem) -> Data? {
        guard let position = positions[name] else { return nil }
        let entry = entries[position]
        guard entry.uncompressedSize <= limit else { throw .tooLarge(entry: name, limit: limit) }
        let reader = ByteReader(bytes: bytes)
        let header = entry.localHeaderOffset
        guard try reader.uint32(header) == Signature.localHeader else {
            throw .damaged("its part \(name) is not where its directory says")
        }
        let nameLength = Int(try reader.uint16(header + 26)), extraLength = Int(try reader.uint16(header + 28))
        let nameStart = header + Self.localHeaderSize
        let start = nameStart + nameLength + extraLength
        // The local header's own sizes may be zero (a data descriptor follows the data): the directory's are used.
        guard start + entry.compressedSize <= directoryOffset,
            bytes[nameStart..<nameStart + nameLength].elementsEqual(entry.name.utf8)
        else { throw .damaged("its part \(name) is damaged") }
        let stored = bytes[start..<start + entry.compressedSize]
        let unpacked: Data
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw .damaged("its part \(name) is damaged") }
            unpacked = Data(stored)
        case 8: unpacked = try Self.inflated(stored, entry: entry)
        default: throw .unsupportedMethod(entry: name, method: entry.method)
        }
        guard Self.crc32(unpacked) == entry.checksum else { throw .damaged("its part \(name) fails its checksum") }
        return unpacked
    }

    /// Raw deflate, in chunks, until the stream's last block: every call of `inflate` either takes input or gives
    /// output (or fails), and both are bounded, so that no damaged stream can loop.
    private static func inflated(_ input: Data, entry: Entry) throws(Problem) -> Data {
        let expected = entry.uncompressedSize
        let chunkSize = 65_536
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var stream = z_stream()
        guard mm_inflate_init_raw(&stream) == Z_OK else { throw .damaged("its part \(entry.name) cannot be unpacked") }
        defer { inflateEnd(&stream) }
        let failure: Problem? = input.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Problem? in
            // zlib never writes through next_in; its type is not const only for old compilers.
            stream.next_in = UnsafeMutablePointer(mutating: raw.bindMemory(to: UInt8.self).baseAddress)
            stream.avail_in = UInt32(raw.count)
            while true {
                let inputBefore = stream.avail_in
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, buffer.count - Int(stream.avail_out))
                }
                // The declared size is at most the limit: a stream that goes on past it is damaged (or a bomb).
                guard output.count + produced <= expected else {
                    return .damaged("its part \(entry.name) unpacks to more than the \(expected) bytes it declares")
                }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    return output.count == expected
                        ? nil : .damaged("its part \(entry.name) unpacks to fewer bytes than it declares")
                case Z_OK where produced > 0 || stream.avail_in < inputBefore: continue
                case Z_OK, Z_BUF_ERROR: return .damaged("the compressed data of its part \(entry.name) ends too soon")
                default: return .damaged("the compressed data of its part \(entry.name) is damaged")
                }
            }
        }
        if let failure { throw failure }
        return output
    }

    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw in
            UInt32(truncatingIfNeeded: crc32_z(0, raw.bindMemory(to: UInt8.self).baseAddress, raw.count))
        }
    }
}

/// Little-endian fields at offsets that are checked against the bytes there are.
private struct ByteReader {
    let bytes: Data

    func uint16(_ offset: Int) throws(ZIPArchive.Problem) -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { throw .damaged("it is cut short") }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    func uint32(_ offset: Int) throws(ZIPArchive.Problem) -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { throw .damaged("it is cut short") }
        return (0..<4).reduce(0) { value, index in value | UInt32(bytes[offset + index]) << (8 * index) }
    }
}
