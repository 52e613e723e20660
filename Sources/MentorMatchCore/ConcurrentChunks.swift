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

    /// `(first(), second())`, computed concurrently: `first` on a thread of its own, `second` on the caller's.
    ///
    /// Not by `concurrentPerform`: Dispatch runs an apply nested in another one on as many threads as the outer one
    /// leaves, one on two cores, so the concurrent work inside either half would run serially. When no thread can
    /// be had (a worker under an address-space limit), the two run one after the other.
    package static func both<First: Sendable, Second: Sendable>(
        _ first: @escaping @Sendable () -> First, _ second: () -> Second
    ) -> (First, Second) {
        let firstSlot = Slots<First>(count: 1)
        let context = Unmanaged.passRetained(ThreadBody { firstSlot.store(first(), at: 0) }).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { context in
            if let context { Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run() }
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            return (first(), second())
        }
        let secondValue = second()
        pthread_join(thread, nil)
        // The joined thread stored its value; were it missing, it is computed here rather than trapping.
        return (firstSlot.values[0] ?? first(), secondValue)
    }

    /// What a thread of ``both(_:_:)`` runs, passed through `pthread_create`'s context pointer.
    private final class ThreadBody: Sendable {
        let run: @Sendable () -> Void

        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
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
