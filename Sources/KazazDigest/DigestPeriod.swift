import Foundation

/// The span a digest covers, `[start, end)`, and the day it is labelled with (`YYYY-MM-DD`, the
/// local calendar day of the digest time in the digest's time zone). A partial period ends at the
/// moment it was written rather than at a digest time (`run --once`); the daemon later replaces
/// it with the complete digest of the same label day.
public struct DigestPeriod: Sendable, Equatable {
  public var day: String
  public var start: Date
  public var end: Date
  public var timeZone: TimeZone
  public var isPartial: Bool

  public init(day: String, start: Date, end: Date, timeZone: TimeZone, isPartial: Bool = false) {
    self.day = day
    self.start = start
    self.end = end
    self.timeZone = timeZone
    self.isPartial = isPartial
  }

  /// The midnight-to-midnight day containing `date` in `timeZone`.
  public static func day(containing date: Date, in timeZone: TimeZone) -> DigestPeriod {
    let calendar = Calendar.gregorian(in: timeZone)
    let start = calendar.startOfDay(for: date)
    let end = calendar.date(byAdding: .day, value: 1, to: start)!
    return DigestPeriod(
      day: label(of: start, in: timeZone), start: start, end: end, timeZone: timeZone)
  }

  /// The midnight-to-midnight day named `YYYY-MM-DD` in `timeZone`, or nil when the text is not
  /// a valid date.
  public static func day(named text: String, in timeZone: TimeZone) -> DigestPeriod? {
    noon(of: text, in: timeZone).map { day(containing: $0, in: timeZone) }
  }

  /// Noon of the day named `YYYY-MM-DD` in `timeZone` (a time every day has, whatever its
  /// daylight-saving change), or nil when the text is not a valid date.
  public static func noon(of text: String, in timeZone: TimeZone) -> Date? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, text.count == 10 else { return nil }
    let calendar = Calendar.gregorian(in: timeZone)
    var components = DateComponents()
    (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
    components.hour = 12
    guard let noon = calendar.date(from: components),
      calendar.component(.day, from: noon) == parts[2]
    else { return nil }
    return noon
  }

  /// The local calendar day of `date` in `timeZone`, `YYYY-MM-DD`.
  public static func label(of date: Date, in timeZone: TimeZone) -> String {
    let parts = Calendar.gregorian(in: timeZone).dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }

  /// The label `days` calendar days after (or before, when negative) `label`.
  public static func label(_ label: String, plusDays days: Int, in timeZone: TimeZone) -> String? {
    guard let noon = noon(of: label, in: timeZone),
      let moved = Calendar.gregorian(in: timeZone).date(byAdding: .day, value: days, to: noon)
    else { return nil }
    return self.label(of: moved, in: timeZone)
  }
}

extension Calendar {
  /// The Gregorian calendar in a time zone.
  static func gregorian(in timeZone: TimeZone) -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }
}
