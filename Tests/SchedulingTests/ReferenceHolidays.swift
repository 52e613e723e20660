import Foundation
import MentorMatchCore

/// The transcribed reference list of Latvian days off, 2024–2030 (see the fixture's header for its source).
enum ReferenceHolidays {
    static let years = 2024...2030

    /// Date → English name, read from `Fixtures/lv-public-holidays-2024-2030.csv` next to this file.
    static let days: [LocalDate: String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/lv-public-holidays-2024-2030.csv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var days: [LocalDate: String] = [:]
        for line in text.split(separator: "\n").dropFirst(5) {
            let fields = line.split(separator: ",", maxSplits: 1)
            if let date = LocalDate(iso: String(fields[0])) { days[date] = String(fields[1]) }
        }
        return days
    }()
}
