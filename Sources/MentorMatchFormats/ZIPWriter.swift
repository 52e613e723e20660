import CSystemZlib
import Foundation
import MentorMatchCore

/// Writes a ZIP archive in memory, as an `.xlsx` workbook is one: every entry deflated by zlib, all entries at once on
/// all cores, with a fixed date so that the same entries give the same bytes.
///
/// What ``ZIPArchive`` reads, and no more: one disk, no ZIP64 (an entry or archive past 4 GB is refused), no
/// encryption. It replaced ZIPFoundation's writer, whose byte-by-byte checksums and copies took most of a national
/// run's workbook time.
enum ZIPWriter {
    struct Entry: Sendable {
        var name: String
        /// Writes the contents piece by piece into the deflater when the entry is packed, on whichever core packs
        /// it: a national sheet is never held whole before it is compressed.
        var write: @Sendable (Deflater) -> Void

        init(name: String, write: @escaping @Sendable (Deflater) -> Void) {
            self.name = name
            self.write = write
        }

        init(name: String, contents: @escaping @Sendable () -> [UInt8]) {
            self.init(name: name) { deflater in contents().withUnsafeBufferPointer { deflater.append($0) } }
        }
    }

    /// Why an archive cannot be written.
    enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case tooLarge(entry: String)
        case tooManyEntries
        case compression(entry: String, status: Int32)

