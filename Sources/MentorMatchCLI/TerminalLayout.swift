#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fits terminal output to the terminal: the width of standard output when it is a terminal, else 80 columns
/// (`--format json` is for programs and is never wrapped).
enum TerminalLayout {
    /// Columns to fit, read once.
    static let width: Int = terminalColumns() ?? 80

    /// Narrower than this, tables and sentences would be more breaks than text.
    static let minimumWidth = 40

    private static func terminalColumns() -> Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return max(minimumWidth, Int(size.ws_col))
    }

    /// `text` broken between words into lines of at most `width` characters; lines after the first start with
    /// `indent` spaces. A word longer than a line stands on a line of its own.
    static func wrap(_ text: String, width: Int = width, indent: Int = 0) -> [String] {
        // On the UTF-8 bytes, counting characters only in words that are not ASCII: a national run prints tens of
        // thousands of reasons, and splitting them into Characters took half a second.
        var text = text
        return text.withUTF8 { bytes in
            let space = UInt8(ascii: " ")
            var lines: [String] = []
            var line: [UInt8] = []
            var lineCount = 0  // the line's characters, kept as the line grows rather than counted again for every word
            for word in bytes.split(separator: space, omittingEmptySubsequences: false) {
                let wordCount = characterCount(UnsafeBufferPointer(rebasing: word))
                if line.isEmpty {
                    let prefix = lines.isEmpty ? 0 : indent
                    line = Array(repeating: space, count: prefix) + word
                    lineCount = prefix + wordCount
                } else if lineCount + 1 + wordCount <= width {
                    line.append(space)
                    line.append(contentsOf: word)
                    lineCount += 1 + wordCount
                } else {
                    lines.append(String(decoding: line, as: UTF8.self))
                    line = Array(repeating: space, count: indent) + word
                    lineCount = indent + wordCount
                }
            }
            lines.append(String(decoding: line, as: UTF8.self))
            return lines
        }
    }

    /// The characters of `text`, which is their UTF-8 bytes when it is ASCII.
    private static func characterCount(_ text: String) -> Int {
        let bytes = text.utf8
        return bytes.allSatisfy { $0 < 0x80 } ? bytes.count : text.count
    }

    private static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.allSatisfy { $0 < 0x80 } ? bytes.count : String(decoding: bytes, as: UTF8.self).count
    }

    /// Every line of `text` that is wider than `width` wrapped between words, its continuation lines indented two
    /// spaces more than the line itself. Tables from ``table(header:rows:width:)`` fit already and stay as they are.
    static func fitted(_ text: String, width: Int = width) -> String {
        // Line by line on the UTF-8 bytes: a national run prints a table of 24 MB, whose lines are copied as they are.
        var text = text
        return text.withUTF8 { bytes in
            let lineEnd = UInt8(ascii: "\n")
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 256)
            var lineStart = 0
            while lineStart <= bytes.count {
                let end = bytes[lineStart...].firstIndex(of: lineEnd) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                // No line has more characters than UTF-8 bytes: most lines are settled without counting characters.
                if line.count > width, characterCount(line) > width {
                    let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
                    let wrapped = wrap(String(decoding: line, as: UTF8.self), width: width, indent: indent + 2)
                    output.append(contentsOf: wrapped.joined(separator: "\n").utf8)
                } else {
                    output.append(contentsOf: line)
                }
                if end < bytes.count { output.append(lineEnd) }
                lineStart = end + 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// A table of left-aligned columns two spaces apart that fits `width`: when the columns do not fit side by
    /// side, they are shown in blocks that each repeat the first column; a column still too wide has its cells
    /// wrapped onto several lines.
    static func table(header: [String], rows: [[String]], width: Int = width) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { characterCount($0[column]) }.max() ?? 0 }
        let gap = 2
        guard widths.reduce(0, +) + gap * (widths.count - 1) > width, widths.count > 1 else {
            return block(all, columns: Array(header.indices), widths: widths)
        }
        // Blocks of the other columns after the first, as many as fit side by side.
        var blocks: [[Int]] = []
        var current: [Int] = []
        var used = widths[0]
        for column in 1..<widths.count {
            let needed = gap + widths[column]
            if !current.isEmpty, used + needed > width {
                blocks.append(current)
                current = []
                used = widths[0]
            }
            current.append(column)
            used += needed
        }
        blocks.append(current)
        var lines: [String] = []
        for (index, columns) in blocks.enumerated() {
            if index > 0 { lines.append("") }
            var fitted = widths
            let shown = [0] + columns
            let others = shown.dropLast().reduce(0) { $0 + fitted[$1] + gap }
            if let last = shown.last, others + fitted[last] > width {
                fitted[last] = max(width - others, minimumWidth / 2)
            }
            lines += block(all, columns: shown, widths: fitted)
        }
        return lines
    }

    /// `text` padded with spaces to `length` UTF-16 units, as Foundation's `padding(toLength:withPad:startingAt:)`
    /// does, appended to `line`; that call, which also cuts longer text, is left for the rare cell that is longer.
    private static func appendPadded(_ text: String, to length: Int, to line: inout [UInt8]) {
        let units = text.utf16.count
        guard units <= length else {
            line.append(contentsOf: text.padding(toLength: length, withPad: " ", startingAt: 0).utf8)
            return
        }
        line.append(contentsOf: text.utf8)
        line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: length - units))
    }

    /// The rows' `columns`, each cell padded to its width, a cell wider than its column wrapped.
    private static func block(_ rows: [[String]], columns: [Int], widths: [Int]) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(rows.count)
        // Each line is put together as UTF-8 bytes: a national table has hundreds of thousands of them.
        var line: [UInt8] = []
        for row in rows {
            let cells = columns.map { column in
                characterCount(row[column]) <= widths[column] ? [row[column]] : wrap(row[column], width: widths[column])
            }
            let height = cells.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                line.removeAll(keepingCapacity: true)
                for (position, cell) in cells.enumerated() {
                    let text = lineIndex < cell.count ? cell[lineIndex] : ""
                    if position == cells.count - 1 {
                        line.append(contentsOf: text.utf8)
                    } else {
                        appendPadded(text, to: widths[columns[position]], to: &line)
                        line.append(contentsOf: "  ".utf8)
                    }
                }
                while line.last == UInt8(ascii: " ") { line.removeLast() }
                lines.append(String(decoding: line, as: UTF8.self))
            }
        }
        return lines
    }
}
