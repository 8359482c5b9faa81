import Foundation

/// Byte-level repairs for the two faults real feeds have most, applied before XML parsing:
///
/// - a bare `&` that starts no entity reference (`AT&T`, `Q&A`, `?a=1&b=2` in a link) becomes
///   `&amp;` — libxml2 would otherwise drop the text around it;
/// - C0 control characters that XML forbids (everything below 0x20 except tab, newline and
///   carriage return) become spaces — libxml2 would otherwise stop reading the element.
///
/// Works on any ASCII-compatible encoding (UTF-8, windows-1251, KOI8-R, ISO-8859-*), whose bytes
/// below 0x80 are ASCII; UTF-16 documents are left alone.
enum XMLRepair {
  struct Result {
    var data: Data
    var ampersands = 0
    var controlCharacters = 0
  }

  static func repair(_ data: Data) -> Result {
    guard !isUTF16(data) else { return Result(data: data) }
    var probe = Result(data: Data())
    scan(data, into: &probe, writing: false)
    guard probe.ampersands > 0 || probe.controlCharacters > 0 else { return Result(data: data) }
    var result = Result(data: Data())
    result.data.reserveCapacity(data.count + 5 * probe.ampersands)
    scan(data, into: &result, writing: true)
    return result
  }

  /// One pass over the bytes: counts repairs, and writes the repaired bytes when `writing`.
  /// The first pass only counts, so documents that need nothing are never copied.
  private static func scan(_ data: Data, into result: inout Result, writing: Bool) {
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var verbatimEnd = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if index >= verbatimEnd, byte == UInt8(ascii: "<"),
          let end = endOfVerbatimSection(bytes, at: index)
        {
          // CDATA sections and comments: `&` is literal there, control characters still are not.
          verbatimEnd = end
        }
        if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
          result.controlCharacters += 1
          if writing { result.data.append(0x20) }
        } else if byte == UInt8(ascii: "X") && index >= 2 && index >= verbatimEnd
          && bytes[index - 1] == UInt8(ascii: "#") && bytes[index - 2] == UInt8(ascii: "&")
        {
          // `&#X41;`: HTML allows the capital X, XML does not.
          result.ampersands += 1
          if writing { result.data.append(UInt8(ascii: "x")) }
        } else if byte == UInt8(ascii: "&") && index >= verbatimEnd
          && !startsReference(bytes, at: index)
        {
          result.ampersands += 1
          if writing { result.data.append(contentsOf: ampersandEntity) }
        } else if writing {
          result.data.append(byte)
        }
        index += 1
      }
    }
  }

  static let ampersandEntity = Array("&amp;".utf8)

  static let cdataOpen = Array("<![CDATA[".utf8)
  static let cdataClose = Array("]]>".utf8)
  static let commentOpen = Array("<!--".utf8)
  static let commentClose = Array("-->".utf8)

  /// When a CDATA section or a comment starts at `index`, the offset just past its end (or the
  /// end of the data when it is unterminated).
  private static func endOfVerbatimSection(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int)
    -> Int?
  {
    let close: [UInt8]
    if matches(bytes, cdataOpen, at: index) {
      close = cdataClose
    } else if matches(bytes, commentOpen, at: index) {
      close = commentClose
    } else {
      return nil
    }
    var cursor = index + 4
    while cursor < bytes.count {
      if bytes[cursor] == close[0] && matches(bytes, close, at: cursor) {
        return cursor + close.count
      }
      cursor += 1
    }
    return bytes.count
  }

  private static func matches(
    _ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], at index: Int
  )
    -> Bool
  {
    guard index + pattern.count <= bytes.count else { return false }
    for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
    return true
  }

  /// `&name;`, `&#123;` or `&#x1F;` starts at `index`.
  private static func startsReference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    var cursor = index + 1
    guard cursor < bytes.count else { return false }
    if bytes[cursor] == UInt8(ascii: "#") {
      cursor += 1
      let hex = cursor < bytes.count && (bytes[cursor] | 0x20) == UInt8(ascii: "x")
      if hex { cursor += 1 }
      let start = cursor
      while cursor < bytes.count, cursor - start < 8,
        isDigit(bytes[cursor]) || (hex && isHexLetter(bytes[cursor]))
      {
        cursor += 1
      }
      return cursor > start && cursor < bytes.count && bytes[cursor] == UInt8(ascii: ";")
    }
    let start = cursor
    while cursor < bytes.count, cursor - start < 32,
      isNameByte(bytes[cursor], first: cursor == start)
    {
      cursor += 1
    }
    return cursor > start && cursor < bytes.count && bytes[cursor] == UInt8(ascii: ";")
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  private static func isHexLetter(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f")
  }
  private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
    let lower = byte | 0x20
    if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") { return true }
    if byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80 { return true }
    return !first && (isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."))
  }

  private static func isUTF16(_ data: Data) -> Bool {
    let prefix = [UInt8](data.prefix(2))
    return prefix == [0xFE, 0xFF] || prefix == [0xFF, 0xFE]
      || (prefix.count == 2 && (prefix[0] == 0 || prefix[1] == 0))
  }
}
