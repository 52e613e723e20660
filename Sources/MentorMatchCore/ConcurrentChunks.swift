import Foundation

/// Runs independent pieces of work on all cores and keeps their results in order. It lives in the lowest module, as
/// matching (candidates, flow parts, explanations), planning and the facade (variants) and scheduling (mentors) use it.
package enum ConcurrentChunks {
    /// `[body(0), body(1), …, body(count − 1)]`, computed concurrently.
    package static func map<Result: Sendable>(count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        let slots = Slots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(body(index), at: index)
        }
        return slots.values.map { $0! }
    }

    /// `(first(), second())`, computed concurrently.
    package static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let firstSlot = Slots<First>(count: 1), secondSlot = Slots<Second>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { firstSlot.store(first(), at: 0) } else { secondSlot.store(second(), at: 0) }
        }
        return (firstSlot.values[0]!, secondSlot.values[0]!)
    }

    /// One slot per piece; each is written by exactly one iteration, and read after all have finished.
    private final class Slots<Value>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<Value?>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        deinit {
            storage.deinitialize()
            storage.deallocate()
        }

        func store(_ value: Value, at index: Int) {
            storage[index] = value
        }

        var values: [Value?] { Array(storage) }
    }
}
