import Foundation
import KazazControl
import KazazModel
import KazazStore
import Testing

@testable import KazazService

/// Coalescing of manual refreshes with the daemon's own cycles.
@Suite("Refresh coordination", .timeLimit(.minutes(2)))
struct RefreshCoordinatorTests {
  @Test("Scopes: all covers everything; due and named feeds merge into one cycle")
  func scopes() {
    #expect(RefreshScope.all.covers(.due))
    #expect(RefreshScope.all.covers(.feeds(["a"])))
    #expect(!RefreshScope.due.covers(.all))
    #expect(!RefreshScope.due.covers(.feeds(["a"])))
    #expect(RefreshScope.feeds(["a", "b"]).covers(.feeds(["a"])))
    let merged = RefreshScope.due.union(.feeds(["a"])).union(.feeds(["b"]))
    #expect(merged == RefreshScope(due: true, feeds: ["a", "b"]))
    #expect(!RefreshScope().covers(.due) && RefreshScope().isEmpty)
  }

  @Test("Requests during a cycle: covered ones join it, the rest share one next cycle")
  func coalescing() async throws {
    let coordinator = RefreshCoordinator()
    await coordinator.enqueue(.feeds(["a"]), trigger: .manual)
    let (first, _) = await coordinator.begin(includeDue: true)
    #expect(first == RefreshScope(due: true, feeds: ["a"]))

    // While it runs: another request for "a" joins it; "b" and "c" are queued together.
    async let joined = coordinator.refresh(.feeds(["a"]), trigger: .manual)
    async let feedB = coordinator.refresh(.feeds(["b"]), trigger: .manual)
    async let feedC = coordinator.refresh(.feeds(["c"]), trigger: .signal)
    try await waitUntil { await coordinator.queuedCount == 2 }
    #expect(await coordinator.isRunning)
    await coordinator.finish(CycleSummary(feedsPolled: 5))
    #expect(await joined.feedsPolled == 5)
    #expect(await coordinator.lastCycle?.trigger == "manual")

    let (second, _) = await coordinator.begin(includeDue: true)
    #expect(second == RefreshScope(due: true, feeds: ["b", "c"]))
    await coordinator.finish(CycleSummary(feedsPolled: 2))
    #expect(await feedB.feedsPolled == 2)
    #expect(await feedC.feedsPolled == 2)
    let triggers = await coordinator.lastCycle?.trigger.split(separator: "+").sorted()
    #expect(triggers == ["manual", "signal"])
  }

  @Test("Watchdog health: a running cycle must keep completing polls")
  func progress() async {
    let coordinator = RefreshCoordinator()
    let start = Date(timeIntervalSince1970: 1_764_000_000)
    #expect(await coordinator.timeWithoutProgress(now: start) == nil)
    let (_, fanout) = await coordinator.begin(includeDue: true, now: start)
    #expect(await coordinator.timeWithoutProgress(now: start.addingTimeInterval(40)) == 40)
    let report = FeedPollReport(
      feedURL: "http://127.0.0.1:9/a.xml", outcome: .notModified(status: 304),
      commit: PollCommit())
    fanout.send(report, at: start.addingTimeInterval(100))
    #expect(await coordinator.timeWithoutProgress(now: start.addingTimeInterval(130)) == 30)
    // With the default 30 s fetch timeout a poll may take 11 transfers plus two minutes.
    let policy = StallPolicy(fetchTimeout: .seconds(30))
    #expect(policy.limit == 450)
    #expect(policy.isHealthy(timeWithoutProgress: nil))
    #expect(policy.isHealthy(timeWithoutProgress: 449))
    #expect(!policy.isHealthy(timeWithoutProgress: 450))
    #expect(StallPolicy(fetchTimeout: .milliseconds(1_500), articlesPerPoll: 1).limit == 123)
    await coordinator.finish(CycleSummary(), now: start.addingTimeInterval(200))
    #expect(await coordinator.timeWithoutProgress(now: start.addingTimeInterval(10_000)) == nil)
  }

  @Test("Stopping answers queued requests as interrupted, and later ones at once")
  func stop() async throws {
    let coordinator = RefreshCoordinator()
    _ = await coordinator.begin(includeDue: true)
    async let queued = coordinator.refresh(.all, trigger: .manual)
    try await waitUntil { await coordinator.queuedCount == 1 }
    await coordinator.stop()
    #expect(await queued.interrupted)
    #expect(await coordinator.refresh(.all, trigger: .manual).interrupted)
  }

  @Test("The refresh loop's wait ends when a request arrives")
  func wakesOnRequest() async {
    let coordinator = RefreshCoordinator()
    async let waited: Void = coordinator.waitForWork(
      until: Date().addingTimeInterval(3600), clock: SystemClock())
    await coordinator.enqueue(.feeds(["a"]), trigger: .manual)
    await waited
    #expect(await coordinator.queuedCount == 1)
  }

  /// Returns once `condition` holds, while other tasks reach their suspension points. It has no
  /// deadline of its own (a slow machine only makes it wait longer); the suite's time limit
  /// ends a test whose condition can never hold.
  func waitUntil(_ condition: () async -> Bool) async throws {
    while await !condition() {
      try await Task.sleep(for: .milliseconds(1))
    }
  }
}
