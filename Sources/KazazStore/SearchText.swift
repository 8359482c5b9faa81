import Foundation

/// The text handed to the search index: each distinct word once, in first-seen order.
///
/// The index keeps no positions or counts (FTS5 `detail=none`, no column sizes): it only
/// records which items hold a word, so a repeated word adds nothing but tokenizer and hash work
/// — about a fifth of the words of a news text. Words are split at whitespace only; a chunk such
/// as `a,b` stays whole and the index's tokenizer splits it as before, so the index holds
/// exactly the words it would hold for the full text.
enum SearchText {
  static func distinctWords(_ text: String) -> String {
    var text = text
    let distinct: String? = text.withUTF8 { bytes in
      // The words, as byte ranges with an FNV-1a hash.
      var words: [(start: Int, end: Int, hash: UInt64)] = []
      words.reserveCapacity(bytes.count / 6 + 1)
      var index = 0
      while index < bytes.count {
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        let start = index
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        while index < bytes.count, !isSpace(bytes[index]) {
          hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3
          index += 1
        }
        if index > start { words.append((start, index, hash)) }
      }
      // Open addressing, at most half full: which words were seen before.
      var capacity = 16
      while capacity < 2 * words.count { capacity <<= 1 }
      var slots = [Int32](repeating: -1, count: capacity)
      var keep = [Bool](repeating: true, count: words.count)
      var duplicates = 0
      var length = 0
      for (number, word) in words.enumerated() {
        var slot = Int(truncatingIfNeeded: word.hash) & (capacity - 1)
        while slots[slot] >= 0 {
          let other = words[Int(slots[slot])]
          if other.hash == word.hash, other.end - other.start == word.end - word.start,
            memcmp(
              bytes.baseAddress! + other.start, bytes.baseAddress! + word.start,
              word.end - word.start) == 0
          {
            keep[number] = false
            duplicates += 1
            break
          }
          slot = (slot + 1) & (capacity - 1)
        }
        if keep[number] {
          slots[slot] = Int32(number)
          length += word.end - word.start + 1
        }
      }
      guard duplicates > 0 else { return nil }
      return String(unsafeUninitializedCapacity: max(length - 1, 0)) { output in
        var written = 0
        for (number, word) in words.enumerated() where keep[number] {
          if written > 0 {
            output[written] = 0x20
            written += 1
          }
          for offset in word.start..<word.end {
            output[written] = bytes[offset]
            written += 1
          }
        }
        return written
      }
    }
    return distinct ?? text
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }
}
