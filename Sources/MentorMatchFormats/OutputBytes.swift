import Foundation

/// A growable byte buffer whose storage becomes a `Data` without a copy.
///
/// What the JSON writer, the workbook's sheets and the ZIP writer write into. Its state is only ever touched by one
/// writer on one thread, so the run-time exclusivity checks that every access to a class's stored property would
/// otherwise pay are switched off (they cost more than the writing). It grows with `realloc`, which moves a large
/// buffer by remapping its pages: a national document is never held twice, old and new, while it grows.
final class OutputBytes {
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        base = Self.grown(nil, to: capacity)
    }

    deinit { free(base) }

    /// `memory` (or new memory) grown to `capacity` bytes; a failure ends the process as any failed allocation does,
    /// in the runtime's words, which a job's worker reports as its memory limit.
    private static func grown(_ memory: UnsafeMutablePointer<UInt8>?, to capacity: Int) -> UnsafeMutablePointer<UInt8> {
        guard let grown = realloc(memory, capacity) else { fatalError("Could not allocate memory") }
        return grown.assumingMemoryBound(to: UInt8.self)
    }

    @inline(__always)
    func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < count + extra { newCapacity *= 2 }
        base = Self.grown(base, to: newCapacity)
        capacity = newCapacity
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    /// Two spaces per level, as Foundation indents.
    func appendIndent(_ level: Int) {
        let width = 2 * level
        reserve(width)
        (base + count).update(repeating: UInt8(ascii: " "), count: width)
        count += width
    }

    func truncate(to newCount: Int) { count = newCount }

    /// Lets `produce` write up to `maximum` bytes after the last one (zlib's output) and keeps the count it returns.
    func appendProduced(upTo maximum: Int, _ produce: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        count += min(maximum, max(0, produce(base + count)))
    }

    /// The bytes written so far, for a reader that does not keep them.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Hands the bytes to a `Data` that frees them, leaving this buffer empty.
    func takeData() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        capacity = 16
        base = Self.grown(nil, to: capacity)
        count = 0
        return data
    }
}
