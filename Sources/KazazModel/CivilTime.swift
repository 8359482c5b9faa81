import Foundation

/// Proleptic Gregorian calendar arithmetic in UTC, without `Calendar` (which is slow and
/// allocates): day numbers, and RFC 3339 formatting.
public enum CivilTime {
  /// Years this arithmetic accepts: callers validate dates first, and inputs beyond this are
  /// clamped, so no value a publisher chose can overflow it.
  static let yearLimit = 1_000_000_000
  /// Day numbers `civil(days:)` accepts (about `yearLimit` years either side).
  static let dayLimit = 365_250_000_000

  /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in seconds since 1970: the dates RFC 3339
  /// (and the store's text format) can write. Later or earlier dates are written as these.
  public static let writableSeconds: ClosedRange<Double> = -62_135_596_800...253_402_300_799

  /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`). Out-of-range inputs are clamped
  /// (year to ±`yearLimit`, month to 1…12, day to ±1,000,000) rather than trapping.
  public static func days(year: Int, month: Int, day: Int) -> Int {
    let year = min(max(year, -yearLimit), yearLimit)
    let month = min(max(month, 1), 12)
    let day = min(max(day, -1_000_000), 1_000_000)
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date of a day number (`civil_from_days`), the number clamped to ±`dayLimit`.
  public static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
    let z = min(max(days, -dayLimit), dayLimit) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// `2023-04-10T13:16:05Z`: RFC 3339 in UTC, whole seconds.
  public static func rfc3339(_ date: Date) -> String {
    String(unsafeUninitializedCapacity: 20) { buffer in
      writeRFC3339(date, to: buffer.baseAddress!)
      return 20
    }
  }

  /// Writes the 20 bytes of `rfc3339(date)` at `output`. Dates outside years 1–9999 are
  /// written as the nearest end of that range (an undefined date as the epoch).
  public static func writeRFC3339(_ date: Date, to output: UnsafeMutablePointer<UInt8>) {
    let total = Int(writable(date.timeIntervalSince1970).rounded(.down))
    let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
    let secondsOfDay = total - days * 86_400
    let (year, month, day) = civil(days: days)
    func put(_ value: Int, at index: Int, width: Int) {
      var value = value
      for offset in stride(from: width - 1, through: 0, by: -1) {
        output[index + offset] = UInt8(48 + value % 10)
        value /= 10
      }
    }
    put(year, at: 0, width: 4)
    output[4] = UInt8(ascii: "-")
    put(month, at: 5, width: 2)
    output[7] = UInt8(ascii: "-")
    put(day, at: 8, width: 2)
    output[10] = UInt8(ascii: "T")
    put(secondsOfDay / 3600, at: 11, width: 2)
    output[13] = UInt8(ascii: ":")
    put(secondsOfDay / 60 % 60, at: 14, width: 2)
    output[16] = UInt8(ascii: ":")
    put(secondsOfDay % 60, at: 17, width: 2)
    output[19] = UInt8(ascii: "Z")
  }

  /// `seconds` since 1970 clamped to `writableSeconds` (NaN: the epoch).
  public static func writable(_ seconds: Double) -> Double {
    seconds.isNaN ? 0 : min(max(seconds, writableSeconds.lowerBound), writableSeconds.upperBound)
  }
}
