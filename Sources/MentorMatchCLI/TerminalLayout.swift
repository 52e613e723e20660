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
        let padding = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        var lineCount = 0  // line.count, kept as the line grows rather than counted again for every word
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordCount = word.count
            if line.isEmpty {
                let prefix = lines.isEmpty ? "" : padding
                line = prefix + word
                lineCount = prefix.count + wordCount
            } else if lineCount + 1 + wordCount <= width {
                line += " " + word
                lineCount += 1 + wordCount
            } else {
                lines.append(line)
                line = padding + word
                lineCount = indent + wordCount
            }
        }
        lines.append(line)
        return lines
    }

    /// Every line of `text` that is wider than `width` wrapped between words, its continuation lines indented two
    /// spaces more than the line itself. Tables from ``table(header:rows:width:)`` fit already and stay as they are.
    static func fitted(_ text: String, width: Int = width) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            // No line has more characters than UTF-8 bytes: most lines are settled without counting characters.
            guard line.utf8.count > width, line.count > width else { return [String(line)] }
            let indent = line.prefix(while: { $0 == " " }).count
            return wrap(String(line), width: width, indent: indent + 2)
        }.joined(separator: "\n")
    }

    /// A table of left-aligned columns two spaces apart that fits `width`: when the columns do not fit side by
    /// side, they are shown in blocks that each repeat the first column; a column still too wide has its cells
    /// wrapped onto several lines.
    static func table(header: [String], rows: [[String]], width: Int = width) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
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
    /// does; that call, which also cuts longer text, is left for the rare cell that is longer.
    private static func padded(_ text: String, to length: Int) -> String {
        let units = text.utf16.count
        guard units <= length else { return text.padding(toLength: length, withPad: " ", startingAt: 0) }
        return text + String(repeating: " ", count: length - units)
    }

    /// The rows' `columns`, each cell padded to its width, a cell wider than its column wrapped.
    private static func block(_ rows: [[String]], columns: [Int], widths: [Int]) -> [String] {
        var lines: [String] = []
        for row in rows {
            let cells = columns.map { column in
                row[column].count <= widths[column] ? [row[column]] : wrap(row[column], width: widths[column])
            }
            let height = cells.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                let parts = cells.enumerated().map { position, cell in
                    let text = lineIndex < cell.count ? cell[lineIndex] : ""
                    return position == cells.count - 1 ? text : padded(text, to: widths[columns[position]])
                }
                var line = parts.joined(separator: "  ")
                while line.last == " " { line.removeLast() }
                lines.append(line)
            }
        }
        return lines
    }
}
