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
    if let fast = RFC822Fast.parse(trimmed) {
      date = fast
    } else {
      let string = String(decoding: trimmed, as: UTF8.self)
      date = iso8601(string) ?? rfc822(string)
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

  // MARK: ISO 8601

  /// `2023-04-10`, `2023-04-10T18:16`, `2023-04-10T18:16:05.123+05:00`, `2023-04-10 18:16:05Z`,
  /// `20230410T181605Z`.
  static func iso8601(_ text: String) -> Date? {
    let scalars = Array(text.utf8)
    var index = 0
    func digits(_ count: Int) -> Int? {
      guard index + count <= scalars.count else { return nil }
      var value = 0
      for offset in 0..<count {
        let byte = scalars[index + offset]
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      index += count
      return value
    }
    func skip(_ byte: UInt8) -> Bool {
      if index < scalars.count && scalars[index] == byte {
        index += 1
        return true
      }
      return false
    }
    guard let year = digits(4) else { return nil }
    let dashed = skip(UInt8(ascii: "-"))
    guard let month = digits(2) else { return nil }
    if dashed { guard skip(UInt8(ascii: "-")) else { return nil } }
    guard let day = digits(2) else { return nil }
    var hour = 0
    var minute = 0
    var second = 0
    var fraction = 0.0
    var offset = 0
    if index < scalars.count, scalars[index] == UInt8(ascii: "T") || scalars[index] == 0x20 {
      index += 1
      guard let h = digits(2) else { return nil }
      hour = h
      let colon = skip(UInt8(ascii: ":"))
      guard let m = digits(2) else { return nil }
      minute = m
      if (colon && skip(UInt8(ascii: ":")))
        || (!colon && index < scalars.count && scalars[index] >= 48 && scalars[index] <= 57)
      {
        guard let s = digits(2) else { return nil }
        second = s
        if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
          var scale = 0.1
          while index < scalars.count, scalars[index] >= 48, scalars[index] <= 57 {
            fraction += Double(scalars[index] - 48) * scale
            scale /= 10
            index += 1
          }
        }
      }
      while index < scalars.count && scalars[index] == 0x20 { index += 1 }
      if skip(UInt8(ascii: "Z")) || skip(UInt8(ascii: "z")) {
        offset = 0
      } else if index < scalars.count,
        scalars[index] == UInt8(ascii: "+") || scalars[index] == UInt8(ascii: "-")
      {
        let sign = scalars[index] == UInt8(ascii: "+") ? 1 : -1
        index += 1
        guard let oh = digits(2) else { return nil }
        _ = skip(UInt8(ascii: ":"))
        let om = digits(2) ?? 0
        offset = sign * (oh * 3600 + om * 60)
      }
    }
    guard index == scalars.count else { return nil }
    return makeDate(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second,
      offset: offset
    ).map { $0.addingTimeInterval(fraction) }
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

  /// Tokenises and reads day, month name, year, time and zone in any order RFC 822 writers
  /// produce: `Mon, 10 Apr 2023 18:16:05 +0500`, `10 Apr 23 18:16 MSK`, `Apr 10, 2023 6:16 PM`,
  /// `10 апреля 2023, 18:16`, `Mon, 10 Apr 2023 18:16:05 GMT+5`.
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
      if let sign = lower.first, sign == "+" || sign == "-" {
        let digits = lower.dropFirst().filter { $0 != ":" }
        if let value = Int(digits), digits.count == 4 || digits.count == 2 {
          let hours = digits.count == 4 ? value / 100 : value
          let minutes = digits.count == 4 ? value % 100 : 0
          offset = (sign == "+" ? 1 : -1) * (hours * 3600 + minutes * 60)
          continue
        }
      }
      if token.contains(":"), let time = parseTime(token) {
        (hour, minute, second) = (time.0, time.1, time.2)
        if let zone = time.zone { offset = zone }
        continue
      }
      if lower == "am" || lower == "pm" {
        pm = lower == "pm"
        continue
      }
      if let zoneOffset = zoneOffset(lower) {
        offset = zoneOffset
        continue
      }
      // `12.04.2023`: the numeric day-first form Russian-language sites use.
      let dotted = lower.split(separator: ".")
      if dotted.count == 3, let d = Int(dotted[0]), let m = Int(dotted[1]), let y = Int(dotted[2]),
        dotted[2].count == 4 || dotted[2].count == 2
      {
        (day, month, year) = (d, m, dotted[2].count == 4 ? y : 2000 + y)
        continue
      }
      if let number = Int(lower) {
        if lower.count == 4 {
          year = number
        } else if day == nil, number >= 1, number <= 31 {
          day = number
        } else if year == nil {
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

  /// `GMT+5`, `UTC+05:00`, `MSK`, `(MSK)`.
  static func zoneOffset(_ token: String) -> Int? {
    let cleaned = token.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
    if let value = zones[cleaned] { return value }
    for base in ["gmt", "utc", "ut"] where cleaned.hasPrefix(base) {
      let rest = cleaned.dropFirst(base.count)
      guard let sign = rest.first, sign == "+" || sign == "-" else { continue }
      let numbers = rest.dropFirst().split(separator: ":")
      guard let hours = numbers.first.flatMap({ Int($0) }) else { return nil }
      let minutes = numbers.count > 1 ? Int(numbers[1]) ?? 0 : 0
      let normalizedHours = hours > 24 ? hours / 100 : hours
      let normalizedMinutes = hours > 24 ? hours % 100 : minutes
      return (sign == "+" ? 1 : -1) * (normalizedHours * 3600 + normalizedMinutes * 60)
    }
    return nil
  }

  /// `18:16`, `18:16:05`, `18:16:05.000`, `18:16:05+05:00`.
  static func parseTime(_ token: String) -> (Int, Int, Int, zone: Int?)? {
    var timePart = Substring(token)
    var zone: Int?
    if let signIndex = token.dropFirst(4).firstIndex(where: { $0 == "+" || $0 == "-" }) {
      timePart = token[..<signIndex]
      zone = zoneOffset("utc" + token[signIndex...])
    } else if token.hasSuffix("Z") {
      timePart = token.dropLast()
      zone = 0
    }
    let parts = timePart.split(separator: ":")
    guard parts.count >= 2, let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 25,
      minute < 60
    else { return nil }
    let second = parts.count > 2 ? Int(parts[2].prefix(2)) ?? 0 : 0
    return (hour, minute, second, zone)
  }

  static func makeDate(
    year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int
  ) -> Date? {
    guard (1...12).contains(month), day >= 1, day <= CivilTime.daysIn(month: month, year: year),
      (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second),
      (1...9999).contains(year)
    else { return nil }
    let seconds =
      CivilTime.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60
      + min(second, 59) - offset
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }
}
