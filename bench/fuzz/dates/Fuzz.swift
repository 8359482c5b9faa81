// libFuzzer entry point over the date readers, built by bench/fuzz/run.sh (never by SwiftPM):
// `FeedDateParser` (RFC 822 fast path and free form, ISO 8601), `CivilTime.iso8601` (feeds and
// pages) and `HTTPDate` (Retry-After, Last-Modified).
//
// Structure-aware: the first byte picks one of the shapes the readers accept, the next bytes
// fill its fields (year, month as number or as an English or Russian name in any case form,
// day, time, fraction, zone as offset, name or `GMT+h`), each field either valid or at or past
// its bound, and further bytes may mutate the text (a byte inserted, one removed, case flipped,
// white space doubled). The raw bytes are read as well, as they are.
//
// Promises checked: no trap; a feed date lies between 1990 and two days after `now`; every other
// date a reader returns can be written as RFC 3339 and stored (years 1–9999); reading twice
// gives the same answer; and a date generated valid and unmutated in a shape the feed parser
// documents reads as the instant Foundation's Gregorian calendar gives for its fields.
import Foundation

@testable import KazazFetch
@testable import KazazModel
@testable import KazazParse

/// A broken promise: says which on standard error (an optimised `precondition` would not),
/// then traps, which libFuzzer reports as a crash.
private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
  guard !condition else { return }
  FileHandle.standardError.write(Data("broken promise: \(message())\n".utf8))
  fatalError()
}

/// The fuzz input read as a stream of choices; past its end every choice is 0.
private struct Choices {
  let bytes: UnsafeRawBufferPointer
  var index = 0

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  var remaining: Int { bytes.count - index }

  mutating func byte() -> UInt8 {
    guard index < bytes.count else { return 0 }
    defer { index += 1 }
    return bytes[index]
  }

  /// A number in `range`, from two bytes.
  mutating func number(_ range: ClosedRange<Int>) -> Int {
    let raw = Int(byte()) << 8 | Int(byte())
    return range.lowerBound + raw % (range.count)
  }

  mutating func pick<T>(_ values: [T]) -> T { values[Int(byte()) % values.count] }
}

/// The fields of one generated date, kept for the calendar check.
private struct Fields {
  var year = 2024
  var month = 1
  var day = 1
  var hour = 0
  var minute = 0
  var second = 0
  var offset = 0
  /// False once any field was chosen outside its range or the text was mutated.
  var clean = true
}

private let englishMonths = [
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
]
private let englishMonthNames = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
]
/// Russian month names in the forms feeds write: genitive, nominative, abbreviated.
private let russianMonths: [[String]] = [
  ["января", "январь", "янв"], ["февраля", "февраль", "фев"], ["марта", "март", "мар"],
  ["апреля", "апрель", "апр"], ["мая", "май", "мая"], ["июня", "июнь", "июн"],
  ["июля", "июль", "июл"], ["августа", "август", "авг"], ["сентября", "сентябрь", "сен"],
  ["октября", "октябрь", "окт"], ["ноября", "ноябрь", "ноя"], ["декабря", "декабрь", "дек"],
]
private let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Пн", "Вт", "Ср"]
private let httpWeekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Sunday", "Monday"]
private let namedZones = FeedDateParser.zones.keys.sorted()

/// A field's number: usually valid, sometimes at, past or far beyond its bounds.
private func field(_ valid: ClosedRange<Int>, _ choices: inout Choices, _ fields: inout Fields)
  -> Int
{
  let mode = choices.byte()
  switch mode % 16 {
  case 0:
    fields.clean = false
    return choices.pick([0, -1, valid.upperBound + 1, 99, 100, 999, 9_999, 10_000, 99_999])
  case 1:
    fields.clean = false
    return choices.pick([Int.max, 4_294_967_296, 1 << 53, 123_456_789_012])
  default:
    return choices.number(valid)
  }
}

