import Foundation
import Testing

@testable import KazazService

@Suite("Poll planning")
struct PollPlannerTests {
  let planner = PollPlanner()
  let now = Date(timeIntervalSince1970: 1_764_000_000)
  let interval: Duration = .seconds(900)

  func delay(
    _ observation: PollPlanner.Observation, failures: Int = 0, unchanged: Int = 0,
    changed: Bool = true, jitter: Double = 0
  ) -> Double? {
    planner.plan(
      observation: observation, interval: interval, failuresBefore: failures,
      unchangedBefore: unchanged, changed: changed, now: now, jitter: jitter
    ).nextCheckAt.map { $0.timeIntervalSince(now) }
  }

  @Test("A healthy feed is due after its interval, with ±10% jitter")
  func healthy() {
    #expect(delay(.init(status: 200, failed: false)) == 900)
    #expect(delay(.init(status: 200, failed: false), jitter: 1) == 990)
    #expect(delay(.init(status: 304, failed: false), jitter: -1) == 810)
  }

  @Test("ttl and Cache-Control max-age stretch the interval, never shrink it; capped at a day")
  func hints() {
    #expect(delay(.init(status: 200, failed: false, ttl: .seconds(3600))) == 3600)
    #expect(delay(.init(status: 200, failed: false, cacheMaxAge: .seconds(60))) == 900)
    #expect(
      delay(.init(status: 304, failed: false, cacheMaxAge: .seconds(7200), ttl: .seconds(3600)))
        == 7200)
    #expect(delay(.init(status: 200, failed: false, ttl: .seconds(900_000))) == 86_400)
  }

  @Test("A feed that keeps bringing nothing new slows down, bounded at four times")
  func adaptive() {
    let unchanged = PollPlanner.Observation(status: 304, failed: false)
    #expect(delay(unchanged, unchanged: 3, changed: false) == 900)
    #expect(delay(unchanged, unchanged: 4, changed: false) == 1125)
    #expect(delay(unchanged, unchanged: 100, changed: false) == 3600)
    #expect(delay(.init(status: 200, failed: false), unchanged: 100, changed: true) == 900)
  }

  @Test("Failures back off exponentially, capped at six hours")
  func backoff() {
    let failed = PollPlanner.Observation(status: 500, failed: true)
    #expect(delay(failed, failures: 0) == 900)
    #expect(delay(failed, failures: 1) == 1800)
    #expect(delay(failed, failures: 3) == 7200)
    #expect(delay(failed, failures: 10) == 21_600)
  }

  @Test("429 and 503 honour Retry-After when it asks for longer")
  func retryAfter() {
    #expect(delay(.init(status: 429, failed: true, retryAfter: .seconds(7200))) == 7200)
    #expect(delay(.init(status: 503, failed: true, retryAfter: .seconds(10))) == 900)
    #expect(delay(.init(status: 503, failed: true, retryAfter: .seconds(10_000_000))) == 86_400)
    // Retry-After on other statuses is not a rate limit.
    #expect(delay(.init(status: 500, failed: true, retryAfter: .seconds(7200))) == 900)
  }

  @Test("A <ttl> in minutes becomes a hint clamped to a day; zero and negative give none")
  func ttlMinutes() {
    #expect(PollPlanner.ttl(minutes: 60) == .seconds(3600))
    #expect(PollPlanner.ttl(minutes: 999_999_999_999_999_999) == PollPlanner.maximumHint)
    #expect(PollPlanner.ttl(minutes: Int.max) == PollPlanner.maximumHint)
    #expect(PollPlanner.ttl(minutes: 0) == nil)
    #expect(PollPlanner.ttl(minutes: Int.min) == nil)
    #expect(PollPlanner.ttl(minutes: nil) == nil)
  }

  @Test(
    "Hostile or corrupt inputs clamp: huge hints, counts at Int.max, NaN jitter, absurd intervals")
  func hostileInputs() {
    let huge = Duration.seconds(Int64.max)
    #expect(delay(.init(status: 200, failed: false, cacheMaxAge: huge, ttl: huge)) == 86_400)
    #expect(delay(.init(status: 503, failed: true, retryAfter: huge)) == 86_400)
    #expect(delay(.init(status: 500, failed: true), failures: Int.max) == 21_600)
    #expect(delay(.init(status: 500, failed: true), failures: -7) == 900)
    let unchanged = PollPlanner.Observation(status: 304, failed: false)
    #expect(delay(unchanged, unchanged: Int.max, changed: false) == 3600)
    #expect(delay(unchanged, unchanged: Int.min, changed: false) == 900)
    #expect(delay(.init(status: 200, failed: false, ttl: .seconds(-60))) == 900)
    #expect(delay(.init(status: 200, failed: false), jitter: .nan) == 900)
    #expect(delay(.init(status: 200, failed: false), jitter: .infinity) == 990)
    #expect(delay(.init(status: 200, failed: false), jitter: -.infinity) == 810)
    let year = PollPlanner.seconds(PollPlanner.maximumDelay)
    for observation in [
      PollPlanner.Observation(status: 200, failed: false, ttl: huge),
      PollPlanner.Observation(status: 304, failed: false),
      PollPlanner.Observation(status: 429, failed: true, retryAfter: huge),
    ] {
      let plan = planner.plan(
        observation: observation, interval: huge, failuresBefore: Int.max,
        unchangedBefore: Int.max, changed: false, now: now, jitter: 1)
      #expect(plan.nextCheckAt == now.addingTimeInterval(year))
    }
    let backwards = planner.plan(
      observation: .init(status: 200, failed: false), interval: .seconds(-900),
      failuresBefore: 0, unchangedBefore: 0, changed: true, now: now, jitter: 0)
    #expect(backwards.nextCheckAt == now)
  }

  @Test("410 Gone disables the feed with a reason")
  func gone() {
    let plan = planner.plan(
      observation: .init(status: 410, failed: true), interval: interval, failuresBefore: 0,
      unchangedBefore: 0, changed: false, now: now, jitter: 0)
    #expect(plan.nextCheckAt == nil)
    #expect(plan.disabledReason?.hasPrefix("410 Gone on 2025-11-24") == true)
  }

  @Test("First polls of many new feeds spread across the window")
  func spread() {
    let offsets = (0..<1000).map {
      planner.firstCheck(url: "https://feeds.example/\($0).xml", now: now, window: .seconds(120))
        .timeIntervalSince(now)
    }
    #expect(offsets.allSatisfy { (0..<120).contains($0) })
    let perSecond = Dictionary(grouping: offsets, by: { Int($0) }).values.map(\.count).max() ?? 0
    #expect(perSecond < 30)
    #expect(Set(offsets.map { Int($0 / 10) }).count == 12)
  }
}
