import Foundation

/// The one place that decides how bytes that came with a label (an HTTP `charset`, a document's
/// own declaration) or none become text: the feed parser, the article page reader and the
/// commands that read article files all follow it.
///
/// A UTF-8 label, or no label, is trusted when the bytes are valid UTF-8, or nearly so: a page
/// whose multi-byte sequences are valid but for a stray byte or two (a pasted fragment in
/// another encoding) is UTF-8 with those bytes replaced. Otherwise the text is in a single-byte
/// encoding, and for the region's sources that means Cyrillic:
/// windows-1251, or KOI8-R when the letters only make sense that way (Russian text is mostly lower
/// case, and the two encodings put lower and upper case in opposite halves of 0xC0–0xFF) — or
/// windows-1252 when the non-ASCII bytes stand alone between ASCII letters, as the accented
/// letters of Western European or Turkish text do, while Cyrillic words are non-ASCII throughout.
public enum Charset {
  public static let utf8 = "UTF-8"

  /// The encoding to read `data` with, given its label (nil or empty: none). Other labels are
  /// returned as given: whether a decoder knows them is the caller's concern.
  public static func resolve(label: String?, data: Data) -> Resolution {
    if let label, !label.isEmpty, !isUTF8(label) {
      return Resolution(encoding: label, contradictsLabel: false)
    }
    if isValidUTF8(data) { return Resolution(encoding: utf8, contradictsLabel: false) }
    if isNearlyUTF8(data) { return Resolution(encoding: utf8, contradictsLabel: true) }
    return Resolution(encoding: singleByteGuess(data), contradictsLabel: true)
  }

  public struct Resolution: Sendable, Equatable {
    public var encoding: String
    /// The bytes are not the UTF-8 that was declared, sent or defaulted (or, with `encoding`
    /// UTF-8, not strictly: `repairedUTF8` makes them so).
    public var contradictsLabel: Bool
  }

  /// `data` as text, by `resolve`: single-byte encodings through their 256-entry tables, so a
  /// byte the encoding leaves undefined becomes U+FFFD instead of failing the whole text.
  public static func decode(_ data: Data, label: String? = nil) -> String {
    var data = data
    if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
    let resolution = resolve(label: label, data: data)
    if resolution.encoding != utf8, let table = SingleByteDecoder.table(for: resolution.encoding) {
      return String(decoding: SingleByteDecoder.decode(data, with: table).0, as: UTF8.self)
    }
    return String(decoding: data, as: UTF8.self)
  }

  public static func isUTF8(_ name: String) -> Bool {
    let name = name.lowercased()
    return name == "utf-8" || name == "utf8"
  }

  /// windows-1251, KOI8-R or windows-1252 for bytes that are not UTF-8 (see the type's comment).
  public static func singleByteGuess(_ data: Data) -> String {
    var upperHalf = 0  // 0xE0–0xFF: lower case in windows-1251, upper case in KOI8-R
    var lowerHalf = 0  // 0xC0–0xDF: the reverse
    var high = 0
    var paired = 0
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      for index in bytes.indices where bytes[index] >= 0x80 {
        high += 1
        if (index > 0 && bytes[index - 1] >= 0x80)
          || (index + 1 < bytes.count && bytes[index + 1] >= 0x80)
        {
          paired += 1
        }
        if bytes[index] >= 0xE0 {
          upperHalf += 1
        } else if bytes[index] >= 0xC0 {
          lowerHalf += 1
        }
      }
    }
    if paired * 2 < high { return "windows-1252" }
    return lowerHalf > upperHalf * 2 ? "KOI8-R" : "windows-1251"
  }

  /// At least 32 bytes in valid multi-byte sequences (16 two-byte letters), and invalid bytes at
  /// most one in 50 of them. Text in a single-byte encoding makes few valid sequences by chance
  /// (windows-1251 Cyrillic letters are never followed by a continuation byte but for "ё").
  public static func isNearlyUTF8(_ data: Data) -> Bool {
    var valid = 0
    var stray = 0
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var index = 0
      while index < bytes.count {
        let lead = bytes[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        let length = sequenceLength(bytes, at: index)
        if length > 0 {
          valid += length
          index += length
        } else {
          stray += 1
          index += 1
        }
      }
    }
    return valid >= 32 && stray * 50 <= valid
  }

  /// The length of the valid UTF-8 sequence of two to four bytes at `index`, 0 when there is none.
  private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let lead = bytes[index]
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    let length: Int
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: (length, low) = (3, 0xA0)
    case 0xE1...0xEC, 0xEE, 0xEF: length = 3
    case 0xED: (length, high) = (3, 0x9F)
    case 0xF0: (length, low) = (4, 0x90)
    case 0xF1...0xF3: length = 4
    case 0xF4: (length, high) = (4, 0x8F)
    default: return 0
    }
    guard index + length <= bytes.count, bytes[index + 1] >= low, bytes[index + 1] <= high else {
      return 0
    }
    for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
    return length
  }

  /// `data` with every byte that is not part of a valid UTF-8 sequence replaced by U+FFFD.
  public static func repairedUTF8(_ data: Data) -> Data {
    Data(String(decoding: data, as: UTF8.self).utf8)
  }

  public static func isASCIIOnly(_ data: Data) -> Bool {
    data.withUnsafeBytes { raw in raw.allSatisfy { $0 < 0x80 } }
  }
  /// Strict UTF-8 validation (no overlongs, no surrogates), eight ASCII bytes at a time.
  public static func isValidUTF8(_ data: Data) -> Bool {
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      let count = bytes.count
      guard let base = raw.baseAddress else { return true }
      var index = 0
      while index < count {
        if index + 8 <= count {
          let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          if word & 0x8080_8080_8080_8080 == 0 {
            index += 8
            continue
          }
        }
        let lead = bytes[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        let length = sequenceLength(bytes, at: index)
        if length == 0 { return false }
        index += length
      }
      return true
    }
  }
}
