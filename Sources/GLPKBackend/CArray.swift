/// A heap array with a stable address for C, freed when the value's lifetime ends.
struct CArray<Element: BitwiseCopyable>: ~Copyable {
    private let buffer: UnsafeMutableBufferPointer<Element>

    /// Copies `elements`; an empty collection still gets one slot, so the address is never null.
    init(_ elements: some Collection<Element>) {
        buffer = .allocate(capacity: Swift.max(elements.count, 1))
        _ = buffer.initialize(fromContentsOf: elements)
    }

    deinit { buffer.deallocate() }

    /// Valid while this value lives.
    var address: UnsafePointer<Element> { UnsafePointer(buffer.baseAddress!) }
}
