import Foundation
import MentorMatchCore

/// Encodes any `Encodable` value into exactly the bytes of Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and default strategies (``JSONOutput``), many times
/// faster and in a fraction of the memory.
///
/// Foundation builds a tree of boxed values and dictionaries first and serialises it afterwards; at national scale
/// (a 350 MB `result.json`) that tree costs more time than the whole solve. This encoder writes UTF-8 straight into
/// one growing buffer, following each type's own `encode(to:)` and `CodingKeys`, so it stays right whatever the
/// types say. Sorted keys need no tree: the members of an object are written in the order the type encodes them,
/// each at its final indentation, and when the object closes they are put in key order (UTF-8 byte order, as
/// Foundation sorts) with one copy of that object's bytes, and none where the type already encodes in key order.
///
/// A nested container (`nestedContainer(keyedBy:forKey:)` and friends) is closed as soon as its parent writes
/// again. A type that writes to a nested container after its parent wrote something else, which Foundation allows
/// and no synthesised `Codable` does, makes ``encode(_:)`` throw ``Misuse``; ``JSONOutput/data(_:output:)`` then falls
/// back to Foundation's encoder.
///
/// Written to a sink (``encode(_:lineEnd:to:)``), the long arrays of the top-level object go to the sink chunk by
/// chunk as they are made, so a national document is never held whole. What was sent cannot be put in key order
/// any more: an object that would need it (no type of a result does) makes the encoding throw ``Restart``.
struct PrettyJSONEncoder {
    /// A container was used after a sibling container was written.
    struct Misuse: Error {}

    /// Bytes already sent to the sink would have to change: the caller encodes again into memory.
    struct Restart: Error {}

    /// The JSON text of `value`, followed by a line end when `lineEnd` is true.
    /// - Throws: `EncodingError.invalidValue` for a number that is not finite (as Foundation does), ``Misuse``.
    static func encode<Value: Encodable>(_ value: Value, lineEnd: Bool = false) throws -> Data {
        let writer = PrettyJSONWriter()
        try writer.encodeValue(value, depth: 0)
        if lineEnd { writer.buffer.append(UInt8(ascii: "\n")) }
        return writer.buffer.takeData()
    }

    /// The same text written to `sink`.
    /// - Throws: as ``encode(_:lineEnd:)``, and ``Restart``; after a throw the sink holds part of the text.
    static func encode<Value: Encodable>(_ value: Value, lineEnd: Bool = false, to sink: any ByteSink) throws {
        let writer = PrettyJSONWriter(sink: sink)
        try writer.encodeValue(value, depth: 0)
        if lineEnd { writer.buffer.append(UInt8(ascii: "\n")) }
        writer.flush()
        if writer.needsRestart { throw Restart() }
    }
}

/// An integer key of an array element, for `codingPath`.
private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// A member's key, for `codingPath`.
private struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

/// The encoder behind ``PrettyJSONEncoder``: one writer, a stack of open containers. Used by one encoding on one
/// thread, so its stored properties skip the run-time exclusivity checks (see ``OutputBytes``).
final class PrettyJSONWriter: Encoder {
    let buffer = OutputBytes()
    /// Where the long arrays are sent as they are made; `nil`: everything stays in ``buffer``.
    private let sink: (any ByteSink)?
    /// Bytes already sent to the sink, before ``buffer``'s first.
    @exclusivity(unchecked) private var flushed = 0
    /// Something already sent would have to change (see ``PrettyJSONEncoder/Restart``).
    @exclusivity(unchecked) private(set) var needsRestart = false

    init(sink: (any ByteSink)? = nil) {
        self.sink = sink
    }

    /// Where the next byte goes in the whole text.
    private var position: Int { flushed + buffer.count }

    /// Sends the buffer to the sink, if there is one.
    func flush() {
        guard let sink, buffer.count > 0 else { return }
        sink.write(buffer.bytes)
        flushed += buffer.count
        buffer.truncate(to: 0)
    }

