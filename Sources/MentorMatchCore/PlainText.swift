/// Text that readers may take apart byte by byte.
///
/// Text is plain when each of its scalars lies below U+0300 (Basic Latin through the spacing modifier letters,
/// which hold every Latvian letter) or is an en or em dash. In plain text every scalar is a `Character` of its own
/// (bar CR LF) and the text is already in NFC; both were checked over every pair of such scalars. So splitting or
/// trimming plain text at ASCII bytes gives what splitting it by `Character`s gives, and normalising it changes
/// nothing. Readers take a fast byte-wise path for plain text and keep the `Character`-wise one for the rest.
package enum PlainText {
    /// Whether the text is plain.
    /// - Complexity: O(*n*) in UTF-8 bytes.
    package static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // Lead bytes up to 0xCB start scalars below U+0300; continuation bytes are 0x80–0xBF.
                if bytes[index] < 0xCC {
                    index += 1
                    continue
                }
                // En dash E2 80 93, em dash E2 80 94; the text is valid UTF-8, so E2 has two more bytes.
                guard bytes[index] == 0xE2, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94
                else { return false }
                index += 3
            }
            return true
        }
    }

    /// The value of an optional `+` and one or more ASCII digits, as `Int(_:)` reads them; `nil` for anything else.
    ///
    /// Callers have split the text at `-`, so the sign `Int(_:)` also takes cannot occur.
    /// - Precondition: Fewer than 19 digits, so the value cannot overflow.
    static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Int? {
        let digits = bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
