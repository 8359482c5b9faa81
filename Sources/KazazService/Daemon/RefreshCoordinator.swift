import Foundation
import KazazControl
import KazazModel

/// The one place refresh cycles are decided: the daemon's schedule and manual requests
/// (`kazaz-monitor refresh`, SIGUSR1) meet here, so two cycles never run at once.
///
/// Coalescing rules:
/// - A request that the running cycle already covers (e.g. a second "refresh all" while one
///   runs) joins it and gets its result.
/// - Anything else is queued; every request queued while a cycle runs is merged into the one
///   next cycle (a union of scopes), which starts as soon as the running one ends.
/// - When the daemon stops, queued requests are answered at once as interrupted.
///
/// The refresh loop drives it: `waitForWork(until:clock:)`, `begin()`, run the cycle,
/// `finish(...)`.
public actor RefreshCoordinator {
  /// Why a cycle runs: shown in `status` and the cycle record.
  public enum Trigger: String, Sendable {
    case scheduled, manual, signal
  }

  struct Request {
    var scope: RefreshScope
    var trigger: Trigger
    var progress: ProgressFanout.Sink?
    var continuation: CheckedContinuation<CycleSummary, Never>?
  }

  struct Cycle {
    var scope: RefreshScope
    var triggers: [Trigger]
    var requests: [Request]
    var fanout: ProgressFanout
    var startedAt: Date
  }

  private var queued: [Request] = []
  private var running: Cycle?
  private var doorbell: CheckedContinuation<Void, Never>?
  private var doorbellTimer: Task<Void, Never>?
  /// Counts the waits, so a timer of an earlier wait never rings for a later one.
  private var doorbellGeneration = 0
  private var stopped = false
  private var idleWaiters: [CheckedContinuation<Void, Never>] = []
  /// The last cycle that polled anything.
  public private(set) var lastCycle: CycleRecord?

  public init() {}

  public var isRunning: Bool { running != nil }

  /// Requests waiting for the next cycle.
  var queuedCount: Int { queued.count }

  // MARK: Requests

  /// Asks for a cycle over `scope` and waits for its report; `progress` sees each feed polled.
  public func refresh(
    _ scope: RefreshScope, trigger: Trigger,
    progress: (@Sendable (FeedPollReport) -> Void)? = nil
  ) async -> CycleSummary {
    await withCheckedContinuation { continuation in
      submit(
        Request(scope: scope, trigger: trigger, progress: progress, continuation: continuation))
    }
  }

  /// Asks for a cycle over `scope` without waiting. Returns true when it joined a running cycle.
  @discardableResult
  public func enqueue(_ scope: RefreshScope, trigger: Trigger) -> Bool {
    let joins = running.map { $0.scope.covers(scope) } ?? false
    submit(Request(scope: scope, trigger: trigger))
    return joins
  }

  private func submit(_ request: Request) {
    if stopped {
      request.continuation?.resume(returning: CycleSummary(interrupted: true))
      return
    }
    if var cycle = running, cycle.scope.covers(request.scope) {
      if let progress = request.progress { cycle.fanout.add(progress) }
      cycle.requests.append(request)
      running = cycle
      return
    }
    queued.append(request)
    ring()
  }

  /// Returns once the cycle running now (if any) has finished.
  public func waitForRunningCycle() async {
    guard running != nil else { return }
    await withCheckedContinuation { idleWaiters.append($0) }
  }

  // MARK: The refresh loop's side

  /// Returns when a request is queued, once `clock` reaches `deadline`, or when the calling task
  /// is cancelled.
  func waitForWork(until deadline: Date, clock: any WallClock) async {
    guard queued.isEmpty, !stopped else { return }
    await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        if Task.isCancelled {
          continuation.resume()
          return
        }
        doorbellGeneration += 1
        let generation = doorbellGeneration
        doorbell = continuation
        doorbellTimer = Task { [weak self] in
          do {
            try await clock.sleep(until: deadline)
          } catch {
            return
          }
          await self?.ring(generation: generation)
        }
      }
    } onCancel: {
      Task { await self.ring() }
    }
  }

  /// Makes the refresh loop look at its schedule again now (e.g. after a reload).
  public func wake() {
    ring()
  }

  private func ring() {
    doorbellTimer?.cancel()
    doorbellTimer = nil
    doorbell?.resume()
    doorbell = nil
  }

  /// The timer of wait `generation` rings only if that wait is still the current one.
  private func ring(generation: Int) {
    guard generation == doorbellGeneration else { return }
    ring()
  }

  /// Starts a cycle: the due feeds (when `includeDue`) plus everything queued.
  func begin(includeDue: Bool, now: Date = Date()) -> (RefreshScope, ProgressFanout) {
    let requests = queued
    queued = []
    var scope = includeDue ? RefreshScope.due : RefreshScope()
    // Due feeds ride along with requested ones; the cycle is "scheduled" only when nobody asked.
    var triggers: [Trigger] = includeDue && requests.isEmpty ? [.scheduled] : []
    let fanout = ProgressFanout()
    for request in requests {
      scope = scope.union(request.scope)
      if !triggers.contains(request.trigger) { triggers.append(request.trigger) }
      if let progress = request.progress { fanout.add(progress) }
    }
    running = Cycle(
      scope: scope, triggers: triggers, requests: requests, fanout: fanout, startedAt: now)
    return (scope, fanout)
  }

  /// How long the running cycle has gone without completing a poll (since it started, or since
  /// its last poll completed); nil when no cycle runs. The watchdog's measure of progress.
  func timeWithoutProgress(now: Date = Date()) -> TimeInterval? {
    guard let cycle = running else { return nil }
    let last = max(cycle.startedAt, cycle.fanout.lastReportAt ?? cycle.startedAt)
    return now.timeIntervalSince(last)
  }

  /// Ends the running cycle: every request it served gets `report`.
  func finish(_ report: CycleSummary, now: Date = Date()) {
    guard let cycle = running else { return }
    running = nil
    if report.feedsPolled > 0 || !report.failures.isEmpty {
      lastCycle = CycleRecord(
        startedAt: cycle.startedAt, finishedAt: now,
        trigger: cycle.triggers.map(\.rawValue).joined(separator: "+"), report: report)
    }
    for request in cycle.requests { request.continuation?.resume(returning: report) }
    let waiters = idleWaiters
    idleWaiters = []
    for waiter in waiters { waiter.resume() }
  }

  /// The daemon is stopping: no cycle starts any more; queued requests are told so.
  func stop() {
    stopped = true
    let requests = queued
    queued = []
    for request in requests {
      request.continuation?.resume(returning: CycleSummary(interrupted: true))
    }
    ring()
  }
}
