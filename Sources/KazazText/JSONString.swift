/// JSON string escaping, the one version every hand-written JSON writer uses (`parse --json`,
/// the stored key facts and evidence): quotes, backslashes and the C0 controls are escaped,
/// everything else is written as it is (JSON text is UTF-8). Output for terminals goes further
/// and escapes C1 and bidirectional controls too (`TerminalText`).
public enum JSONString {
  /// Writes the escaped form of `utf8`, without the enclosing quotes, through `emit`, in runs.
  @inlinable
  public static func escape(
    _ utf8: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var runStart = 0
    var index = 0
    let count = utf8.count
    while true {
      index = nextSpecial(utf8, from: index)
      guard index < count else { break }
      emit(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
      escapeByte(utf8[index], emit)
      index += 1
      runStart = index
    }
    emit(UnsafeBufferPointer(rebasing: utf8[runStart...]))
  }

  /// `text` as a JSON string literal, quotes included.
  public static func quoted(_ text: String) -> String {
    var text = text
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    text.withUTF8 { utf8 in escape(utf8) { bytes.append(contentsOf: $0) } }
    bytes.append(UInt8(ascii: "\""))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `\uXXXX` for one code unit below U+10000 (four lower-case hex digits).
  public static func unicodeEscape(_ value: UInt16) -> [UInt8] {
    [
      UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[Int(value >> 12)], hex[Int(value >> 8 & 0xF)],
      hex[Int(value >> 4 & 0xF)], hex[Int(value & 0xF)],
    ]
  }

  @usableFromInline
  static func escapeByte(_ byte: UInt8, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    let escaped: [UInt8]
    switch byte {
    case UInt8(ascii: "\""): escaped = [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
    case UInt8(ascii: "\\"): escaped = [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
    case 0x0A: escaped = [UInt8(ascii: "\\"), UInt8(ascii: "n")]
    case 0x0D: escaped = [UInt8(ascii: "\\"), UInt8(ascii: "r")]
    case 0x09: escaped = [UInt8(ascii: "\\"), UInt8(ascii: "t")]
    default: escaped = unicodeEscape(UInt16(byte))
    }
    escaped.withUnsafeBufferPointer(emit)
  }

  /// The index of the first byte from `start` that JSON must escape (a control character, `"`
  /// or `\\`), or the end. Eight bytes at a time: text rarely needs escaping.
  @usableFromInline @inline(__always)
  static func nextSpecial(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    let count = utf8.count
    if let base = utf8.baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      while index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        // High bit set in each byte that is below 0x20, equal to '"' or equal to '\\' (the
        // classic "has zero byte" test, which never misses and may flag a byte after a hit).
        let control = (word &- ones &* 0x20) & ~word
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let found =
          (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
        if found != 0 { break }
        index += 8
      }
    }
    while index < count {
      let byte = utf8[index]
      if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
      index += 1
    }
    return count
  }

  @usableFromInline
  static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
