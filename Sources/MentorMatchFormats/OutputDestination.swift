import Foundation

/// Where a command's files go as they are made: written whole, or streamed in pieces (a national `result.json`,
/// which is then never held in memory whole). ``AtomicOutput`` writes them into its staging folder at once;
/// ``InMemoryOutput`` keeps them.
///
/// Writing never throws here: a destination keeps its first failure and reports it when the set is finished, so
/// that the makers of the files only ever fail for their own reasons (``FormatError``).
public protocol OutputDestination: Sendable {
    /// Writes the file `name`; may be called from any thread.
    func write(_ name: String, _ contents: Data)
    /// Writes the file `name` with what `body` hands its sink, in order; may be called from any thread.
    func stream<Failure: Error>(_ name: String, _ body: (any ByteSink) throws(Failure) -> Void) throws(Failure)
}

/// The bytes of one streamed file, written in order by one writer at a time.
public protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Drops what was written so far: the file starts again (a writer that has to fall back to another encoder).
    func restart()
}

/// A destination that keeps the files in memory (a job's files, tests).
public final class InMemoryOutput: OutputDestination, @unchecked Sendable {
    private let lock = NSLock()
    private var contents: [String: Data] = [:]

    public init() {}

    /// The files written so far, by name.
    public var files: [String: Data] { lock.withLock { contents } }

    public func write(_ name: String, _ contents: Data) {
        lock.withLock { self.contents[name] = contents }
    }

    public func stream<Failure: Error>(_ name: String, _ body: (any ByteSink) throws(Failure) -> Void) throws(Failure) {
        let sink = MemorySink()
        try body(sink)
        write(name, sink.bytes.takeData())
    }

    private final class MemorySink: ByteSink {
        let bytes = OutputBytes()

        func write(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(bytes) }

        func restart() { bytes.truncate(to: 0) }
    }
}
