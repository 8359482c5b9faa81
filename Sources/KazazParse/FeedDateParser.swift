import Foundation
import KazazModel

/// Parses the dates feeds really contain: RFC 822 and its variants (two-digit years, missing
/// seconds, named zones such as MSK, ALMT or AZT, `GMT+5`), ISO 8601 / RFC 3339 variants, and
/// Russian and English month names in free-form dates ("10 апреля 2023, 18:16").
public enum FeedDateParser {
  /// Returns nil when nothing date-like is found, or the date is absurd (before 1990 or more than
  /// two days in the future relative to `now`).
  public static func parse(_ text: String, now: Date = Date()) -> Date? {
    var text = text
    return text.withUTF8 { parse(utf8: $0, now: now) }
  }

  /// The same, from UTF-8 bytes.
  static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, now: Date) -> Date? {
    var start = 0
    var end = bytes.count
    while start < end, isASCIISpace(bytes[start]) { start += 1 }
    while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
    guard start < end else { return nil }
    let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
    let date: Date?
    if let fast = RFC822Fast.parse(trimmed) ?? CivilTime.iso8601(utf8: trimmed) {
      date = fast
    } else {
      date = rfc822(String(decoding: trimmed, as: UTF8.self))
    }
    guard let date, isPlausible(date, now: now) else { return nil }
    return date
  }

  /// Dates before 1990 or more than two days ahead of `now` are errors, not news.
  static func isPlausible(_ date: Date, now: Date) -> Bool {
    date.timeIntervalSince1970 >= 631_152_000 && date <= now.addingTimeInterval(2 * 86_400)
  }

  @inline(__always)
  static func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  // MARK: RFC 822 and free-form

  /// Zone abbreviations seen in feeds, in seconds east of UTC. Central Asian and Caucasus zones
  /// are here because our sources use them.
  static let zones: [String: Int] = [
    "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 3600, "cet": 3600, "cest": 7200,
    "eet": 7200, "eest": 10800, "msk": 10800, "msd": 14400, "trt": 10800, "azt": 14400,
    "amt": 14400, "get": 14400, "gst": 14400, "samt": 14400, "aqtt": 18000, "orat": 18000,
    "almt": 18000, "qyzt": 18000, "uzt": 18000, "tmt": 18000, "pkt": 18000, "kgt": 21600,
    "ist": 19800, "cst": -21600, "cdt": -18000, "est": -18000, "edt": -14400, "mst": -25200,
    "mdt": -21600, "pst": -28800, "pdt": -25200, "akst": -32400, "hst": -36000, "jst": 32400,
    "kst": 32400, "hkt": 28800, "sgt": 28800, "awst": 28800, "aest": 36000,
  ]

  static let months: [String: Int] = {
    var table: [String: Int] = [:]
    let english = [
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    for (index, name) in english.enumerated() { table[name] = index + 1 }
    table["sept"] = 9
    // Russian stems cover every case form: "апреля", "апрель", "апр".
    let russian = [
      "янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
    ]
    for (index, name) in russian.enumerated() { table[name] = index + 1 }
    return table
  }()

  static func month(_ word: String) -> Int? {
    let lower = word.lowercased()
    if let exact = months[String(lower.prefix(4))] ?? months[String(lower.prefix(3))] {
      return exact
    }
    // "мая"/"май" share only two letters with their stem.
    if lower.hasPrefix("ма") && (lower == "май" || lower == "мая") { return 5 }
    return nil
  }

  /// A zone a token names: an offset in seconds east of UTC, or one written out of range
  /// (`GMT+99`, `+999999`), which makes the whole date unreadable rather than silently UTC.
  enum Zone: Equatable {
    case offset(Int)
    case outOfRange
  }

  /// Tokenises and reads day, month name, year, time and zone in any order RFC 822 writers
  /// produce: `Mon, 10 Apr 2023 18:16:05 +0500`, `10 Apr 23 18:16 MSK`, `Apr 10, 2023 6:16 PM`,
  /// `10 апреля 2023, 18:16`, `Mon, 10 Apr 2023 18:16:05 GMT+5`.
  ///
  /// Every number is read with a bounded count of ASCII digits: a year of more than four digits,
  /// a zone out of range or a number no field can hold makes the date unreadable (nil).
  static func rfc822(_ text: String) -> Date? {
    var day: Int?
    var month: Int?
    var year: Int?
    var hour = 0
    var minute = 0
    var second = 0
    var offset: Int?
    var pm: Bool?
    let tokens = text.replacingOccurrences(of: ",", with: " ")
      .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    for token in tokens {
      let lower = token.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
      // `+0500`, `-03`, `+05:00`: a zone, even though it may contain a colon.
      if let sign = lower.utf8.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
        let digits = lower.utf8.dropFirst().filter { $0 != UInt8(ascii: ":") }
        if !digits.isEmpty, digits.allSatisfy(isDigit) {
          // One or two digits are hours; three or four are hours and minutes.
          guard let value = decimal(digits, maxDigits: 4),
            let zone = CivilTime.zoneOffset(
              positive: sign == UInt8(ascii: "+"), hours: digits.count > 2 ? value / 100 : value,
              minutes: digits.count > 2 ? value % 100 : 0)
          else { return nil }
          offset = zone
          continue
        }
      }
      if token.contains(":"), let time = parseTime(token) {
        (hour, minute, second) = (time.hour, time.minute, time.second)
        switch time.zone {
        case .offset(let zone)?: offset = zone
        case .outOfRange?: return nil
        case nil: break
        }
        continue
      }
      if lower == "am" || lower == "pm" {
        pm = lower == "pm"
        continue
      }
      switch zoneOffset(lower) {
      case .offset(let zone)?:
        offset = zone
        continue
      case .outOfRange?:
        return nil
      case nil:
        break
      }
      // `12.04.2023`: the numeric day-first form Russian-language sites use.
      let dotted = lower.utf8.split(separator: UInt8(ascii: "."))
      if dotted.count == 3, let d = decimal(dotted[0], maxDigits: 2),
        let m = decimal(dotted[1], maxDigits: 2), let y = decimal(dotted[2], maxDigits: 4),
        dotted[2].count == 4 || dotted[2].count == 2
      {
        (day, month, year) = (d, m, dotted[2].count == 4 ? y : 2000 + y)
        continue
      }
      if !lower.isEmpty, lower.utf8.allSatisfy(isDigit) {
        // No field of a date has five digits or more.
        guard let number = decimal(lower.utf8, maxDigits: 4) else { return nil }
        if lower.utf8.count == 4 {
          year = number
        } else if day == nil, number >= 1, number <= 31 {
          day = number
        } else if year == nil {
          // Two digits, or three from JavaScript's getYear() (years since 1900).
          year = number < 50 ? 2000 + number : 1900 + number
        }
        continue
      }
      if month == nil, let value = Self.month(lower) {
        month = value
        continue
      }
    }
    if let pm {
      if pm && hour < 12 { hour += 12 }
      if !pm && hour == 12 { hour = 0 }
    }
    guard let day, let month, let year else { return nil }
    // No zone at all: feeds that omit it are most often in UTC; say so rather than guess local.
    return makeDate(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second,
      offset: offset ?? 0)
  }

  /// `GMT+5`, `UTC+05:00`, `GMT+0530`, `MSK`, `(MSK)`; nil when the token names no zone.
  static func zoneOffset(_ token: String) -> Zone? {
    let cleaned = token.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
    if let value = zones[cleaned] { return .offset(value) }
    for base in ["gmt", "utc", "ut"] where cleaned.hasPrefix(base) {
      let rest = cleaned.utf8.dropFirst(base.utf8.count)
      guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
        continue
      }
      let numbers = rest.dropFirst().split(
        separator: UInt8(ascii: ":"), maxSplits: 1, omittingEmptySubsequences: false)
      guard let hoursText = numbers.first, !hoursText.isEmpty else { return nil }
      guard let hoursValue = decimal(hoursText, maxDigits: 4) else { return .outOfRange }
      var hours = hoursValue
      var minutes = 0
      if numbers.count > 1 {
        guard hoursText.count <= 2, let value = decimal(numbers[1], maxDigits: 2) else {
          return .outOfRange
        }
        minutes = value
      } else if hoursText.count > 2 {
        // `GMT+0530`: hours and minutes run together.
        (hours, minutes) = (hoursValue / 100, hoursValue % 100)
      }
      guard
        let seconds = CivilTime.zoneOffset(
          positive: sign == UInt8(ascii: "+"), hours: hours, minutes: minutes)
      else { return .outOfRange }
      return .offset(seconds)
    }
    return nil
  }

  /// `18:16`, `18:16:05`, `18:16:05.000`, `18:16:05+05:00`, `18:16:05Z`.
  static func parseTime(_ token: String) -> (hour: Int, minute: Int, second: Int, zone: Zone?)? {
    var timePart = Substring(token)
    var zone: Zone?
    if let signIndex = token.dropFirst(4).firstIndex(where: { $0 == "+" || $0 == "-" }) {
      timePart = token[..<signIndex]
      zone = zoneOffset("utc" + token[signIndex...])
    } else if token.hasSuffix("Z") {
      timePart = token.dropLast()
      zone = .offset(0)
    }
    let parts = timePart.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
    guard parts.count >= 2, let hour = decimal(parts[0], maxDigits: 2),
      let minute = decimal(parts[1], maxDigits: 2), hour < 25, minute < 60
    else { return nil }
    let second = parts.count > 2 ? decimal(parts[2].prefix(2), maxDigits: 2) ?? 0 : 0
    return (hour, minute, second, zone)
  }

  /// The value of 1 to `maxDigits` ASCII digits, or nil for anything else (signs, other
  /// scripts' digits, longer runs): it never overflows.
  static func decimal<Digits: Collection<UInt8>>(_ digits: Digits, maxDigits: Int) -> Int? {
    guard !digits.isEmpty, digits.count <= maxDigits else { return nil }
    var value = 0
    for byte in digits {
      guard isDigit(byte) else { return nil }
      value = value * 10 + Int(byte - 48)
    }
    return value
  }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= 48 && byte <= 57
  }

  /// The date of these fields, or nil when one is out of range (see `CivilTime.date`).
  static func makeDate(
    year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int
  ) -> Date? {
    CivilTime.date(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second,
      offset: offset)
  }
}