    /// Appends bytes made elsewhere (a chunk of a long array); sent on at once when there is a sink.
    private func appendMade(_ bytes: Data) {
        bytes.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let sink {
                flush()
                sink.write(bytes)
                flushed += bytes.count
            } else {
                buffer.append(bytes)
            }
        }
    }
    /// Built on demand from the open frames: every member and element would otherwise pay for keeping it.
    var codingPath: [any CodingKey] { path(through: frames.count - 1) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    fileprivate enum Kind { case pending, keyed, unkeyed, single }

    /// An open JSON value: a container, or a value whose `encode(to:)` has not asked for one yet.
    private struct Frame {
        var kind: Kind
        /// Indentation level of the value's closing bracket.
        var depth: Int
        /// Elements or members written so far.
        var count = 0
        /// Where this object's members start in ``PrettyJSONWriter/members``.
        var firstMember: Int
        /// Every member so far came after the one before in key order.
        var inKeyOrder = true
        /// Tells a container that outlived its frame from the frame now at its index.
        var identity: Int
    }

    /// One written member of an open object: its key and where its bytes (indent, key and value) start in the whole
    /// text.
    private struct Member {
        var key: String
        var start: Int
    }

    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var members: [Member] = []
    @exclusivity(unchecked) private var nextIdentity = 0
    /// Where an object's members are put in key order.
    private let scratch = OutputBytes()
    /// Key orders found before: objects of one type encode the same keys in the same order, so each order is sorted once.
    @exclusivity(unchecked) private var keyOrders: [(keys: [String], order: [Int])] = []
    /// The frame whose `encode(to:)` is running: the one `container(keyedBy:)` and friends answer for.
    @exclusivity(unchecked) private var currentValueFrame = -1
    /// Objects whose members had to be put in key order: none where every type encodes in key order.
    @exclusivity(unchecked) private(set) var reorderedObjects = 0

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        container(keyedBy: type, frame: currentValueFrame)
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { unkeyedContainer(frame: currentValueFrame) }

    func singleValueContainer() -> any SingleValueEncodingContainer { singleValueContainer(frame: currentValueFrame) }

    fileprivate func container<Key: CodingKey>(keyedBy type: Key.Type, frame index: Int) -> KeyedEncodingContainer<Key> {
        if frames.indices.contains(index), frames[index].kind == .pending {
            closeFrames(above: index)
            frames[index].kind = .keyed
            frames[index].firstMember = members.count
            buffer.append("{\n")
        }
        return KeyedEncodingContainer(PrettyKeyedContainer<Key>(writer: self, frame: index, identity: identity(of: index)))
    }

    fileprivate func unkeyedContainer(frame index: Int) -> any UnkeyedEncodingContainer {
        if frames.indices.contains(index), frames[index].kind == .pending {
            closeFrames(above: index)
            frames[index].kind = .unkeyed
            buffer.append("[\n")
        }
        return PrettyUnkeyedContainer(writer: self, frame: index, identity: identity(of: index))
    }

    fileprivate func singleValueContainer(frame index: Int) -> any SingleValueEncodingContainer {
        if frames.indices.contains(index), frames[index].kind == .pending { frames[index].kind = .single }
        return PrettySingleValueContainer(writer: self, frame: index, identity: identity(of: index))
    }

    private func identity(of index: Int) -> Int { frames.indices.contains(index) ? frames[index].identity : -1 }

    // MARK: Frames

    private func openFrame(depth: Int) -> Int {
        nextIdentity += 1
        frames.append(Frame(kind: .pending, depth: depth, firstMember: members.count, identity: nextIdentity))
        return frames.count - 1
    }

    /// Closes the frames opened after `index` (nested containers its value wrote earlier).
    private func closeFrames(above index: Int) {
        while frames.count > index + 1 { closeTopFrame() }
    }

    /// The keys from the top-level value down to the value of frame `index`.
    private func path(through index: Int) -> [any CodingKey] {
        guard index >= 1 else { return [] }
        return (1...index).compactMap { level in
            let parent = frames[level - 1]
            switch parent.kind {
            case .keyed:
                let member = frames[level].firstMember - 1
                return members.indices.contains(member) ? PathKey(stringValue: members[member].key) : nil
            case .unkeyed: return IndexKey(intValue: parent.count - 1)
            case .pending, .single: return nil
            }
        }
    }

    /// The path of the member or element being written in the top frame.
    private var itemPath: [any CodingKey] {
        guard let top = frames.last else { return [] }
        let item: (any CodingKey)? = switch top.kind {
        case .keyed: members.last.map { PathKey(stringValue: $0.key) }
        case .unkeyed: IndexKey(intValue: top.count - 1)
        case .pending, .single: nil
        }
        return codingPath + (item.map { [$0] } ?? [])
    }

    private func closeTopFrame() {
        guard let frame = frames.popLast() else { return }
        switch frame.kind {
        case .pending:
            // A value that encodes nothing is an empty object, as with Foundation.
            buffer.append("{\n\n")
            buffer.appendIndent(frame.depth)
            buffer.append(UInt8(ascii: "}"))
        case .single:
            break
        case .unkeyed:
            buffer.append(UInt8(ascii: "\n"))
            buffer.appendIndent(frame.depth)
            buffer.append(UInt8(ascii: "]"))
        case .keyed:
            if !frame.inKeyOrder {
                putMembersInKeyOrder(from: frame.firstMember)
                reorderedObjects += 1
            }
            members.removeSubrange(frame.firstMember...)
            buffer.append(UInt8(ascii: "\n"))
            buffer.appendIndent(frame.depth)
            buffer.append(UInt8(ascii: "}"))
        }
    }

    /// Rewrites the members from `first` on in key order (the last one wins where a key repeats, as in
    /// Foundation's dictionary), joined by `,\n`.
    private func putMembersInKeyOrder(from first: Int) {
        let last = members.count
        guard first < last else { return }
        let regionStart = members[first].start
        let regionEnd = position
        guard regionStart >= flushed else {
            needsRestart = true
            return
        }
        scratch.truncate(to: 0)
        scratch.append(UnsafeBufferPointer(start: buffer.base + (regionStart - flushed), count: regionEnd - regionStart))
        let order = keyOrder(from: first)
        buffer.truncate(to: regionStart - flushed)
        for (offset, position) in order.enumerated() {
            if offset > 0 { buffer.append(",\n") }
            // A member's bytes end two bytes (",\n") before the next one starts, the last one at the region's end.
            let start = members[first + position].start - regionStart
            let end = (first + position + 1 < last ? members[first + position + 1].start - 2 : regionEnd) - regionStart
            buffer.append(UnsafeBufferPointer(start: scratch.base + start, count: end - start))
        }
    }

    /// The positions of the members from `first` on in key order, each key once (its last member).
    private func keyOrder(from first: Int) -> [Int] {
        let count = members.count - first
        for known in keyOrders where known.keys.count == count
            && known.keys.indices.allSatisfy({ known.keys[$0] == members[first + $0].key }) {
            return known.order
        }
        let keys = members[first...].map(\.key)
        let sorted = keys.indices.sorted { left, right in
            Self.precedes(keys[left], keys[right]) || (keys[left] == keys[right] && left < right)
        }
        let order = sorted.indices.filter { offset in
            offset + 1 == sorted.count || keys[sorted[offset + 1]] != keys[sorted[offset]]
        }.map { sorted[$0] }
        // A dictionary's keys differ from object to object: only a few orders are kept.
        if keyOrders.count >= 32 { keyOrders.removeFirst() }
        keyOrders.append((keys, order))
        return order
    }

    /// Foundation's key order: UTF-8 bytes compared one by one, a prefix first.
    static func precedes(_ left: String, _ right: String) -> Bool {
        var left = left, right = right
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                guard let leftStart = leftBytes.baseAddress, let rightStart = rightBytes.baseAddress else {
                    return leftBytes.count < rightBytes.count
                }
                let order = memcmp(leftStart, rightStart, min(leftBytes.count, rightBytes.count))
                return order < 0 || (order == 0 && leftBytes.count < rightBytes.count)
            }
        }
    }

    /// Checks that the container for `index` is still open and of `kind`, and closes the nested containers above it.
    fileprivate func resume(frame index: Int, identity: Int, kind: Kind) throws {
        guard frames.indices.contains(index), frames[index].identity == identity, frames[index].kind == kind else {
            throw PrettyJSONEncoder.Misuse()
        }
        closeFrames(above: index)
    }

    fileprivate func resumeSingleValue(frame index: Int, identity: Int) throws {
        try resume(frame: index, identity: identity, kind: .single)
    }

    /// Starts the next member of the object at `index`: separator, indentation, key.
    fileprivate func beginMember(_ key: some CodingKey, frame index: Int, identity: Int) throws {
        try resume(frame: index, identity: identity, kind: .keyed)
        let name = key.stringValue
        if frames[index].count > 0 {
            buffer.append(",\n")
            if let previous = members.last, frames[index].inKeyOrder, !Self.precedes(previous.key, name) {
                frames[index].inKeyOrder = false
            }
        }
        frames[index].count += 1
        members.append(Member(key: name, start: position))
        buffer.appendIndent(frames[index].depth + 1)
        writeString(name)
        buffer.append(" : ")
    }

    /// Starts the next element of the array at `index`: separator and indentation.
    fileprivate func beginElement(frame index: Int, identity: Int) throws {
        try resume(frame: index, identity: identity, kind: .unkeyed)
        if frames[index].count > 0 { buffer.append(",\n") }
        frames[index].count += 1
        buffer.appendIndent(frames[index].depth + 1)
    }

    fileprivate func depth(of index: Int) -> Int { frames.indices.contains(index) ? frames[index].depth : 0 }

    fileprivate func count(of index: Int) -> Int { frames.indices.contains(index) ? frames[index].count : 0 }

    /// A nested container's frame: opened for the member or element just begun, closed when its parent goes on.
    fileprivate func openNestedFrame(depth: Int) -> Int { openFrame(depth: depth) }

    /// The encoder for `superEncoder()`: a value frame for the member or element just begun.
    fileprivate func superEncoder(depth: Int) -> any Encoder {
        PrettyReferencingEncoder(writer: self, frame: openFrame(depth: depth))
    }

    // MARK: Values

    /// Writes `value` at indentation `depth`, through the type's own `encode(to:)` unless it is a JSON primitive or
    /// one of the types Foundation's encoder treats specially by default (`Data` as Base64, `URL` as its absolute
    /// string, `Decimal` as a number).
    func encodeValue<Value: Encodable>(_ value: Value, depth: Int) throws {
        // Comparing types costs far less than a dynamic cast, which every array element would pay.
        if Value.self == String.self, let string = value as? String {
            writeString(string)
        } else if Value.self == Int.self, let number = value as? Int {
            writeInteger(number)
        } else if Value.self == Double.self, let number = value as? Double {
            try writeFloat(number)
        } else if Value.self == Bool.self, let flag = value as? Bool {
            buffer.append(flag ? "true" : "false")
        } else if Value.self == Data.self, let data = value as? Data {
            writeString(data.base64EncodedString())
        } else if Value.self == URL.self, let url = value as? URL {
            writeString(url.absoluteString)
        } else if Value.self == Decimal.self, let decimal = value as? Decimal {
            buffer.append(decimal.description)
        } else if depth <= 1, let array = value as? any ConcurrentlyEncodableArray, array.count >= Self.concurrentElements {
            // The long lists of a result (its pairs, alternatives, unmatched) are members of the top-level object:
            // the cast is tried only there, where it costs nothing, and the elements are written on all cores.
            let start = buffer.count, flushedBefore = flushed
            buffer.append("[\n")
            if writeInChunks(array, depth: depth + 1) {
                buffer.append(UInt8(ascii: "\n"))
                buffer.appendIndent(depth)
                buffer.append(UInt8(ascii: "]"))
            } else {
                // An element failed: written one by one, it reports the failure with its full coding path.
                if flushed == flushedBefore { buffer.truncate(to: start) } else { needsRestart = true }
                try encodeContainer(value, depth: depth)
            }
        } else {
            try encodeContainer(value, depth: depth)
        }
    }

    /// Writes `value` through its own `encode(to:)`.
    private func encodeContainer<Value: Encodable>(_ value: Value, depth: Int) throws {
        let index = openFrame(depth: depth)
        let outer = currentValueFrame
        currentValueFrame = index
        defer { currentValueFrame = outer }
        try value.encode(to: self)
        if index == 0, frames[0].kind == .pending {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Top-level \(Value.self) did not encode any values."))
        }
        while frames.count > index { closeTopFrame() }
    }

    func writeInteger(_ value: some BinaryInteger) {
        if let small = Int64(exactly: value) {
            writeInt64(small)
        } else {
            buffer.append(String(value))
        }
    }

    private func writeInt64(_ value: Int64) {
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            var position = raw.count
            repeat {
                position -= 1
                raw[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                position -= 1
                raw[position] = UInt8(ascii: "-")
            }
            let bytes = raw.bindMemory(to: UInt8.self)
            buffer.append(UnsafeBufferPointer(rebasing: bytes[position...]))
        }
    }

    /// Foundation's number text: the shortest round-tripping description, without a trailing `.0`.
    func writeFloat<Number: BinaryFloatingPoint & CustomStringConvertible>(_ value: Number) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: itemPath,
                                                          debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        buffer.append(text)
    }

    /// A quoted JSON string with Foundation's escapes: `"`, `\`, and control characters; `/` and non-ASCII as they are.
    func writeString(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            buffer.append(UInt8(ascii: "\""))
            var runStart = 0
            for (position, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                buffer.append(UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                runStart = position + 1
                switch byte {
                case UInt8(ascii: "\""): buffer.append("\\\"")
                case UInt8(ascii: "\\"): buffer.append("\\\\")
                case 0x08: buffer.append("\\b")
                case 0x0C: buffer.append("\\f")
                case 0x0A: buffer.append("\\n")
                case 0x0D: buffer.append("\\r")
                case 0x09: buffer.append("\\t")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    buffer.append("\\u00")
                    buffer.append(hex.utf8Start[Int(byte >> 4)])
                    buffer.append(hex.utf8Start[Int(byte & 0x0F)])
                }
            }
            buffer.append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
            buffer.append(UInt8(ascii: "\""))
        }
    }

}

