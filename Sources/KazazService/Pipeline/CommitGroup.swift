import Dispatch
import Foundation
import KazazModel
import KazazStore

/// Group commit of poll results. A poll hands its result in and waits; while the store's writer
/// is busy with one transaction, the results that arrive meanwhile wait together, and the next
/// transaction takes all of them (up to `maximumItems` items). A quiet daemon commits each poll
/// on its own, at once; a cold cycle of a thousand feeds makes a few dozen transactions instead
/// of a thousand, and the search index one segment per transaction instead of one per feed.
///
/// Each result stays atomic: a group is one transaction, all of it or none of it. When a group
/// fails, its results are committed one by one, so one bad result fails alone.
final class CommitGroup: @unchecked Sendable {
  // @unchecked: `pending` and `draining` are only touched under `lock`.
  typealias Waiter = CheckedContinuation<PollCommit, any Error>

  /// Items (across results) one transaction takes at most: about a tenth of a second of work.
  static let maximumItems = 2_000

  let store: Store
  private let lock = NSLock()
  private var pending: [(result: FeedPollResult, waiter: Waiter)] = []
  private var draining = false
  /// Transactions committed or tried so far (groups, and single retries after a failed group).
  private(set) var transactions: Int {
    get { lock.withLock { transactionCount } }
    set { lock.withLock { transactionCount = newValue } }
  }
  private var transactionCount = 0
  /// Results handed in and not yet taken into a transaction (tests wait on it).
  var waiting: Int { lock.withLock { pending.count } }

  init(store: Store) {
    self.store = store
  }

  /// Commits `result`, alone or with others that are waiting; returns what it changed.
  func commit(_ result: FeedPollResult) async throws -> PollCommit {
    try await withCheckedThrowingContinuation { waiter in
      let start = lock.withLock { () -> Bool in
        pending.append((result, waiter))
        guard !draining else { return false }
        draining = true
        return true
      }
      if start { StoreWork.writes.async { self.drain() } }
    }
  }

  /// Runs on the store's write queue until nothing is waiting.
  private func drain() {
    while let group = nextGroup() {
      transactions += 1
      do {
        let commits = try store.commit(group.map(\.result))
        for (entry, commit) in zip(group, commits) { entry.waiter.resume(returning: commit) }
      } catch {
        guard group.count > 1 else {
          group[0].waiter.resume(throwing: error)
          continue
        }
        for entry in group {
          transactions += 1
          entry.waiter.resume(with: Result { try store.commit(entry.result) })
        }
      }
    }
  }

  /// The results to commit next, oldest first, within `maximumItems` (at least one); nil when
  /// none is waiting, which ends the drain.
  private func nextGroup() -> [(result: FeedPollResult, waiter: Waiter)]? {
    lock.withLock {
      guard !pending.isEmpty else {
        draining = false
        return nil
      }
      var items = 0
      var count = 0
      for entry in pending {
        if count > 0 && items + entry.result.items.count > Self.maximumItems { break }
        items += entry.result.items.count
        count += 1
      }
      let group = Array(pending.prefix(count))
      pending.removeFirst(count)
      return group
    }
  }
}
