import Foundation
@testable import MentorMatchCore
import Testing

struct ConcurrentChunksTests {
    /// Values are consumed in index order, one at a time, each the value made for its index; also when the work
    /// is nested inside another concurrent apply (where Dispatch may run the workers one after the other).
    @Test(arguments: [0, 1, 2, 7, 500])
    func inOrderConsumesEveryValueOnceInOrder(count: Int) {
        let record = Record()
        ConcurrentChunks.inOrder(count: count, produce: { index in
            // Uneven work, so that later indices are often made before earlier ones.
            (0..<((count - index) % 5) * 2_000).reduce(index) { total, step in total &+ step &* 0 }
        }, consume: { index, value in
            record.consume(index, value)
        })
        #expect(record.consumed == Array(0..<count))
        #expect(record.wrongValues == 0)
        #expect(record.mostAtOnce <= 1)
        let nested = ConcurrentChunks.map(count: 4) { _ in
            let inner = Record()
            ConcurrentChunks.inOrder(count: count, produce: { $0 }, consume: { index, value in inner.consume(index, value) })
            return inner.consumed == Array(0..<count) && inner.wrongValues == 0
        }
        #expect(nested.allSatisfy { $0 })
    }

    /// The elements' values in order, whatever the count, the number of pieces, and where the indices start.
    @Test(arguments: [0, 1, 2, 63, 64, 65, 1_000])
    func mapOfElementsKeepsTheirOrder(count: Int) {
        let values = (0..<count).map { $0 * 7 + 3 }
        #expect(ConcurrentChunks.map(values) { $0 * 2 } == values.map { $0 * 2 })
        #expect(ConcurrentChunks.map(values, pieces: 3) { String($0) } == values.map { String($0) })
        let tail = values.dropFirst(count / 3)
        #expect(ConcurrentChunks.map(tail, pieces: 5) { $0 - 1 } == tail.map { $0 - 1 })
        #expect(ConcurrentChunks.map(10..<(10 + count)) { $0 } == Array(10..<(10 + count)))
    }
}

/// What the consumer saw, checked for overlapping calls.
private final class Record: @unchecked Sendable {
    private let lock = NSLock()
    private var inside = 0
    private(set) var mostAtOnce = 0
    private(set) var consumed: [Int] = []
    private(set) var wrongValues = 0

    func consume(_ index: Int, _ value: Int) {
        lock.withLock {
            inside += 1
            mostAtOnce = max(mostAtOnce, inside)
        }
        lock.withLock {
            consumed.append(index)
            if value != index { wrongValues += 1 }
            inside -= 1
        }
    }
}
