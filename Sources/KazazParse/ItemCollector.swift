import Dispatch
import Foundation
import KazazModel

/// Adapts items as the reader finishes them, so that the reader can reuse its storage: a 10 MB
/// feed never holds its raw items and its parsed items at once.
///
/// For large documents (`concurrent`), the items are copied out of the reader in batches and
/// adapted on a serial queue, in order, while libxml2 reads on; `finish` waits for the last
/// batch.
final class ItemCollector: @unchecked Sendable {
  // @unchecked: in concurrent mode, `items` and `undated` are written only by `queue`'s blocks,
  // one at a time, and read only after `finish` has waited for them; the batches handed to the
  // queue are copies nobody else holds.

  /// Items handed to the queue at once: enough to make a block worth scheduling.
  static let batchSize = 64

  let baseURL: String?
  let now: Date
  private(set) var items: [ParsedItem] = []
  private(set) var undated = 0
  private var feedBase: String??
  private let queue: DispatchQueue?
  private var batch: [(item: RawItem, base: String?)] = []

  init(baseURL: String?, now: Date, concurrent: Bool = false) {
    self.baseURL = baseURL
    self.now = now
    queue = concurrent ? DispatchQueue(label: "kazaz.parse.adapt") : nil
  }

  func add(_ item: RawItem, _ raw: RawFeed) {
    if feedBase == nil { feedBase = .some(FeedAdapter.feedBase(raw, baseURL: baseURL)) }
    let base = feedBase ?? nil
    let itemBase = item.base.flatMap { URLResolver.resolve($0, base: base) } ?? base
    guard queue != nil else {
      items.append(FeedAdapter.adaptItem(item, base: itemBase, now: now, undated: &undated))
      return
    }
    batch.append((item.copy(), itemBase))
    if batch.count >= Self.batchSize { flush() }
  }

  /// Waits until every item added so far is adapted.
  func finish() {
    guard let queue else { return }
    flush()
    queue.sync {}
  }

  private func flush() {
    guard let queue, !batch.isEmpty else { return }
    let work = Batch(items: batch)
    batch.removeAll(keepingCapacity: true)
    queue.async { self.adapt(work) }
  }

  private func adapt(_ work: Batch) {
    for (item, base) in work.items {
      items.append(FeedAdapter.adaptItem(item, base: base, now: now, undated: &undated))
    }
  }
}

/// Raw items on their way to the adapting queue: copies owned by no one else.
private struct Batch: @unchecked Sendable {
  var items: [(item: RawItem, base: String?)]
}