/// `value` with at least `width` digits.
private func padded(_ value: Int, _ width: Int) -> String {
  let text = String(value.magnitude)
  let sign = value < 0 ? "-" : ""
  return sign + String(repeating: "0", count: max(0, width - text.count)) + text
}

/// A zone: the text and the offset it means (nil when it means none a reader accepts).
private func zone(_ choices: inout Choices, _ fields: inout Fields, iso: Bool) -> String {
  let sign = choices.byte() % 2 == 0 ? 1 : -1
  let hours = field(0...14, &choices, &fields)
  let minutes = choices.pick([0, 0, 30, 45, 59, 60, 99])
  if minutes > 59 { fields.clean = false }
  let signText = sign > 0 ? "+" : "-"
  // Out of range, the offset is never compared (the date is not clean): kept from overflowing.
  let bounded = min(hours, 1000)
  fields.offset = sign * (bounded * 3600 + minutes * 60)
  switch choices.byte() % (iso ? 5 : 9) {
  case 0:
    fields.offset = 0
    return "Z"
  case 1: return signText + padded(hours, 2) + ":" + padded(minutes, 2)
  case 2: return signText + padded(hours, 2) + padded(minutes, 2)
  case 3:
    fields.offset = sign * bounded * 3600
    return signText + padded(hours, 2)
  case 4:
    fields.offset = 0
    return iso ? "z" : "GMT"
  case 5:
    let name = choices.pick(namedZones)
    fields.offset = FeedDateParser.zones[name] ?? 0
    return choices.byte() % 2 == 0 ? name.uppercased() : "(" + name.uppercased() + ")"
  case 6:
    fields.offset = sign * bounded * 3600
    return "GMT" + signText + String(hours)
  case 7: return "UTC" + signText + padded(hours, 2) + ":" + padded(minutes, 2)
  default:
    fields.offset = 0
    return choices.pick(["UT", "UTC", "gmt", "Z"])
  }
}