extension PrettyJSONWriter {
    /// Arrays of at least this many elements are written in chunks on all cores.
    static let concurrentElements = 4_096

    /// Elements per chunk of a long array: a chunk of explanations is a few megabytes.
    static let chunkElements = 1_024

    /// Writes the elements, each indented for `depth` and separated by `,\n`, in chunks made on all cores and
    /// appended (or sent to the sink) in order as they are made; `false` when an element fails, so that the caller
    /// writes them one by one and reports the failure (with its full coding path) as it would have.
    private func writeInChunks(_ array: any ConcurrentlyEncodableArray, depth: Int) -> Bool {
        let count = array.count
        let shared = ReadOnly(array: array)
        let target = Target(writer: self)
        ConcurrentChunks.inOrder(count: (count + Self.chunkElements - 1) / Self.chunkElements, produce: { chunk in
            shared.array.elementBytes(chunk * Self.chunkElements..<min(count, (chunk + 1) * Self.chunkElements), depth: depth)
        }, consume: { chunk, bytes in
            guard let bytes, !target.failed else {
                target.failed = true
                return
            }
            if chunk > 0 { target.writer.buffer.append(",\n") }
            target.writer.appendMade(bytes)
        })
        return !target.failed
    }

    /// The writer as the chunks' consumer sees it: ``ConcurrentChunks/inOrder(count:produce:consume:)`` calls it one
    /// chunk at a time, in order, while the encoding that owns the writer waits.
    private final class Target: @unchecked Sendable {
        let writer: PrettyJSONWriter
        var failed = false

