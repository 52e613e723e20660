import MentorMatchCore

/// One event of an iCalendar file (RFC 5545), in Europe/Riga local time; a series when `repetition` is set.
struct CalendarEvent {
    /// Repeats every `intervalWeeks` weeks from the event's date to `lastDate`, except on `excludedDates`.
    struct Repetition {
        var intervalWeeks: Int
        var lastDate: LocalDate
        var excludedDates: [LocalDate]
    }

    var uid: String
    var summary: String
    var location: String?
    var date: LocalDate
    var startMinute: Int
    var endMinute: Int
    var repetition: Repetition?

    /// The content lines that describe the event, without DTSTAMP and SEQUENCE: equal lines mean an unchanged event.
    var contentLines: [String] {
        var lines = ["UID:\(uid)", "DTSTART;TZID=Europe/Riga:\(Self.local(date, startMinute))",
                     "DTEND;TZID=Europe/Riga:\(Self.local(date, endMinute))"]
        if let repetition {
            lines.append("RRULE:FREQ=WEEKLY;INTERVAL=\(repetition.intervalWeeks);UNTIL="
                         + RigaTime.utcStamp(date: repetition.lastDate, minute: startMinute))
            if !repetition.excludedDates.isEmpty {
                lines.append("EXDATE;TZID=Europe/Riga:" + repetition.excludedDates.map { Self.local($0, startMinute) }.joined(separator: ","))
            }
        }
        lines.append("SUMMARY:" + ICalendar.escaped(summary))
        if let location { lines.append("LOCATION:" + ICalendar.escaped(location)) }
        return lines
    }

    /// `20240304T173000`.
    static func local(_ date: LocalDate, _ minute: Int) -> String {
        RigaTime.compact(date) + "T" + RigaTime.clock(minute).replacingOccurrences(of: ":", with: "") + "00"
    }
}

/// What an earlier run wrote for one event, so that a re-run keeps or raises its SEQUENCE.
struct PublishedEvent: Equatable {
    var sequence: Int
    var stamp: String
    var contentLines: [String]
}

/// iCalendar text: CRLF line ends, lines folded at 75 octets, text escaped, a VTIMEZONE for Europe/Riga.
enum ICalendar {
    static let timeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Riga",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0300", "TZNAME:EEST", "DTSTART:19700329T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200", "TZNAME:EET", "DTSTART:19701025T040000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// A whole calendar. Each event keeps the SEQUENCE and DTSTAMP it was published with when its content is
    /// unchanged, gets SEQUENCE + 1 and `stamp` when it changed, and SEQUENCE 0 when new. Events this file held before
    /// and no longer holds are written once more with STATUS:CANCELLED, so calendar apps remove them.
    /// - Parameters:
    ///   - previous: Every event published before, by UID (from any file: mentor and pair files share events).
    ///   - previouslyHere: The events this file held before, by UID.
    static func text(
        name: String, events: [CalendarEvent], previous: [String: PublishedEvent], previouslyHere: [String: PublishedEvent],
        stamp: String
    ) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//MentorMatch//Meeting calendars//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + escaped(name), "X-WR-TIMEZONE:Europe/Riga"] + timeZone
        func add(_ content: [String]) {
            let uid = String(content[0].dropFirst(4))
            let sequence: Int, eventStamp: String
            switch previous[uid] {
            case let published? where published.contentLines == content:
                (sequence, eventStamp) = (published.sequence, published.stamp)
            case let published?:
                (sequence, eventStamp) = (published.sequence + 1, stamp)
            case nil:
                (sequence, eventStamp) = (0, stamp)
            }
            lines += ["BEGIN:VEVENT", content[0], "DTSTAMP:\(eventStamp)", "SEQUENCE:\(sequence)"] + content.dropFirst() + ["END:VEVENT"]
        }
        events.forEach { add($0.contentLines) }
        let current = Set(events.map(\.uid))
        for uid in previouslyHere.keys.sorted() where !current.contains(uid) {
            let content = previouslyHere[uid]!.contentLines
            add(content.contains(cancelled) ? content : content + [cancelled])
        }
        lines.append("END:VCALENDAR")
        return lines.map(folded).joined(separator: "\r\n") + "\r\n"
    }

    static let cancelled = "STATUS:CANCELLED"

    /// Backslash, semicolon, comma and line breaks escaped, as TEXT values need.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// A content line split into lines of at most 75 octets, continuation lines starting with a space, never inside
    /// a UTF-8 sequence.
    static func folded(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }

    /// The events of an earlier file by UID, read back from its unfolded lines.
    static func publishedEvents(in text: String) -> [String: PublishedEvent] {
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "\n")
        var events: [String: PublishedEvent] = [:]
        var current: [String]?
        for line in unfolded.split(separator: "\n").map(String.init) {
            switch line {
            case "BEGIN:VEVENT":
                current = []
            case "END:VEVENT":
                if let lines = current, let event = published(lines) { events[lines.first(where: { $0.hasPrefix("UID:") })!] = event }
                current = nil
            default:
                current?.append(line)
            }
        }
        return Dictionary(uniqueKeysWithValues: events.map { (String($0.key.dropFirst(4)), $0.value) })
    }

    private static func published(_ lines: [String]) -> PublishedEvent? {
        guard lines.contains(where: { $0.hasPrefix("UID:") }),
            let sequence = lines.first(where: { $0.hasPrefix("SEQUENCE:") }).flatMap({ Int($0.dropFirst(9)) }),
            let stamp = lines.first(where: { $0.hasPrefix("DTSTAMP:") })?.dropFirst(8)
        else { return nil }
        return PublishedEvent(sequence: sequence, stamp: String(stamp),
                              contentLines: lines.filter { !$0.hasPrefix("DTSTAMP:") && !$0.hasPrefix("SEQUENCE:") })
    }
}
