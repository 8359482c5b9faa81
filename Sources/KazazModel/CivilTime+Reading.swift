import Foundation

/// Reading dates from untrusted text: every field is read with a bounded number of digits and
/// checked against its range before any arithmetic, so no value a feed, page or server writes
/// can overflow on its way to a `Date`.
extension CivilTime {
  /// The largest zone offset accepted, in seconds: real zones lie within 14 hours of UTC, and 18
  /// hours is the bound ISO 8601 readers commonly allow. Further out is a broken date, not a zone.
  public static let maximumZoneOffset = 18 * 3600

  /// The instant of a civil date and time at `offset` seconds east of UTC, or nil when a field is
  /// out of range: year 1–9999, a real day of the month, hour 0–24, minute 0–59, second 0–60 (a
  /// leap second reads as 59), offset within `maximumZoneOffset` — or when the instant itself
  /// falls outside `writableSeconds` (`9999-12-31T23:59:59-18:00` is in year 10000 in UTC), so
  /// every date read can be written as RFC 3339 and stored as it is.
  public static func date(
    year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int
  ) -> Date? {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= daysIn(month: month, year: year), (0...24).contains(hour), (0...59).contains(minute),
      (0...60).contains(second), abs(offset) <= maximumZoneOffset
    else { return nil }
    let seconds =
      days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60
      + min(second, 59) - offset
    guard writableSeconds.contains(TimeInterval(seconds)) else { return nil }
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }

  /// A zone offset in seconds east of UTC from its sign, hours and minutes, or nil when it lies
  /// beyond `maximumZoneOffset` or the minutes are not minutes.
  public static func zoneOffset(positive: Bool, hours: Int, minutes: Int) -> Int? {
    guard (0...59).contains(minutes), (0...maximumZoneOffset / 3600).contains(hours) else {
      return nil
    }
    let seconds = hours * 3600 + minutes * 60
    guard seconds <= maximumZoneOffset else { return nil }
    return positive ? seconds : -seconds
  }

  /// ISO 8601 / RFC 3339 and the variants pages and feeds write: `2023-04-10`,
  /// `2023-04-10T18:16`, `2023-04-10T18:16:05.123+05:00`, `2023-04-10 18:16:05Z`,
  /// `2023-04-10T18:16:05+0500`, `20230410T181605Z`. No zone means UTC. Years have exactly four
  /// digits; a fraction of any length is read to nanoseconds.
  public static func iso8601(_ text: String) -> Date? {
    var text = text
    return text.withUTF8 { iso8601(utf8: $0) }
  }

  /// The same, from UTF-8 bytes.
  public static func iso8601(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    var index = 0
    func digits(_ count: Int) -> Int? {
      guard index + count <= bytes.count else { return nil }
      var value = 0
      for offset in 0..<count {
        let byte = bytes[index + offset]
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      index += count
      return value
    }
    func skip(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }
    func isDigit(at position: Int) -> Bool {
      position < bytes.count && bytes[position] >= 48 && bytes[position] <= 57
    }
    guard let year = digits(4) else { return nil }
    let dashed = skip(UInt8(ascii: "-"))
    guard let month = digits(2) else { return nil }
    if dashed { guard skip(UInt8(ascii: "-")) else { return nil } }
    guard let day = digits(2) else { return nil }
    var (hour, minute, second, fraction, offset) = (0, 0, 0, 0.0, 0)
    if index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == 0x20 {
      index += 1
      guard let h = digits(2) else { return nil }
      hour = h
      let colon = skip(UInt8(ascii: ":"))
      guard let m = digits(2) else { return nil }
      minute = m
      if (colon && skip(UInt8(ascii: ":"))) || (!colon && isDigit(at: index)) {
        guard let s = digits(2) else { return nil }
        second = s
        if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
          // Digits past nanoseconds change nothing a Date can hold: skipped, not summed.
          var scale = 0.1
          var read = 0
          while isDigit(at: index) {
            if read < 9 { fraction += Double(bytes[index] - 48) * scale }
            scale /= 10
            read += 1
            index += 1
          }
        }
      }
      while index < bytes.count && bytes[index] == 0x20 { index += 1 }
      if skip(UInt8(ascii: "Z")) || skip(UInt8(ascii: "z")) {
        offset = 0
      } else if index < bytes.count,
        bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        let positive = bytes[index] == UInt8(ascii: "+")
        index += 1
        guard let zoneHours = digits(2) else { return nil }
        _ = skip(UInt8(ascii: ":"))
        let zoneMinutes = digits(2) ?? 0
        guard let zone = zoneOffset(positive: positive, hours: zoneHours, minutes: zoneMinutes)
        else { return nil }
        offset = zone
      }
    }
    guard index == bytes.count,
      let whole = date(
        year: year, month: month, day: day, hour: hour, minute: minute, second: second,
        offset: offset)
    else { return nil }
    // The fraction may not carry the last writable second into year 10000.
    let instant = whole.addingTimeInterval(fraction)
    return writableSeconds.contains(instant.timeIntervalSince1970) ? instant : nil
  }
}
