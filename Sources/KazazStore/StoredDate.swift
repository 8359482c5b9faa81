import Foundation
import GRDB
import KazazModel

/// Dates as the store keeps them: GRDB's text format, `yyyy-MM-dd HH:mm:ss.SSS` in UTC, which
/// GRDB reads back and SQLite compares as text. Written here by arithmetic for the dates news
/// carries (GRDB formats through a DateFormatter, a few microseconds per date and two dates per
/// stored item); any other date, and any date a hair from a rounding tie, is left to GRDB, so the
/// text is always the same.
enum StoredDate {
  /// 1900-01-01 and 2200-01-01, in seconds since 1970: the range written by arithmetic.
  private static let fastRange: ClosedRange<Double> = -2_208_988_800...7_258_118_400

  /// 1600-01-01 and 9999-12-31T23:59:59, in seconds since 1970: the dates stored as they are.
  /// (GRDB's formatter writes earlier dates in the Julian calendar, and years past 9999 do not
  /// fit the text format.)
  static let storableRange: ClosedRange<Double> = -11_676_096_000...253_402_300_799

  /// The text of `date`; a date outside `storableRange` (a publisher's, never validated enough)
  /// is stored as the nearest end of that range, which GRDB and SQLite read back as a date.
  static func databaseValue(_ date: Date) -> DatabaseValue {
    let raw = date.timeIntervalSince1970
    let seconds =
      raw.isNaN ? 0 : min(max(raw, storableRange.lowerBound), storableRange.upperBound)
    guard fastRange.contains(seconds) else {
      return Date(timeIntervalSince1970: seconds).databaseValue
    }
    // Whole milliseconds, rounded to the nearest as the formatter does; a value within a
    // rounding error of a tie could go either way, and is left to the formatter.
    let exact = seconds * 1000
    let fraction = exact - exact.rounded(.down)
    guard abs(fraction - 0.5) > 0.001 else { return date.databaseValue }
    let milliseconds = Int64(exact.rounded())
    let (days, msOfDay) = floorDivision(milliseconds, 86_400_000)
    let (year, month, day) = CivilTime.civil(days: Int(days))
    let civil = (year: Int64(year), month: Int64(month), day: Int64(day))
    var bytes: [UInt8] = []
    bytes.reserveCapacity(23)
    append(civil.year, width: 4, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    append(civil.month, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    append(civil.day, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: " "))
    append(msOfDay / 3_600_000, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    append(msOfDay / 60_000 % 60, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    append(msOfDay / 1000 % 60, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    append(msOfDay % 1000, width: 3, to: &bytes)
    return String(decoding: bytes, as: UTF8.self).databaseValue
  }

  private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    let quotient = value / divisor
    let remainder = value % divisor
    return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
  }

  private static func append(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
    var divisor: Int64 = 1
    for _ in 1..<width { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }
}
