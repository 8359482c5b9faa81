import Foundation
import KazazConfig
import KazazDigest

/// When the weekly report is due: one weekday at a time of day, in the digest's time zone, and
/// the periods that follow from it. Pure, like `DigestSchedule`, on which it is built: a weekly
/// run is the daily run of a day with the right weekday, so daylight-saving changes are handled
/// the same way.
///
/// The report written on run day R covers `[R-7 at the time, R at the time)` and is labelled
/// with the ISO 8601 week holding most of that period (the week of its middle): with the default
/// Monday run, the week just ended, `2026-W48`.
public struct WeeklySchedule: Sendable, Equatable {
  /// 1 = Sunday … 7 = Saturday.
  public var weekday: Int
  /// The time of day and time zone of the runs.
  public var daily: DigestSchedule

  public init(weekday: Int, minuteOfDay: Int, timeZone: TimeZone) {
    self.weekday = min(max(weekday, 1), 7)
    self.daily = DigestSchedule(minuteOfDay: minuteOfDay, timeZone: timeZone)
  }

  private var timeZone: TimeZone { daily.timeZone }

  /// The weekday of the day named `YYYY-MM-DD`, nil for an invalid name.
  func weekday(ofDay label: String) -> Int? {
    guard let noon = DigestPeriod.noon(of: label, in: timeZone) else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar.component(.weekday, from: noon)
  }

  /// The first run strictly after `date`.
  public func nextRun(after date: Date) -> Date {
    var run = daily.nextRun(after: date)
    var steps = 0
    while steps < 7, weekday(ofDay: daily.label(ofRun: run)) != weekday {
      run = daily.nextRun(after: run)
      steps += 1
    }
    return run
  }

  /// The day (`YYYY-MM-DD`) of the latest run at or before `date`.
  public func lastRunDay(atOrBefore date: Date) -> String {
    var day = daily.label(ofRun: daily.lastRun(atOrBefore: date))
    var steps = 0
    while steps < 7, weekday(ofDay: day) != weekday,
      let previous = DigestPeriod.label(day, plusDays: -1, in: timeZone)
    {
      day = previous
      steps += 1
    }
    return day
  }

  /// The period of the report run on `runDay`, labelled with its ISO week; nil for an invalid
  /// day name.
  public func period(runDay: String) -> DigestPeriod? {
    guard let previous = DigestPeriod.label(runDay, plusDays: -7, in: timeZone),
      let start = daily.run(onDay: previous), let end = daily.run(onDay: runDay)
    else { return nil }
    let middle = start.addingTimeInterval(end.timeIntervalSince(start) / 2)
    return DigestPeriod(
      day: Self.week(of: middle, in: timeZone), start: start, end: end, timeZone: timeZone)
  }

  /// The run day whose report is labelled `week` (`YYYY-Www`), nil when there is none.
  public func runDay(ofWeek week: String) -> String? {
    let parts = week.split(separator: "-W")
    guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]),
      (1...53).contains(number), (1990...9999).contains(year)
    else { return nil }
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = timeZone
    var components = DateComponents()
    (components.yearForWeekOfYear, components.weekOfYear) = (year, number)
    (components.weekday, components.hour) = (5, 12)  // Thursday noon: inside the week
    guard let thursday = calendar.date(from: components) else { return nil }
    let label = DigestPeriod.label(of: thursday, in: timeZone)
    for offset in 0...7 {
      guard let day = DigestPeriod.label(label, plusDays: offset, in: timeZone),
        weekday(ofDay: day) == weekday
      else { continue }
      return period(runDay: day)?.day == week ? day : nil
    }
    return nil
  }

  /// The run days whose reports are due: after the report of week `handled` up to and including
  /// `latest`, oldest first, at most the `limit` newest of them.
  public func dueRunDays(afterWeek handled: String, through latest: String, limit: Int)
    -> [String]
  {
    var days: [String] = []
    var day = latest
    while days.count < limit, let period = period(runDay: day), period.day > handled {
      days.append(day)
      guard let previous = DigestPeriod.label(day, plusDays: -7, in: timeZone) else { break }
      day = previous
    }
    return days.reversed()
  }

  /// The ISO 8601 week of `date` in `timeZone`: `2026-W48`.
  public static func week(of date: Date, in timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
    return String(format: "%04d-W%02d", parts.yearForWeekOfYear ?? 0, parts.weekOfYear ?? 0)
  }
}

extension DigestConfig {
  /// The weekly report's schedule, nil when `digest.weekly.enabled` is false.
  public var weeklySchedule: WeeklySchedule? {
    guard weekly.enabled else { return nil }
    return WeeklySchedule(
      weekday: weekly.weekday, minuteOfDay: weekly.minuteOfDay ?? minuteOfDay,
      timeZone: timeZone)
  }
}