/// Generates one date-like text from the choices; `documented` says whether the shape is one
/// the feed parser promises to read.
private func generate(_ choices: inout Choices) -> (text: String, fields: Fields, documented: Bool)
{
  var f = Fields()
  let shape = choices.byte() % 9
  f.year = field(1990...2026, &choices, &f)
  f.month = field(1...12, &choices, &f)
  f.day = field(1...28, &choices, &f)
  f.hour = field(0...23, &choices, &f)
  f.minute = field(0...59, &choices, &f)
  f.second = field(0...59, &choices, &f)
  let monthIndex = (f.month - 1) % 12 < 0 ? 0 : (f.month - 1) % 12
  let text: String
  var documented = true
  switch shape {
  case 0:  // RFC 822: `Mon, 10 Apr 2023 18:16:05 +0500` and its zones.
    let weekday = choices.byte() % 3 == 0 ? "" : choices.pick(weekdays) + ", "
    let seconds = choices.byte() % 4 == 0 ? "" : ":" + padded(f.second, 2)
    if seconds.isEmpty { f.second = 0 }
    let zoneText = choices.byte() % 5 == 0 ? "" : " " + zone(&choices, &f, iso: false)
    if zoneText.isEmpty { f.offset = 0 }
    text =
      "\(weekday)\(padded(f.day, 1)) \(englishMonths[monthIndex]) \(padded(f.year, 4)) "
      + "\(padded(f.hour, 2)):\(padded(f.minute, 2))\(seconds)\(zoneText)"
  case 1:  // RFC 822 with a two- or three-digit year (`10 Apr 23`, getYear()'s `123`).
    let short = f.year % 100
    let threeDigits = f.year >= 2000 && choices.byte() % 2 == 0
    text =
      "\(padded(f.day, 2)) \(englishMonths[monthIndex]) "
      + (threeDigits ? String(f.year - 1900) : padded(short, 2))
      + " \(padded(f.hour, 2)):\(padded(f.minute, 2)):\(padded(f.second, 2)) GMT"
    f.offset = 0
    documented = (2000..<2050).contains(f.year) || (1950..<2000).contains(f.year)
  case 2:  // RFC 3339 / ISO 8601 extended, with a fraction and an offset.
    let separator = choices.pick(["T", "T", " ", "t"])
    if separator == "t" { documented = false }
    let fraction =
      choices.byte() % 3 == 0
      ? choices.pick([".", ","]) + String(repeating: "7", count: Int(choices.byte() % 14) + 1)
      : ""
    let zoneText = choices.byte() % 4 == 0 ? "" : zone(&choices, &f, iso: true)
    if zoneText.isEmpty { f.offset = 0 }
    text =
      "\(padded(f.year, 4))-\(padded(f.month, 2))-\(padded(f.day, 2))\(separator)"
      + "\(padded(f.hour, 2)):\(padded(f.minute, 2)):\(padded(f.second, 2))\(fraction)\(zoneText)"
    if !fraction.isEmpty { documented = false }  // the fraction moves the instant
  case 3:  // ISO 8601 basic: `20230410T181605Z`.
    text =
      "\(padded(f.year, 4))\(padded(f.month, 2))\(padded(f.day, 2))T"
      + "\(padded(f.hour, 2))\(padded(f.minute, 2))\(padded(f.second, 2))Z"
    f.offset = 0
  case 4:  // W3C-DTF partials: `2023`, `2023-04`, `2023-04-10`, `2023-04-10T18:16+05:00`.
    switch choices.byte() % 4 {
    case 0:
      text = padded(f.year, 4)
      documented = false
    case 1:
      text = "\(padded(f.year, 4))-\(padded(f.month, 2))"
      documented = false
    case 2:
      text = "\(padded(f.year, 4))-\(padded(f.month, 2))-\(padded(f.day, 2))"
      (f.hour, f.minute, f.second, f.offset) = (0, 0, 0, 0)
    default:
      let zoneText = zone(&choices, &f, iso: true)
      text =
        "\(padded(f.year, 4))-\(padded(f.month, 2))-\(padded(f.day, 2))T"
        + "\(padded(f.hour, 2)):\(padded(f.minute, 2))\(zoneText)"
      f.second = 0
    }
  case 5:  // Russian free form: `10 апреля 2023, 18:16`, `10 Мая 2023 г. 09:00`.
    var name = russianMonths[monthIndex][Int(choices.byte()) % 3]
    if choices.byte() % 3 == 0 { name = name.capitalized }
    let year = choices.byte() % 2 == 0 ? padded(f.year, 4) + " г." : padded(f.year, 4) + ","
    text = "\(f.day) \(name) \(year) \(padded(f.hour, 2)):\(padded(f.minute, 2))"
    (f.second, f.offset) = (0, 0)
  case 6:  // English free form: `April 10, 2023 6:16 PM`.
    let hour12 = f.hour % 12 == 0 ? 12 : f.hour % 12
    let name = choices.byte() % 2 == 0 ? englishMonthNames[monthIndex] : englishMonths[monthIndex]
    text =
      "\(name) \(f.day), \(padded(f.year, 4)) \(hour12):\(padded(f.minute, 2)) "
      + (f.hour < 12 ? "AM" : "PM")
    (f.second, f.offset) = (0, 0)
  case 7:  // Day-first numeric: `12.04.2023 18:16`.
    text =
      "\(padded(f.day, 2)).\(padded(f.month, 2)).\(padded(f.year, 4)) "
      + "\(padded(f.hour, 2)):\(padded(f.minute, 2))"
    (f.second, f.offset) = (0, 0)
  default:  // HTTP dates: IMF-fixdate, RFC 850, asctime.
    let weekday = choices.pick(httpWeekdays)
    let time = "\(padded(f.hour, 2)):\(padded(f.minute, 2)):\(padded(f.second, 2))"
    switch choices.byte() % 3 {
    case 0:
      text =
        "\(weekday), \(padded(f.day, 2)) \(englishMonths[monthIndex]) \(padded(f.year, 4)) \(time) GMT"
    case 1:
      text =
        "\(weekday), \(padded(f.day, 2))-\(englishMonths[monthIndex])-\(padded(f.year % 100, 2)) \(time) GMT"
      documented = false
    default:
      text = "\(weekday) \(englishMonths[monthIndex]) \(f.day) \(time) \(padded(f.year, 4))"
      documented = false
    }
    f.offset = 0
  }
  return (text, f, documented)
}

