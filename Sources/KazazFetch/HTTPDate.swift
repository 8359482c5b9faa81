import Foundation
import KazazModel

/// HTTP dates (RFC 9110 §5.6.7), read by hand: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`),
/// and the obsolete RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
/// (`Sun Nov  6 08:49:37 1994`) forms.
///
/// Not `DateFormatter`: the value is the publisher's, and Foundation's formatter leaks memory
/// on some malformed inputs (found by fuzzing) besides costing three formatters per header.
/// Every field is checked against the calendar (no 30 February, no hour 24); the weekday must
/// be a weekday name but need not match the date, as the RFC asks recipients to ignore it.
enum HTTPDate {
  static func parse(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    // Real dates are 24 to 30 characters; a long header is not worth reading.
    guard bytes.count <= 64 else { return nil }
    let tokens = bytes.split { $0 == 0x20 || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "-") }
    guard let weekday = tokens.first, weekdayNames.contains(lowercased(weekday)) else {
      return nil
    }
    let fields:
      (
        day: ArraySlice<UInt8>, month: ArraySlice<UInt8>, year: ArraySlice<UInt8>,
        time: ArraySlice<UInt8>
      )
    switch tokens.count {
    case 6:  // IMF-fixdate or RFC 850: weekday, day, month, year, time, GMT
      guard ["gmt", "utc"].contains(lowercased(tokens[5])) else { return nil }
      fields = (tokens[1], tokens[2], tokens[3], tokens[4])
    case 5:  // asctime: weekday, month, day, time, year
      fields = (tokens[2], tokens[1], tokens[4], tokens[3])
    default:
      return nil
    }
    guard let month = monthNames.firstIndex(of: lowercased(fields.month)).map({ $0 + 1 }),
      fields.day.count <= 2, let day = number(fields.day),
      fields.year.count == 4 || fields.year.count == 2, var year = number(fields.year),
      let (hour, minute, second) = time(fields.time)
    else { return nil }
    if fields.year.count == 2 { year += year < 70 ? 2000 : 1900 }
    // The calendar's own check: a real day of the month, and a year from 1 (not `0000`).
    return CivilTime.date(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: 0)
  }

  private static let weekdayNames: [String] = [
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
  ]
  private static let monthNames: [String] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]

  /// `hh:mm:ss` with two digits each, within a day (a leap second counts as :59).
  private static func time(_ token: ArraySlice<UInt8>) -> (Int, Int, Int)? {
    let parts = token.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
    guard parts.count == 3, parts.allSatisfy({ $0.count == 2 }),
      let hour = number(parts[0]), let minute = number(parts[1]), let second = number(parts[2]),
      hour < 24, minute < 60, second <= 60
    else { return nil }
    return (hour, minute, min(second, 59))
  }

  /// Up to four ASCII digits as a number; nil for anything else.
  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    guard !digits.isEmpty, digits.count <= 4 else { return nil }
    var value = 0
    for byte in digits {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  private static func lowercased(_ token: ArraySlice<UInt8>) -> String {
    String(decoding: token.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
  }
}
