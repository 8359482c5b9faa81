import Foundation
import KazazModel
import Synchronization

/// A `WallClock` whose time moves only when a test says so. Code under test sleeps on it like on
/// the system clock; the test waits until the code is asleep (`sleepers(atLeast:)`), looks at
/// what it did, and moves time on (`advance(to:)`), which wakes every sleeper whose deadline has
/// come. Nothing waits for real time, so a week of schedule runs in milliseconds, the same way
/// every time.
public final class ManualClock: WallClock {
  private struct Sleeper {
    var id: Int
    var deadline: Date
    var continuation: CheckedContinuation<Void, any Error>
  }

  private struct State {
    var now: Date
    var nextID = 0
    var sleepers: [Sleeper] = []
    /// Sleepers cancelled before they were registered.
    var cancelled: Set<Int> = []
    /// Tests waiting for a number of sleepers.
    var watchers: [(count: Int, continuation: CheckedContinuation<[Date], Never>)] = []
  }

  private let state: Mutex<State>

  public init(now: Date) {
    state = Mutex(State(now: now))
  }

  public func now() -> Date { state.withLock { $0.now } }

  public func sleep(until deadline: Date) async throws {
    let id = state.withLock { state in
      state.nextID += 1
      return state.nextID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<Void, any Error>) in
        let (resumeNow, cancelled, watchers) = state.withLock { state in
          if state.cancelled.remove(id) != nil {
            return (false, true, [CheckedContinuation<[Date], Never>]())
          }
          if deadline <= state.now { return (true, false, []) }
          state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
          return (false, false, Self.satisfiedWatchers(&state))
        }
        if cancelled {
          continuation.resume(throwing: CancellationError())
        } else if resumeNow {
          continuation.resume()
        }
        let deadlines = self.deadlines()
        for watcher in watchers { watcher.resume(returning: deadlines) }
      }
    } onCancel: {
      let sleeper = state.withLock { state -> Sleeper? in
        guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
          state.cancelled.insert(id)
          return nil
        }
        return state.sleepers.remove(at: index)
      }
      sleeper?.continuation.resume(throwing: CancellationError())
    }
    // A sleeper that returned normally was never marked cancelled; forget a stale mark.
    _ = state.withLock { $0.cancelled.remove(id) }
  }

  /// Moves time to `date` (never backwards) and wakes every sleeper whose deadline has come,
  /// earliest first.
  public func advance(to date: Date) {
    let woken = state.withLock { state -> [Sleeper] in
      state.now = max(state.now, date)
      let now = state.now
      let due = state.sleepers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
      state.sleepers.removeAll { $0.deadline <= now }
      return due
    }
    for sleeper in woken { sleeper.continuation.resume() }
  }

  /// Moves time on by `seconds`.
  public func advance(by seconds: TimeInterval) {
    advance(to: now().addingTimeInterval(seconds))
  }

  /// Waits until at least `count` tasks sleep on this clock; returns their deadlines, earliest
  /// first.
  public func sleepers(atLeast count: Int) async -> [Date] {
    await withCheckedContinuation { continuation in
      let ready = state.withLock { state -> Bool in
        if state.sleepers.count >= count { return true }
        state.watchers.append((count, continuation))
        return false
      }
      if ready { continuation.resume(returning: deadlines()) }
    }
  }

  /// The deadlines of the tasks sleeping now, earliest first.
  public func deadlines() -> [Date] {
    state.withLock { $0.sleepers.map(\.deadline).sorted() }
  }

  private static func satisfiedWatchers(_ state: inout State) -> [CheckedContinuation<
    [Date], Never
  >] {
    let count = state.sleepers.count
    let ready = state.watchers.filter { $0.count <= count }.map(\.continuation)
    state.watchers.removeAll { $0.count <= count }
    return ready
  }
}
