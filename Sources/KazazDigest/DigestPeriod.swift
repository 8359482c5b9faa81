import Foundation

/// A calendar day in the digest's time zone: the label and the instants it spans.
public struct DigestPeriod: Sendable, Equatable {
  public var day: String
  public var start: Date
  public var end: Date
  public var timeZone: TimeZone

  /// The day containing `date` in `timeZone`.
  public static func day(containing date: Date, in timeZone: TimeZone) -> DigestPeriod {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let start = calendar.startOfDay(for: date)
    let end = calendar.date(byAdding: .day, value: 1, to: start)!
    let parts = calendar.dateComponents([.year, .month, .day], from: start)
    let label = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    return DigestPeriod(day: label, start: start, end: end, timeZone: timeZone)
  }

  /// The day named `YYYY-MM-DD` in `timeZone`, or nil when the text is not a valid date.
  public static func day(named text: String, in timeZone: TimeZone) -> DigestPeriod? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, text.count == 10 else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    var components = DateComponents()
    (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
    components.hour = 12
    guard let noon = calendar.date(from: components),
      calendar.component(.day, from: noon) == parts[2]
    else { return nil }
    return day(containing: noon, in: timeZone)
  }
}
