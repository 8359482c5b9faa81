import Foundation

/// When the daily digest is due: a local time of day in a time zone. Pure, so it is tested as a
/// value across time zones and daylight-saving changes.
public struct DigestSchedule: Sendable, Equatable {
  public var minuteOfDay: Int
  public var timeZone: TimeZone

  public init(minuteOfDay: Int, timeZone: TimeZone) {
    self.minuteOfDay = minuteOfDay
    self.timeZone = timeZone
  }

  /// The first digest time strictly after `date`.
  public func nextRun(after date: Date) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    var components = DateComponents()
    components.hour = minuteOfDay / 60
    components.minute = minuteOfDay % 60
    components.second = 0
    // `.nextTime` moves a time that a spring-forward gap skips to the next valid instant.
    return calendar.nextDate(
      after: date, matching: components, matchingPolicy: .nextTime, repeatedTimePolicy: .first,
      direction: .forward) ?? date.addingTimeInterval(86_400)
  }
}
