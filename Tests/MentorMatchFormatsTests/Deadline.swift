import Dispatch
import Synchronization

/// `work`'s result, or `nil` when it has not finished within `seconds`: a reader that hangs fails its test instead of
/// hanging the suite (the work goes on in the background; the process ends with the tests).
func finishing<Value: Sendable>(within seconds: Double, _ work: @escaping @Sendable () -> Value) -> Value? {
    let slot = Slot<Value>()
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        let value = work()
        slot.value.withLock { $0 = value }
        done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return slot.value.withLock { $0 }
}

private final class Slot<Value: Sendable>: Sendable {
    let value = Mutex<Value?>(nil)
}
