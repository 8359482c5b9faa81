import Foundation
import KazazModel

/// The common shape of RFC 822 dates, read straight from the bytes:
/// `[Www, ]D[D] Mon YYYY HH:MM[:SS] ZONE`, where ZONE is `±HHMM`, `GMT`/`UT`/`UTC`/`Z` or a
/// named zone `FeedDateParser` knows. Anything else returns nil and takes the general path.
enum RFC822Fast {
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    var index = 0
    let count = bytes.count
    // Optional weekday: three letters and a comma.
    if count > 5, isLetter(bytes[0]), bytes[3] == UInt8(ascii: ",") {
      index = 4
      while index < count, bytes[index] == 0x20 { index += 1 }
    }
    guard let day = number(bytes, &index, min: 1, max: 2), space(bytes, &index),
      index + 3 <= count, let month = month(bytes[index], bytes[index + 1], bytes[index + 2])
    else { return nil }
    index += 3
    guard space(bytes, &index) else { return nil }
    let yearStart = index
    // Three digits are JavaScript's getYear() (years since 1900): the general path reads those.
    guard var year = number(bytes, &index, min: 2, max: 4), index - yearStart != 3,
      space(bytes, &index), let hour = number(bytes, &index, min: 1, max: 2),
      colon(bytes, &index), let minute = number(bytes, &index, min: 2, max: 2)
    else { return nil }
    var second = 0
    if index < count, bytes[index] == UInt8(ascii: ":") {
      index += 1
      guard let value = number(bytes, &index, min: 2, max: 2) else { return nil }
      second = value
    }
    if year < 100 { year += year < 50 ? 2000 : 1900 }
    var offset = 0
    if index < count {
      guard space(bytes, &index), let zone = zone(UnsafeBufferPointer(rebasing: bytes[index...]))
      else { return nil }
      offset = zone
    }
    return FeedDateParser.makeDate(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second,
      offset: offset)
  }

  private static func zone(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = bytes.first else { return nil }
    if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
      guard bytes.count == 5 else { return nil }
      var index = 1
      guard let value = number(bytes, &index, min: 4, max: 4) else { return nil }
      return CivilTime.zoneOffset(
        positive: first == UInt8(ascii: "+"), hours: value / 100, minutes: value % 100)
    }
    guard bytes.count <= 5, bytes.allSatisfy(isLetter) else { return nil }
    let name = String(decoding: bytes.map { $0 | 0x20 }, as: UTF8.self)
    return FeedDateParser.zones[name]
  }

  @inline(__always)
  private static func isLetter(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
  }

  private static func number(
    _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, min: Int, max: Int
  ) -> Int? {
    var value = 0
    var digits = 0
    while index < bytes.count, digits < max, bytes[index] >= 48, bytes[index] <= 57 {
      value = value * 10 + Int(bytes[index] - 48)
      digits += 1
      index += 1
    }
    if index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { return nil }
    return digits >= min ? value : nil
  }

  private static func space(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
    guard index < bytes.count, bytes[index] == 0x20 else { return false }
    while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    return true
  }

  private static func colon(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
    index += 1
    return true
  }

  /// English three-letter month abbreviations, any case.
  private static func month(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
    let key = UInt32(a | 0x20) << 16 | UInt32(b | 0x20) << 8 | UInt32(c | 0x20)
    switch key {
    case 0x6A_616E: return 1  // jan
    case 0x66_6562: return 2  // feb
    case 0x6D_6172: return 3  // mar
    case 0x61_7072: return 4  // apr
    case 0x6D_6179: return 5  // may
    case 0x6A_756E: return 6  // jun
    case 0x6A_756C: return 7  // jul
    case 0x61_7567: return 8  // aug
    case 0x73_6570: return 9  // sep
    case 0x6F_6374: return 10  // oct
    case 0x6E_6F76: return 11  // nov
    case 0x64_6563: return 12  // dec
    default: return nil
    }
  }
}
