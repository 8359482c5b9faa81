import Foundation
import KazazDigest
import Testing

@testable import KazazService

/// Schedule arithmetic as pure values: periods, daylight-saving edges, catch-up bounds.
@Suite("Digest periods and catch-up")
struct DigestPeriodTests {
  let almaty = TimeZone(identifier: "Asia/Almaty")!
  let berlin = TimeZone(identifier: "Europe/Berlin")!
  let newYork = TimeZone(identifier: "America/New_York")!

  /// An instant given as local wall time in `zone`.
  func at(_ text: String, _ zone: TimeZone) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
  }

  func utc(_ text: String) -> Date { at(text, TimeZone(secondsFromGMT: 0)!) }

  @Test("08:00 Asia/Almaty: the digest of D covers D-1 08:00 to D 08:00, i.e. 03:00 UTC")
  func almatyPeriod() throws {
    let schedule = DigestSchedule(minuteOfDay: 8 * 60, timeZone: almaty)
    let period = try #require(schedule.period(day: "2026-11-25"))
    #expect(period.start == utc("2026-11-24 03:00"))
    #expect(period.end == utc("2026-11-25 03:00"))
    #expect(!period.isPartial)
    #expect(schedule.nextRun(after: utc("2026-11-25 03:00")) == utc("2026-11-26 03:00"))
    #expect(schedule.lastRun(atOrBefore: utc("2026-11-25 02:59")) == utc("2026-11-24 03:00"))
    #expect(schedule.lastRun(atOrBefore: utc("2026-11-25 03:00")) == utc("2026-11-25 03:00"))
    #expect(schedule.period(day: "2026-02-30") == nil)
  }

  @Test("The same local time in other zones lands on other instants")
  func otherZones() throws {
    let almatyPeriod = try #require(
      DigestSchedule(minuteOfDay: 8 * 60, timeZone: almaty).period(day: "2026-11-25"))
    let newYorkPeriod = try #require(
      DigestSchedule(minuteOfDay: 8 * 60, timeZone: newYork).period(day: "2026-11-25"))
    #expect(newYorkPeriod.end == utc("2026-11-25 13:00"))  // EST, UTC-5
    #expect(newYorkPeriod.end.timeIntervalSince(almatyPeriod.end) == 10 * 3600)
    // Late in the evening the label is still the local day, not the UTC one.
    let late = DigestSchedule(minuteOfDay: 23 * 60 + 30, timeZone: almaty)
    #expect(late.label(ofRun: late.nextRun(after: utc("2026-11-25 12:00"))) == "2026-11-25")
  }

  @Test("Spring forward: a period is 23 hours; a time inside the gap moves to the next valid one")
  func springForward() throws {
    let eight = DigestSchedule(minuteOfDay: 8 * 60, timeZone: berlin)
    let spring = try #require(eight.period(day: "2026-03-29"))
    #expect(spring.end.timeIntervalSince(spring.start) == 23 * 3600)
    #expect(spring.end == utc("2026-03-29 06:00"))  // CEST, UTC+2
    // 02:30 does not exist in Berlin on 2026-03-29: the digest runs at 03:00 CEST.
    let gap = DigestSchedule(minuteOfDay: 2 * 60 + 30, timeZone: berlin)
    #expect(gap.run(onDay: "2026-03-29") == utc("2026-03-29 01:00"))
    #expect(gap.label(ofRun: try #require(gap.run(onDay: "2026-03-29"))) == "2026-03-29")
  }

  @Test("Fall back: a period is 25 hours; a repeated time runs once, at its first occurrence")
  func fallBack() throws {
    let eight = DigestSchedule(minuteOfDay: 8 * 60, timeZone: newYork)
    let fall = try #require(eight.period(day: "2026-11-01"))
    #expect(fall.end.timeIntervalSince(fall.start) == 25 * 3600)
    let repeated = DigestSchedule(minuteOfDay: 1 * 60 + 30, timeZone: newYork)
    let run = try #require(repeated.run(onDay: "2026-11-01"))
    #expect(run == utc("2026-11-01 05:30"))  // 01:30 EDT, the first of the two
    #expect(repeated.nextRun(after: run) == utc("2026-11-02 06:30"))  // skips 01:30 EST
  }

  @Test("Midnight digests label the day that starts")
  func midnight() throws {
    let schedule = DigestSchedule(minuteOfDay: 0, timeZone: almaty)
    let period = try #require(schedule.period(day: "2026-11-25"))
    #expect(period.end == at("2026-11-25 00:00", almaty))
    #expect(period.start == at("2026-11-24 00:00", almaty))
  }

  @Test("run --once: the period in progress, labelled with the next digest day, marked partial")
  func partial() {
    let schedule = DigestSchedule(minuteOfDay: 8 * 60, timeZone: almaty)
    let afternoon = at("2026-11-25 14:10", almaty)
    let period = schedule.partialPeriod(at: afternoon)
    #expect(period.day == "2026-11-26")
    #expect(period.start == at("2026-11-25 08:00", almaty))
    #expect(period.end == afternoon)
    #expect(period.isPartial)
    let early = schedule.partialPeriod(at: at("2026-11-25 07:00", almaty))
    #expect(early.day == "2026-11-25")
    #expect(early.start == at("2026-11-24 08:00", almaty))
  }

  @Test("Due days: after the last handled day, oldest first, at most the newest `limit`")
  func dueDays() {
    let schedule = DigestSchedule(minuteOfDay: 8 * 60, timeZone: almaty)
    #expect(schedule.dueDays(after: "2026-11-25", through: "2026-11-25", limit: 7) == [])
    #expect(
      schedule.dueDays(after: "2026-11-22", through: "2026-11-25", limit: 7) == [
        "2026-11-23", "2026-11-24", "2026-11-25",
      ])
    // Across a month end, bounded to the newest three.
    #expect(
      schedule.dueDays(after: "2026-10-01", through: "2026-11-02", limit: 3) == [
        "2026-10-31", "2026-11-01", "2026-11-02",
      ])
  }
}
