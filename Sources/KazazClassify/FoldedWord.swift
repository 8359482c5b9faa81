/// Words of a text as lower-case UTF-8 bytes (`ё` as `е`, `İ` as `i`), and patterns compared with
/// them byte by byte: the key-fact vocabulary and units are looked up for every figure of every
/// article, so they are matched without building strings or breaking text into graphemes.
enum FoldedWord {
  /// The letters starting at `index`, folded, and how many scalars they span; nil when no letter
  /// starts there.
  static func word(_ s: [Unicode.Scalar], at index: Int) -> (bytes: [UInt8], length: Int)? {
    var end = index
    var bytes: [UInt8] = []
    while end < s.count, AmountExtractor.isLetter(s[end]) {
      append(s[end], to: &bytes)
      end += 1
    }
    return end > index ? (bytes, end - index) : nil
  }

  /// Appends one letter, folded.
  static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    let value = scalar.value
    if value < 0x80 {
      bytes.append(UInt8(value >= 0x41 && value <= 0x5A ? value | 0x20 : value))
      return
    }
    switch value {
    case 0x451, 0x401: bytes.append(contentsOf: "е".utf8)  // ё, Ё
    case 0x130: bytes.append(0x69)  // İ
    case 0x410...0x42F, 0x400...0x40F:
      // Russian capitals, the commonest non-ASCII ones, without a property lookup.
      let lower = value < 0x410 ? value + 0x50 : value + 0x20
      Unicode.UTF8.encode(Unicode.Scalar(lower) ?? scalar) { bytes.append($0) }
    default:
      if scalar.properties.changesWhenLowercased {
        bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      } else {
        Unicode.UTF8.encode(scalar) { bytes.append($0) }
      }
    }
  }
}

/// One word of a pattern: lower case, a trailing `*` matching any ending (as in the classifier
/// profile).
struct WordPattern: Sendable {
  let bytes: [UInt8]
  let isPrefix: Bool

  init(_ text: String) {
    isPrefix = text.hasSuffix("*")
    bytes = Array((isPrefix ? String(text.dropLast()) : text).utf8)
  }

  func matches(_ word: [UInt8]) -> Bool {
    isPrefix ? word.count >= bytes.count && word.starts(with: bytes) : word == bytes
  }

  /// The first byte a matching word starts with (patterns are never empty).
  var firstByte: UInt8 { bytes.first ?? 0 }
}
