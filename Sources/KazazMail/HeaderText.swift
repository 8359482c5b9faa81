import Foundation

/// Header field bodies built from feed or config text: on one line (no CR, LF or other control
/// character can start a new header), and RFC 2047 encoded words for anything beyond ASCII.
enum HeaderText {
  /// `text` with every control character (C0, DEL, C1) and line or paragraph separator turned
  /// into a space, runs of spaces collapsed, and trimmed.
  static func oneLine(_ text: String) -> String {
    var out = ""
    var lastWasSpace = true
    for scalar in text.unicodeScalars {
      let isSpace =
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == " "
        || scalar == "\u{2028}" || scalar == "\u{2029}"
      if isSpace {
        if !lastWasSpace { out.append(" ") }
        lastWasSpace = true
      } else {
        out.unicodeScalars.append(scalar)
        lastWasSpace = false
      }
    }
    while out.hasSuffix(" ") { out.removeLast() }
    return out
  }

  /// Payload bytes per encoded word: 39 bytes are 52 base64 characters, so a word is 64
  /// characters and `Subject: ` plus one word stays within 78.
  static let bytesPerWord = 39

  /// `text` (put on one line first) as `=?UTF-8?B?…?=` words, split between characters so
  /// each word decodes on its own (RFC 2047 §5).
  static func encodedWords(_ text: String) -> [String] {
    var words: [String] = []
    var chunk: [UInt8] = []
    for character in oneLine(text) {
      let bytes = Array(String(character).utf8)
      if !chunk.isEmpty && chunk.count + bytes.count > bytesPerWord {
        words.append(word(chunk))
        chunk = []
      }
      // A character longer than a word (a long grapheme cluster) is split between scalars.
      if bytes.count > bytesPerWord {
        for scalar in String(character).unicodeScalars {
          let scalarBytes = Array(String(scalar).utf8)
          if chunk.count + scalarBytes.count > bytesPerWord {
            words.append(word(chunk))
            chunk = []
          }
          chunk += scalarBytes
        }
      } else {
        chunk += bytes
      }
    }
    if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
    return words
  }

  private static func word(_ bytes: [UInt8]) -> String {
    "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
  }

  /// A header field, folded between encoded words: `Subject: =?UTF-8?B?…?=\r\n =?UTF-8?B?…?=`.
  static func encodedField(_ name: String, _ text: String) -> String {
    "\(name): " + encodedWords(text).joined(separator: "\r\n ")
  }
}