        init(writer: PrettyJSONWriter) { self.writer = writer }
    }

    /// An array shared by the writers of its chunks, which only read it while the encoding that owns it waits.
    private struct ReadOnly: @unchecked Sendable {
        let array: any ConcurrentlyEncodableArray
    }
}

/// An array whose elements can be written by separate writers, chunk by chunk, and joined.
protocol ConcurrentlyEncodableArray {
    var count: Int { get }
    /// The JSON of the elements in `range`, each indented for `depth`, separated by `,\n`; `nil` when one fails.
    func elementBytes(_ range: Range<Int>, depth: Int) -> Data?
}

extension Array: ConcurrentlyEncodableArray where Element: Encodable {
    func elementBytes(_ range: Range<Int>, depth: Int) -> Data? {
        let writer = PrettyJSONWriter()
        do {
            for index in range {
                if index > range.lowerBound { writer.buffer.append(",\n") }
                writer.buffer.appendIndent(depth)
                try writer.encodeValue(self[index], depth: depth)
            }
        } catch {
            return nil
        }
        return writer.buffer.takeData()
    }
}

/// The `Encoder` of a `superEncoder()` call: its containers belong to the frame opened for it.
private final class PrettyReferencingEncoder: Encoder {
    let writer: PrettyJSONWriter
    let frame: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(writer: PrettyJSONWriter, frame: Int) {
        self.writer = writer
        self.frame = frame
        codingPath = writer.codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.container(keyedBy: type, frame: frame)
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { writer.unkeyedContainer(frame: frame) }

    func singleValueContainer() -> any SingleValueEncodingContainer { writer.singleValueContainer(frame: frame) }
}

private struct PrettyKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: PrettyJSONWriter
    let frame: Int
    let identity: Int

