import Foundation
import KazazModel
import KazazStore
import KazazTesting
import Testing

@testable import KazazService

@Suite("Group commit of poll results")
struct CommitGroupTests {
  let directory: TemporaryDirectory
  let store: Store

  init() throws {
    directory = try TemporaryDirectory()
    store = try Store.open(path: directory.path("store.sqlite").path)
  }

  func result(feed: FeedState, items: Int, tag: String) -> FeedPollResult {
    FeedPollResult(
      feedID: feed.id, checkedAt: Date(timeIntervalSince1970: 1_764_000_000),
      outcome: .updated(status: 200, etag: "\"\(tag)\"", lastModified: nil, warnings: []),
      items: (0..<items).map { index in
        let link = "https://trend.az/\(tag)/\(index)"
        return IncomingItem(
          item: ParsedItem(id: link, title: "Caspian report \(tag) \(index)", link: link),
          canonicalURL: CanonicalURL.make(link),
          classification: Classification(
            relevant: false, score: 0, language: .en, topics: [], evidence: [],
            profileVersion: "test"),
          searchText: "caspian report \(tag)")
      })
  }

  /// Holds the store's write queue until `open()`, as a long transaction would: the test decides
  /// what arrives while the writer is busy, not a clock.
  final class WriterGate: Sendable {
    private let released = DispatchSemaphore(value: 0)

    static func close() async -> WriterGate {
      let gate = WriterGate()
      await withCheckedContinuation { (held: CheckedContinuation<Void, Never>) in
        StoreWork.writes.async {
          held.resume()
          gate.released.wait()
        }
      }
      return gate
    }

    func open() { released.signal() }
  }

  /// Returns once `count` results wait in `group`.
  func waitUntil(_ group: CommitGroup, holds count: Int) async {
    while group.waiting < count { await Task.yield() }
  }

  @Test("Polls that finish while the writer is busy share one transaction; each is stored whole")
  func grouping() async throws {
    let feeds = try store.registerFeeds(urls: (0..<20).map { "http://127.0.0.1:9/\($0).xml" })
    let group = CommitGroup(store: store)
    let gate = await WriterGate.close()
    let commits = try await withThrowingTaskGroup(of: PollCommit.self) { tasks in
      for (index, feed) in feeds.enumerated() {
        tasks.addTask { try await group.commit(result(feed: feed, items: 5, tag: "f\(index)")) }
      }
      await waitUntil(group, holds: 20)
      gate.open()
      return try await tasks.reduce(into: []) { $0.append($1) }
    }
    #expect(commits.count == 20 && commits.allSatisfy { $0.inserted == 5 })
    // All twenty arrived while the writer was busy, 100 items in all: one transaction.
    #expect(group.transactions == 1, "\(group.transactions) transactions")
    for (index, feed) in try store.feeds().sorted(by: { $0.id < $1.id }).enumerated() {
      #expect(feed.itemCount == 5 && feed.etag == "\"f\(index)\"")
    }
  }

  @Test("A group is cut at its item budget; a quiet writer commits each poll at once")
  func budget() async throws {
    let feeds = try store.registerFeeds(urls: (0..<3).map { "http://127.0.0.1:9/\($0).xml" })
    let group = CommitGroup(store: store)
    _ = try await group.commit(result(feed: feeds[0], items: 2, tag: "alone"))
    #expect(group.transactions == 1)
    let gate = await WriterGate.close()
    async let first = group.commit(
      result(feed: feeds[1], items: CommitGroup.maximumItems, tag: "big"))
    await waitUntil(group, holds: 1)
    async let second = group.commit(result(feed: feeds[2], items: 10, tag: "small"))
    await waitUntil(group, holds: 2)
    gate.open()
    #expect(try await first.inserted == CommitGroup.maximumItems)
    #expect(try await second.inserted == 10)
    #expect(group.transactions == 3)
  }

  @Test("When a group fails, each result is tried alone: only the bad one fails")
  func isolation() async throws {
    let feeds = try store.registerFeeds(urls: [
      "http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml",
    ])
    let group = CommitGroup(store: store)
    let missing = FeedState(id: 9_999, url: "http://127.0.0.1:9/gone.xml")
    let gate = await WriterGate.close()
    async let good = group.commit(result(feed: feeds[0], items: 3, tag: "good"))
    async let bad = group.commit(result(feed: missing, items: 3, tag: "bad"))
    async let alsoGood = group.commit(result(feed: feeds[1], items: 4, tag: "also"))
    await waitUntil(group, holds: 3)
    gate.open()
    #expect(try await good.inserted == 3)
    #expect(try await alsoGood.inserted == 4)
    let failure: (any Error)?
    do {
      _ = try await bad
      failure = nil
    } catch {
      failure = error
    }
    #expect(failure is StoreError, "\(String(describing: failure))")
    #expect(try store.feeds().map(\.itemCount).sorted() == [3, 4])
    // One failed group of three, then each of the three alone.
    #expect(group.transactions == 4)
    #expect(try store.integrityCheck() == "ok")
  }
}
