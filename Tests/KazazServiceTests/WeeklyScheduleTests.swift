import Foundation
import KazazConfig
import KazazDigest
import KazazTesting
import Testing

@testable import KazazService

/// The weekly schedule as a value: run times, week labels across years and daylight-saving
/// changes, the catch-up window, and the `digest.weekly` config it comes from.
@Suite("Weekly schedule")
struct WeeklyScheduleTests {
  static func instant(_ text: String, _ zone: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: zone)!
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
  }

  let almaty = TimeZone(identifier: "Asia/Almaty")!
  var monday: WeeklySchedule { WeeklySchedule(weekday: 2, minuteOfDay: 8 * 60, timeZone: almaty) }
  func local(_ text: String) -> Date { Self.instant(text, "Asia/Almaty") }

  @Test("Monday runs: the report covers Monday to Monday and is labelled with the week just ended")
  func mondayRuns() throws {
    let schedule = monday
    #expect(schedule.nextRun(after: local("2026-11-25 12:00")) == local("2026-11-30 08:00"))
    #expect(schedule.nextRun(after: local("2026-11-30 08:00")) == local("2026-12-07 08:00"))
    #expect(schedule.nextRun(after: local("2026-11-30 07:59")) == local("2026-11-30 08:00"))
    #expect(schedule.lastRunDay(atOrBefore: local("2026-11-30 08:00")) == "2026-11-30")
    #expect(schedule.lastRunDay(atOrBefore: local("2026-11-30 07:59")) == "2026-11-23")
    let period = try #require(schedule.period(runDay: "2026-11-30"))
    #expect(period.day == "2026-W48")
    #expect(period.start == local("2026-11-23 08:00") && period.end == local("2026-11-30 08:00"))
    #expect(schedule.runDay(ofWeek: "2026-W48") == "2026-11-30")
    #expect(schedule.period(runDay: "2026-02-30") == nil)
    #expect(schedule.runDay(ofWeek: "2026-W54") == nil && schedule.runDay(ofWeek: "W48") == nil)
  }

  @Test("Across a year end the ISO week is named by its ISO year (2026 has 53 weeks)")
  func yearEnd() throws {
    let schedule = monday
    #expect(schedule.period(runDay: "2027-01-04")?.day == "2026-W53")
    #expect(schedule.period(runDay: "2027-01-11")?.day == "2027-W01")
    #expect(schedule.runDay(ofWeek: "2026-W53") == "2027-01-04")
    #expect(schedule.runDay(ofWeek: "2027-W01") == "2027-01-11")
  }

  @Test("Another weekday: a Friday report is labelled with the week holding most of it")
  func friday() throws {
    let schedule = WeeklySchedule(weekday: 6, minuteOfDay: 18 * 60 + 30, timeZone: almaty)
    let period = try #require(schedule.period(runDay: "2026-12-04"))
    #expect(period.start == local("2026-11-27 18:30") && period.end == local("2026-12-04 18:30"))
    #expect(period.day == "2026-W49")
    #expect(schedule.runDay(ofWeek: "2026-W49") == "2026-12-04")
    #expect(schedule.nextRun(after: local("2026-12-04 18:30")) == local("2026-12-11 18:30"))
  }

  @Test("A run in a spring-forward gap moves to the first valid instant; the week is an hour short")
  func daylightSaving() throws {
    let zone = TimeZone(identifier: "Europe/Berlin")!
    let schedule = WeeklySchedule(weekday: 1, minuteOfDay: 2 * 60 + 30, timeZone: zone)
    let berlin = { (text: String) in Self.instant(text, "Europe/Berlin") }
    #expect(schedule.nextRun(after: berlin("2027-03-27 12:00")) == berlin("2027-03-28 03:00"))
    let period = try #require(schedule.period(runDay: "2027-03-28"))
    #expect(period.end.timeIntervalSince(period.start) == 7 * 86_400 - 1_800)
    #expect(period.day == "2027-W12")
  }

  @Test("Catch-up: the weeks after the last report, oldest first, at most the newest few")
  func dueRunDays() {
    let schedule = monday
    #expect(
      schedule.dueRunDays(afterWeek: "2026-W45", through: "2026-11-30", limit: 4) == [
        "2026-11-16", "2026-11-23", "2026-11-30",
      ])
    #expect(
      schedule.dueRunDays(afterWeek: "2026-W30", through: "2026-11-30", limit: 4) == [
        "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30",
      ])
    #expect(schedule.dueRunDays(afterWeek: "2026-W48", through: "2026-11-30", limit: 4) == [])
  }

  @Test("digest.weekly: Monday at the digest time by default; weekday, time and enabled read")
  func config() throws {
    let directory = try TemporaryDirectory()
    func load(_ weekly: String) throws -> Config {
      let text = """
        state_dir: state
        profile: \(ProjectPaths.profile.path)
        digest:
          time: "07:15"
          timezone: Asia/Baku
        \(weekly.isEmpty ? "" : "  weekly: \(weekly)")
        feeds: []

        """
      return try ConfigLoader.load(path: directory.write(text, to: "config.yaml").path)
    }
    let standard = try #require(try load("").digest.weeklySchedule)
    #expect(standard.weekday == 2 && standard.daily.minuteOfDay == 7 * 60 + 15)
    #expect(standard.daily.timeZone.identifier == "Asia/Baku")
    let friday = try #require(try load("{weekday: Fri, time: \"18:30\"}").digest.weeklySchedule)
    #expect(friday.weekday == 6 && friday.daily.minuteOfDay == 18 * 60 + 30)
    #expect(try load("{enabled: false}").digest.weeklySchedule == nil)
    do {
      _ = try load("{weekday: someday, time: \"25:00\", every: week}")
      Issue.record("a bad weekly section loaded")
    } catch let error as ConfigError {
      let text = error.problems.map(\.description).joined(separator: "\n")
      #expect(text.contains("digest.weekly.weekday: expected a weekday such as monday"))
      #expect(text.contains("digest.weekly.time: expected HH:MM"))
      #expect(text.contains("unknown key \"every\""))
    }
  }
}
