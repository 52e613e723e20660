import CSystemZlib
import Foundation
@testable import MentorMatchFormats

/// A ZIP archive built field by field, so that a test can damage exactly the field it means: local headers with
/// their data, the central directory, the end record. Offsets of the parts are kept for patching.
struct TestZIP {
    struct Member {
        var name: String
        var contents: Data
        var deflated = true
        /// Bit 11: the name is UTF-8.
        var flags: UInt16 = 0x0800
        /// Replaces the method the member is stored with (the bytes stay as `deflated` says).
        var method: UInt16?
        /// Replaces the uncompressed size in both headers.
        var declaredSize: UInt32?
        /// Replaces the stored bytes (after compression).
        var stored: Data?

        init(_ name: String, _ contents: Data, deflated: Bool = true) {
            self.name = name
            self.contents = contents
            self.deflated = deflated
        }
    }

    /// Where each part of the built archive starts.
    struct Layout {
        var localHeaders: [Int] = []
        var directoryHeaders: [Int] = []
        var endRecord = 0
    }

    var members: [Member]

    func data() -> Data { built().data }

    func built() -> (data: Data, layout: Layout) {
        var data = Data()
        var layout = Layout()
        var directory = Data()
        for member in members {
            let stored = member.stored ?? (member.deflated ? Self.deflated(member.contents) : member.contents)
            let name = Data(member.name.utf8)
            let fields = Fields(
                flags: member.flags, method: member.method ?? (member.deflated ? 8 : 0),
                checksum: ZIPArchive.crc32(member.contents), compressedSize: UInt32(stored.count),
                uncompressedSize: member.declaredSize ?? UInt32(member.contents.count), nameLength: UInt16(name.count))
            layout.localHeaders.append(data.count)
            layout.directoryHeaders.append(directory.count)
            directory.append(uint32: 0x0201_4B50)
            directory.append(uint16: 20)  // made by
            fields.append(to: &directory)
            directory.append(uint16: 0)  // comment length
            directory.append(uint16: 0)  // disk
            directory.append(uint16: 0)  // internal attributes
            directory.append(uint32: 0)  // external attributes
            directory.append(uint32: UInt32(data.count))
            directory.append(name)
            data.append(uint32: 0x0403_4B50)
            fields.append(to: &data)
            data.append(name)
            data.append(stored)
        }
        let directoryOffset = data.count
        layout.directoryHeaders = layout.directoryHeaders.map { $0 + directoryOffset }
        data.append(directory)
        layout.endRecord = data.count
        data.append(uint32: 0x0605_4B50)
        data.append(uint16: 0)
        data.append(uint16: 0)
        data.append(uint16: UInt16(members.count))
        data.append(uint16: UInt16(members.count))
        data.append(uint32: UInt32(directory.count))
        data.append(uint32: UInt32(directoryOffset))
        data.append(uint16: 0)  // comment length
        return (data, layout)
    }

    /// The fields local and directory headers share, from "version needed" to the extra field's length.
    private struct Fields {
        var flags: UInt16
        var method: UInt16
        var checksum: UInt32
        var compressedSize: UInt32
        var uncompressedSize: UInt32
        var nameLength: UInt16

        func append(to data: inout Data) {
            data.append(uint16: 20)  // version needed
            data.append(uint16: flags)
            data.append(uint16: method)
            data.append(uint16: 0)  // time
            data.append(uint16: 0x2821)  // date: 2000-01-01
            data.append(uint32: checksum)
            data.append(uint32: compressedSize)
            data.append(uint32: uncompressedSize)
            data.append(uint16: nameLength)
            data.append(uint16: 0)  // extra field length
        }
    }

    /// Raw deflate (no zlib header), as ZIP entries hold it, in one final block for small inputs.
    static func deflated(_ data: Data) -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return Data() }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(data.count))))
        let status = data.withUnsafeBytes { input in
            output.withUnsafeMutableBufferPointer { buffer in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(buffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        return status == Z_STREAM_END ? Data(output[0..<Int(stream.total_out)]) : Data()
    }
}

extension Data {
    mutating func append(uint16 value: UInt16) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)])
    }

    mutating func append(uint32 value: UInt32) {
        append(contentsOf: (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) })
    }

    /// The little-endian field at `offset` set to `value`.
    mutating func set(uint16 value: UInt16, at offset: Int) {
        self[offset] = UInt8(value & 0xFF)
        self[offset + 1] = UInt8(value >> 8)
    }

    mutating func set(uint32 value: UInt32, at offset: Int) {
        for index in 0..<4 { self[offset + index] = UInt8((value >> (8 * index)) & 0xFF) }
    }
}