        var description: String {
            switch self {
            case .tooLarge(let entry): "its part \(entry) would pass the 4 GB a ZIP archive without ZIP64 can hold"
            case .tooManyEntries: "it would hold more than 65,534 parts"
            case .compression(let entry, let status): "zlib could not compress its part \(entry) (status \(status))"
            }
        }
    }

    /// zlib's fastest level: a national workbook's sheets compress to within a fifth of the default level's size in
    /// a third of its time.
    static let compressionLevel: Int32 = 1

    /// 2000-01-01 00:00 in MS-DOS form (years since 1980 in bits 9–15, month in 5–8, day in 0–4).
    private static let dosDate: UInt16 = (2000 - 1980) << 9 | 1 << 5 | 1
    private static let dosTime: UInt16 = 0

    fileprivate struct Packed: Sendable {
        var deflated: Data
        var checksum: UInt32
        var size: Int
    }

    /// The archive's bytes: each entry's local header and deflated contents in order, then the central directory.
    static func archive(_ entries: [Entry]) throws(Problem) -> Data {
        guard entries.count < 0xFFFF else { throw .tooManyEntries }
        var parts: [Packed] = []
        for outcome in ConcurrentChunks.map(count: entries.count, { index in pack(entries[index]) }) {
            parts.append(try outcome.get())
        }
        var archive = Data()
        archive.reserveCapacity(parts.reduce(0) { total, part in total + part.deflated.count } + entries.count * 128)
        var directory = Data()
        for (entry, part) in zip(entries, parts) {
            let name = Array(entry.name.utf8)
            let offset = archive.count
            guard offset <= 0xFFFF_FFFE else { throw .tooLarge(entry: entry.name) }
            let common = header(part, name: name)
            archive.append(uint32: 0x0403_4B50)
            archive.append(contentsOf: common)
            archive.append(uint16: 0)  // no extra field
            archive.append(contentsOf: name)
            archive.append(contentsOf: part.deflated)
            directory.append(uint32: 0x0201_4B50)
            directory.append(uint16: 20)  // made by: MS-DOS, ZIP 2.0
            directory.append(contentsOf: common)
            for field: UInt16 in [0, 0, 0, 0] { directory.append(uint16: field) }  // extra, comment, disk, internal
            directory.append(uint32: 0)  // external attributes
            directory.append(uint32: UInt32(offset))
            directory.append(contentsOf: name)
        }
        let directoryOffset = archive.count
        guard directoryOffset + directory.count <= 0xFFFF_FFFE else { throw .tooLarge(entry: "directory") }
        archive.append(directory)
        archive.append(uint32: 0x0605_4B50)
        for field: UInt16 in [0, 0, UInt16(entries.count), UInt16(entries.count)] { archive.append(uint16: field) }
        archive.append(uint32: UInt32(directory.count))
        archive.append(uint32: UInt32(directoryOffset))
        archive.append(uint16: 0)  // no comment
        return archive
    }

    /// What the local header and the directory header share, from "version needed" to the name's length.
    private static func header(_ part: Packed, name: [UInt8]) -> Data {
        var fields = Data()
        fields.append(uint16: 20)  // version needed: deflate
        fields.append(uint16: 0x0800)  // flags: the name is UTF-8
        fields.append(uint16: 8)  // method: deflate
        fields.append(uint16: dosTime)
        fields.append(uint16: dosDate)
        fields.append(uint32: part.checksum)
        fields.append(uint32: UInt32(part.deflated.count))
        fields.append(uint32: UInt32(part.size))
        fields.append(uint16: UInt16(name.count))
        return fields
    }

    private static func pack(_ entry: Entry) -> Result<Packed, Problem> {
        let deflater = Deflater()
        entry.write(deflater)
        return deflater.finish(entry: entry.name)
    }

    /// One entry's raw deflate stream and checksum, fed in pieces of any size; used on one thread.
    final class Deflater {
        private var stream = z_stream()
        private let output = OutputBytes(capacity: 1 << 16)
        private var checksum: UInt = 0
        private var size = 0
        /// zlib's first failure; everything after it is ignored.
        private var status: Int32

        fileprivate init() {
            status = mm_deflate_init_raw(&stream, ZIPWriter.compressionLevel)
        }

        deinit { deflateEnd(&stream) }

        func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard status == Z_OK, let start = bytes.baseAddress, !bytes.isEmpty else { return }
            checksum = crc32_z(checksum, start, bytes.count)
            size += bytes.count
            // zlib takes at most 4 GB per call (a 32-bit count): larger pieces go in slices.
            var offset = 0
            while status == Z_OK, offset < bytes.count {
                let slice = min(bytes.count - offset, Self.largestSlice)
                // zlib never writes through next_in; its type is not const only for old compilers.
                stream.next_in = UnsafeMutablePointer(mutating: start + offset)
                stream.avail_in = UInt32(truncatingIfNeeded: slice)
                while status == Z_OK, stream.avail_in > 0 { run(Z_NO_FLUSH) }
                offset += slice
            }
        }

        private static let largestSlice = 1 << 30

        /// One call of `deflate` with room for a block of output.
        private func run(_ flush: Int32) {
            let room = 1 << 16
            output.appendProduced(upTo: room) { next in
                stream.next_out = next
                stream.avail_out = UInt32(room)
                // With room for output and input to take (or Z_FINISH), zlib answers Z_OK until Z_STREAM_END.
                status = deflate(&stream, flush)
                return room - Int(stream.avail_out)
            }
        }

        fileprivate func finish(entry: String) -> Result<Packed, Problem> {
            guard status == Z_OK else { return .failure(.compression(entry: entry, status: status)) }
            stream.next_in = nil
            stream.avail_in = 0
            while status == Z_OK { run(Z_FINISH) }
            guard status == Z_STREAM_END else { return .failure(.compression(entry: entry, status: status)) }
            // ZIP's sizes are 32-bit; 0xFFFFFFFF itself would announce ZIP64.
            guard size < 0xFFFF_FFFF, output.count < 0xFFFF_FFFF else { return .failure(.tooLarge(entry: entry)) }
            return .success(Packed(deflated: output.takeData(), checksum: UInt32(truncatingIfNeeded: checksum), size: size))
        }
    }
}

private extension Data {
    mutating func append(uint16 value: UInt16) {
        append(contentsOf: [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)])
    }

    mutating func append(uint32 value: UInt32) {
        append(contentsOf: (0..<4).map { shift in UInt8(truncatingIfNeeded: value >> (8 * shift)) })
    }
}
