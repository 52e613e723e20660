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

    /// `elements.map(transform)`, computed concurrently in at most `pieces` runs of consecutive elements of about
    /// equal length: enough runs for the cores to share uneven work, few enough that each is worth a thread's turn.
    package static func map<Elements: RandomAccessCollection & Sendable, Mapped: Sendable>(
        _ elements: Elements, pieces: Int = 64, _ transform: @Sendable (Elements.Element) -> Mapped
    ) -> [Mapped] where Elements.Index == Int {
        let runs = min(elements.count, pieces)
        guard runs > 1 else { return elements.map(transform) }
        let (start, count) = (elements.startIndex, elements.count)
        return map(count: runs) { run in
            elements[(start + run * count / runs)..<(start + (run + 1) * count / runs)].map(transform)
        }.flatMap { $0 }
    }

    /// Computes `produce(0)`, …, `produce(count − 1)` on all cores and hands each value to `consume` in index order,
    /// one call at a time, on the thread that computed it, while the other threads go on computing: a long output is
    /// written as it is made, and at most one value per core waits for its turn.
    package static func inOrder<Value>(
        count: Int, produce: @Sendable (Int) -> Value, consume: @Sendable (Int, Value) -> Void
    ) {
        let turns = Turns()
        let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
        // A worker claims indices in increasing order, so the lowest one not yet consumed is always being computed
        // or waiting for nothing: no worker waits forever, also when Dispatch runs the workers one after the other.
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = turns.claim(below: count) {
                let value = produce(index)
                turns.wait(for: index)
                consume(index, value)
                turns.finish(index)
            }
        }
    }

    /// The next index to claim and the next to consume, for ``inOrder(count:produce:consume:)``.
    private final class Turns: @unchecked Sendable {
        private let condition = NSCondition()
        private var nextClaim = 0
        private var nextTurn = 0

        func claim(below count: Int) -> Int? {
            condition.withLock {
                guard nextClaim < count else { return nil }
                defer { nextClaim += 1 }
                return nextClaim
            }
        }

        func wait(for index: Int) {
            condition.withLock {
                while nextTurn != index { condition.wait() }
            }
        }

        func finish(_ index: Int) {
            condition.withLock {
                nextTurn = index + 1
                condition.broadcast()
            }
        }
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
