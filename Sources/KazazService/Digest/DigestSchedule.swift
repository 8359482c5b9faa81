import Foundation
import KazazDigest

/// When the daily digest is due: a local time of day in a time zone, and the periods that
/// follows from it. Pure, so it is tested as a value across time zones and daylight-saving
/// changes.
///
/// The digest labelled day D covers `[D-1 at the digest time, D at the digest time)` in the
/// schedule's time zone. A digest time that a spring-forward gap skips moves to the first valid
/// instant after it; one that a fall-back change repeats is the first of the two.
public struct DigestSchedule: Sendable, Equatable {
  public var minuteOfDay: Int
  public var timeZone: TimeZone

  public init(minuteOfDay: Int, timeZone: TimeZone) {
    self.minuteOfDay = minuteOfDay
    self.timeZone = timeZone
  }

  private var calendar: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }

  /// The first digest time strictly after `date`.
  public func nextRun(after date: Date) -> Date {
    var components = DateComponents()
    components.hour = minuteOfDay / 60
    components.minute = minuteOfDay % 60
    components.second = 0
    // `.nextTime` moves a time that a spring-forward gap skips to the next valid instant.
    return calendar.nextDate(
      after: date, matching: components, matchingPolicy: .nextTime, repeatedTimePolicy: .first,
      direction: .forward) ?? date.addingTimeInterval(86_400)
  }

  /// The digest time on the day named `YYYY-MM-DD`, or nil for an invalid name.
  public func run(onDay label: String) -> Date? {
    guard let noon = DigestPeriod.noon(of: label, in: timeZone) else { return nil }
    let midnight = calendar.startOfDay(for: noon)
    return nextRun(after: midnight.addingTimeInterval(-1))
  }

  /// The latest digest time at or before `date`.
  public func lastRun(atOrBefore date: Date) -> Date {
    let today = DigestPeriod.label(of: date, in: timeZone)
    if let run = run(onDay: today), run <= date { return run }
    let yesterday = DigestPeriod.label(today, plusDays: -1, in: timeZone) ?? today
    return run(onDay: yesterday) ?? date.addingTimeInterval(-86_400)
  }

  /// The label day of the digest written at `run`.
  public func label(ofRun run: Date) -> String { DigestPeriod.label(of: run, in: timeZone) }

  /// The complete period of the digest labelled `label`: from the previous day's digest time to
  /// this day's. Nil for an invalid name.
  public func period(day label: String) -> DigestPeriod? {
    guard let previous = DigestPeriod.label(label, plusDays: -1, in: timeZone),
      let start = run(onDay: previous), let end = run(onDay: label)
    else { return nil }
    return DigestPeriod(day: label, start: start, end: end, timeZone: timeZone)
  }

  /// The period in progress at `now`, cut at `now`: since the last digest time, labelled with
  /// the day of the next one. What `run --once` writes; the daemon replaces it with the complete
  /// digest at the next digest time.
  public func partialPeriod(at now: Date) -> DigestPeriod {
    let start = lastRun(atOrBefore: now)
    let label = self.label(ofRun: nextRun(after: start))
    return DigestPeriod(day: label, start: start, end: now, timeZone: timeZone, isPartial: true)
  }

  /// The days whose digests are due: after `handled` up to and including `latest`, oldest
  /// first, at most the `limit` newest of them (a bounded catch-up after downtime).
  public func dueDays(after handled: String, through latest: String, limit: Int) -> [String] {
    var days: [String] = []
    var day = latest
    while day > handled && days.count < limit {
      days.append(day)
      guard let previous = DigestPeriod.label(day, plusDays: -1, in: timeZone) else { break }
      day = previous
    }
    return days.reversed()
  }
}
