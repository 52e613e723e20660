import Foundation
import LinearProgramming

/// A ``LinearProgramSolver`` for tests of higher layers: answers from a script and records every call.
///
/// Sendable through a lock rather than `Synchronization.Mutex`, which needs macOS 15 while the package supports 14.
public final class MockSolver: LinearProgramSolver, @unchecked Sendable {
    /// One call the mock received.
    public struct Call: Sendable, Hashable {
        public var program: LinearProgram
        public var options: SolveOptions
    }

    /// Computes the answer to one call.
    public typealias Handler = @Sendable (LinearProgram, SolveOptions) throws(SolverError) -> Solution

    public let name: String
    private let handler: Handler?
    private let lock = NSLock()
    // Guarded by `lock`.
    private var pendingAnswers: [Result<Solution, SolverError>]
    private var receivedCalls: [Call] = []

    /// Answers the calls in order with `answers`; a call after the last answer throws
    /// ``SolverError/backendFailure(_:)`` naming the mock's script as the cause.
    public init(name: String = "Mock", answers: [Result<Solution, SolverError>]) {
        self.name = name
        handler = nil
        pendingAnswers = answers
    }

    /// Answers every call with `handler`.
    public init(name: String = "Mock", handler: @escaping Handler) {
        self.name = name
        self.handler = handler
        pendingAnswers = []
    }

    /// The calls received so far, oldest first.
    public var calls: [Call] { lock.withLock { receivedCalls } }

    public func solve(_ program: LinearProgram, options: SolveOptions) throws(SolverError) -> Solution {
        let call = Call(program: program, options: options)
        if let handler {
            lock.withLock { receivedCalls.append(call) }
            return try handler(program, options)
        }
        let answer: Result<Solution, SolverError> = lock.withLock {
            receivedCalls.append(call)
            guard !pendingAnswers.isEmpty else {
                return .failure(.backendFailure("MockSolver: no scripted answer left for call \(receivedCalls.count)"))
            }
            return pendingAnswers.removeFirst()
        }
        return try answer.get()
    }
}