/// Mutations driven by the rest of the input: each changes one character of the text.
private func mutate(_ text: String, _ choices: inout Choices, _ fields: inout Fields) -> String {
  var scalars = Array(text.unicodeScalars)
  let count = Int(choices.byte() % 4)
  for _ in 0..<count where choices.remaining > 0 {
    fields.clean = false
    let position = scalars.isEmpty ? 0 : Int(choices.byte()) % (scalars.count + 1)
    switch choices.byte() % 5 {
    case 0: scalars.insert(Unicode.Scalar(choices.byte()), at: position)
    case 1: if position < scalars.count { scalars.remove(at: position) }
    case 2:
      scalars.insert(choices.pick(["\u{A0}", "\t", "\u{660}", "\u{FF11}", ":"]), at: position)
    case 3:
      if position < scalars.count, let flipped = Unicode.Scalar(scalars[position].value ^ 0x20) {
        scalars[position] = flipped
      }
    default: scalars.insert(contentsOf: " ".unicodeScalars, at: position)
    }
  }
  var result = ""
  result.unicodeScalars.append(contentsOf: scalars)
  return result
}

private let now = Date(timeIntervalSince1970: 1_795_000_000)
private let oldest = 631_152_000.0

private let calendar: Calendar = {
  var calendar = Calendar(identifier: .gregorian)
  calendar.timeZone = TimeZone(identifier: "UTC")!
  return calendar
}()

/// Every reader on one text, with the promises that hold whatever the text.
private func readAll(_ text: String) -> Date? {
  let feedDate = FeedDateParser.parse(text, now: now)
  check(feedDate == FeedDateParser.parse(text, now: now), "not deterministic: \(text)")
  if let feedDate {
    check(
      feedDate.timeIntervalSince1970 >= oldest && feedDate <= now.addingTimeInterval(2 * 86_400),
      "feed date out of range: \(text) → \(feedDate.timeIntervalSince1970)")
  }
  for date in [CivilTime.iso8601(text), HTTPDate.parse(text)].compactMap({ $0 }) {
    check(
      CivilTime.writableSeconds.contains(date.timeIntervalSince1970),
      "date outside years 1–9999: \(text) → \(date.timeIntervalSince1970)")
    let written = CivilTime.rfc3339(date)
    check(written.utf8.count == 20 && CivilTime.iso8601(written) != nil, written)
  }
  check(CivilTime.iso8601(text) == CivilTime.iso8601(text), "iso8601 not deterministic: \(text)")
  check(HTTPDate.parse(text) == HTTPDate.parse(text), "HTTPDate not deterministic: \(text)")
  return feedDate
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: start, count: count)
  // The raw bytes, as a feed would carry them.
  _ = readAll(String(decoding: bytes.prefix(512), as: UTF8.self))

  var choices = Choices(bytes)
  var (text, fields, documented) = generate(&choices)
  text = mutate(text, &choices, &fields)
  let parsed = readAll(text)

  // A clean date in a documented shape must be read, and read right.
  guard fields.clean, documented, (1...12).contains(fields.month),
    let expected = calendar.date(
      from: DateComponents(
        year: fields.year, month: fields.month, day: fields.day, hour: fields.hour,
        minute: fields.minute, second: fields.second)
    )?.addingTimeInterval(TimeInterval(-fields.offset)),
    expected.timeIntervalSince1970 >= oldest, expected <= now
  else { return 0 }
  check(
    parsed == expected,
    "\(text): read as \(parsed.map { CivilTime.rfc3339($0) } ?? "nothing"), "
      + "expected \(CivilTime.rfc3339(expected))")
  return 0
}