    var codingPath: [any CodingKey] { writer.codingPath }

    private func member(_ key: Key, _ write: () throws -> Void) throws {
        try writer.beginMember(key, frame: frame, identity: identity)
        try write()
    }

    mutating func encodeNil(forKey key: Key) throws { try member(key) { writer.buffer.append("null") } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try member(key) { writer.buffer.append(value ? "true" : "false") } }
    mutating func encode(_ value: String, forKey key: Key) throws { try member(key) { writer.writeString(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { try member(key) { try writer.writeFloat(value) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { try member(key) { try writer.writeFloat(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        let depth = writer.depth(of: frame) + 1
        try member(key) { try writer.encodeValue(value, depth: depth) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        nestedFrame(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        nestedFrame(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { nestedFrame(SuperKey()) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { nestedFrame(key) }

    /// Begins the member and opens a frame for it; a container used after its frame closed throws on first use.
    private func nestedFrame(_ key: some CodingKey) -> any Encoder {
        do {
            try writer.beginMember(key, frame: frame, identity: identity)
        } catch {
            return PrettyReferencingEncoder(writer: writer, frame: -1)
        }
        return writer.superEncoder(depth: writer.depth(of: frame) + 1)
    }
}

private struct PrettyUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: PrettyJSONWriter
    let frame: Int
    let identity: Int

    var codingPath: [any CodingKey] { writer.codingPath }
    var count: Int { writer.count(of: frame) }

    private func element(_ write: () throws -> Void) throws {
        try writer.beginElement(frame: frame, identity: identity)
        try write()
    }

    mutating func encodeNil() throws { try element { writer.buffer.append("null") } }
    mutating func encode(_ value: Bool) throws { try element { writer.buffer.append(value ? "true" : "false") } }
    mutating func encode(_ value: String) throws { try element { writer.writeString(value) } }
    mutating func encode(_ value: Double) throws { try element { try writer.writeFloat(value) } }
    mutating func encode(_ value: Float) throws { try element { try writer.writeFloat(value) } }
    mutating func encode(_ value: Int) throws { try element { writer.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { try element { writer.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { try element { writer.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { try element { writer.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { try element { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { try element { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { try element { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { try element { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { try element { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { try element { writer.writeInteger(value) } }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        let depth = writer.depth(of: frame) + 1
        try element { try writer.encodeValue(value, depth: depth) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nestedFrame().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nestedFrame().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { nestedFrame() }

    private func nestedFrame() -> any Encoder {
        do {
            try writer.beginElement(frame: frame, identity: identity)
        } catch {
            return PrettyReferencingEncoder(writer: writer, frame: -1)
        }
        return writer.superEncoder(depth: writer.depth(of: frame) + 1)
    }
}

private struct PrettySingleValueContainer: SingleValueEncodingContainer {
    let writer: PrettyJSONWriter
    let frame: Int
    let identity: Int

    var codingPath: [any CodingKey] { writer.codingPath }

    private func value(_ write: () throws -> Void) throws {
        try writer.resumeSingleValue(frame: frame, identity: identity)
        try write()
    }

    mutating func encodeNil() throws { try value { writer.buffer.append("null") } }
    mutating func encode(_ value: Bool) throws { try self.value { writer.buffer.append(value ? "true" : "false") } }
    mutating func encode(_ value: String) throws { try self.value { writer.writeString(value) } }
    mutating func encode(_ value: Double) throws { try self.value { try writer.writeFloat(value) } }
    mutating func encode(_ value: Float) throws { try self.value { try writer.writeFloat(value) } }
    mutating func encode(_ value: Int) throws { try self.value { writer.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { try self.value { writer.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { try self.value { writer.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { try self.value { writer.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { try self.value { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { try self.value { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { try self.value { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { try self.value { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { try self.value { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { try self.value { writer.writeInteger(value) } }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        let depth = writer.depth(of: frame)
        try self.value { try writer.encodeValue(value, depth: depth) }
    }
}
