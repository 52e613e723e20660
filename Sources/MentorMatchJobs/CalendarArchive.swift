import Foundation
import ZIPFoundation

/// `calendars.zip`: every calendar file of a schedule in one download.
enum CalendarArchive {
    static func data(_ calendars: [String: Data]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for name in calendars.keys.sorted() {
            guard let contents = calendars[name] else { continue }
            try archive.addEntry(
                with: "calendars/\(name)", type: .file, uncompressedSize: Int64(contents.count), compressionMethod: .deflate
            ) { position, size in
                contents.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }
}
