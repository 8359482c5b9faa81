import Foundation
import KazazModel
import KazazTesting
import Testing

@testable import KazazStore

@Suite("Crash quarantine in the store")
struct QuarantineTests {
  let directory: TemporaryDirectory
  let store: Store
  let now = Date(timeIntervalSince1970: 1_764_000_000)
  let url = "https://crash.example.kz/rss"
  let settings = ["https://crash.example.kz/rss": "entry-v1"]

  init() throws {
    directory = try TemporaryDirectory()
    store = try Store.open(path: directory.path("state/store.sqlite").path)
  }

  func feed() throws -> FeedState {
    try #require(try store.feeds().first { $0.url == url })
  }

  func committedPoll(_ id: Int64) throws {
    try store.commit(
      FeedPollResult(feedID: id, checkedAt: now, outcome: .notModified(status: 304)))
  }

  @Test("Three interrupted polls in a row quarantine the feed with its reason")
  func threeInARow() throws {
    let id = try #require(store.registerFeeds(urls: [url], now: now).first).id
    #expect(try store.recordInterruptedPolls([id], settings: settings, now: now).isEmpty)
    #expect(try store.recordInterruptedPolls([id], settings: settings, now: now).isEmpty)
    #expect(try feed().interruptedPolls == 2)
    #expect(!(try feed().isDisabled))
    let quarantined = try store.recordInterruptedPolls([id], settings: settings, now: now)
    #expect(quarantined.map(\.url) == [url])
    let state = try feed()
    #expect(state.quarantined)
    #expect(state.disabledReason?.hasPrefix("crashed while processing") == true)
    #expect(try store.dueFeeds(at: now.addingTimeInterval(86_400)).isEmpty)
  }

  @Test("A poll that commits breaks the run: the count starts again")
  func commitResets() throws {
    let id = try #require(store.registerFeeds(urls: [url], now: now).first).id
    try store.recordInterruptedPolls([id], settings: settings, now: now)
    try store.recordInterruptedPolls([id], settings: settings, now: now)
    try committedPoll(id)
    #expect(try feed().interruptedPolls == 0)
    try store.recordInterruptedPolls([id], settings: settings, now: now)
    #expect(!(try feed().isDisabled))
  }

  @Test("A changed config entry lifts the quarantine; an unchanged one does not")
  func configChangeReleases() throws {
    let id = try #require(store.registerFeeds(urls: [url], now: now).first).id
    for _ in 0..<3 { try store.recordInterruptedPolls([id], settings: settings, now: now) }
    #expect(try store.releaseQuarantines(settings: settings).isEmpty)
    #expect(try store.releaseQuarantines(settings: [:]).isEmpty)
    #expect(try feed().quarantined)
    let released = try store.releaseQuarantines(settings: [url: "entry-v2"])
    #expect(released.map(\.url) == [url])
    let state = try feed()
    #expect(!state.isDisabled && !state.quarantined && state.interruptedPolls == 0)
    #expect(try store.dueFeeds(at: now).map(\.url) == [url])
  }

  @Test("feeds enable clears any disabled state, a 410 as well as a quarantine")
  func enable() throws {
    let id = try #require(store.registerFeeds(urls: [url], now: now).first).id
    var gone = FeedPollResult(
      feedID: id, checkedAt: now, outcome: .failed(kind: "http.410", message: "gone", status: 410))
    gone.disabledReason = "410 Gone"
    try store.commit(gone)
    #expect(try feed().disabledReason == "410 Gone")
    #expect(try store.enableFeed(id: id)?.isDisabled == false)
    #expect(try store.dueFeeds(at: now).map(\.url) == [url])
    #expect(try store.enableFeed(id: 9_999) == nil)
  }
}
