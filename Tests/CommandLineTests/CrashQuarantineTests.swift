import Foundation
import KazazModel
import KazazStore
import KazazTesting
import Testing

/// Crash containment with the real binary: a feed whose processing makes the process trap (a
/// test build traps on the bytes of `KAZAZ_FAULT_TRAP_ON`, as a hostile feed that hits a bug
/// would) is quarantined after three polls in a row, and the other feeds' items are stored.
@Suite("Crash quarantine with the real binary")
struct CrashQuarantineTests {
  static let pill = "POISON-PILL-7f3a"

  static func feed(_ name: String, items: Int, marker: String = "") -> Data {
    let entries = (0..<items).map { index in
      """
      <item><title>\(name) \(index): Kazakhstan and Azerbaijan sign a transit deal \(marker)</title>
      <link>https://news.example.kz/\(name)/\(index)</link><guid>\(name)-\(index)</guid>
      <description>Astana and Baku agreed on cargo transit across the Caspian.</description></item>
      """
    }
    return Data(
      """
      <?xml version="1.0" encoding="utf-8"?>
      <rss version="2.0"><channel><title>\(name)</title><link>https://news.example.kz/</link>
      \(entries.joined(separator: "\n"))
      </channel></rss>
      """.utf8)
  }

  static func run(_ binary: URL, _ arguments: [String]) async throws -> ProcessRun {
    // The runtime's backtrace of each deliberate crash only costs time here.
    try await ProcessRun.run(
      binary, arguments, environment: ["KAZAZ_FAULT_TRAP_ON": pill, "SWIFT_BACKTRACE": "enable=no"])
  }

  @Test("A feed that crashes the process three polls in a row is quarantined; the rest are stored")
  func quarantine() async throws {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let directory = try TemporaryDirectory()
    let server = try LoopbackHTTPServer()
    for (path, body) in [
      ("/good-a.xml", Self.feed("good-a", items: 3)),
      ("/good-b.xml", Self.feed("good-b", items: 2)),
      ("/poison.xml", Self.feed("poison", items: 2, marker: Self.pill)),
    ] {
      server.route(path) { _ in
        .init(headers: [("Content-Type", "application/rss+xml")], body: body)
      }
    }
    func writeConfig(poisonTitle: String?) throws -> URL {
      try directory.write(
        """
        state_dir: \(directory.path("state").path)
        profile: \(ProjectPaths.profile.path)
        log_level: notice
        digest: { formats: [json] }
        feeds:
          - url: \(server.url("/good-a.xml"))
            full_text: never
          - url: \(server.url("/poison.xml"))
            full_text: never
        \(poisonTitle.map { "    title: \($0)" } ?? "")
          - url: \(server.url("/good-b.xml"))
            full_text: never
        """, to: "config.yaml")
    }
    let config = try writeConfig(poisonTitle: nil).path
    let once = ["run", "--once", "--config", config]

    for attempt in 1...3 {
      let run = try await Self.run(binary, once)
      #expect(run.crashed, "run \(attempt) should die of the poisoned feed: \(run.errors)")
    }
    let survivor = try await Self.run(binary, once)
    #expect(!survivor.crashed && survivor.status == 0, "\(survivor.errors)")
    #expect(survivor.errors.contains("feed quarantined"))

    let store = try Store.open(path: directory.path("state/kazaz-monitor.sqlite").path)
    let feeds = Dictionary(uniqueKeysWithValues: try store.feeds().map { ($0.url, $0) })
    let poison = try #require(feeds[server.url("/poison.xml")])
    #expect(poison.quarantined)
    #expect(poison.disabledReason?.hasPrefix("crashed while processing") == true)
    #expect(poison.itemCount == 0)
    #expect(feeds[server.url("/good-a.xml")]?.itemCount == 3)
    #expect(feeds[server.url("/good-b.xml")]?.itemCount == 2)
    // Quarantined, it is no longer requested.
    let requestsBefore = server.requests(to: "/poison.xml").count
    #expect(try await Self.run(binary, once).status == 0)
    #expect(server.requests(to: "/poison.xml").count == requestsBefore)

    // Shown where operators look: `status` and the digest's feed health.
    let status = try await Self.run(binary, ["status", "--config", config])
    #expect(status.output.contains("DISABLED: crashed while processing"), "\(status.output)")
    let digest = try #require(
      survivor.output.split(separator: "\n").first { $0.hasSuffix(".json") })
    let json = try String(contentsOfFile: String(digest), encoding: .utf8)
    #expect(json.contains("crashed while processing"))

    // `feeds enable` gives it another chance: the next run polls it (and dies of it again).
    let enable = try await Self.run(
      binary, ["feeds", "enable", "--config", config, server.url("/poison.xml")])
    #expect(enable.status == 0, "\(enable.errors)")
    #expect(enable.output.contains("enabled"))
    #expect(try await Self.run(binary, once).crashed)
    // So does a change of its config entry, once quarantined again.
    for _ in 1...2 { #expect(try await Self.run(binary, once).crashed) }
    #expect(try await Self.run(binary, once).status == 0)
    #expect(try store.feeds().first { $0.url == server.url("/poison.xml") }?.quarantined == true)
    _ = try writeConfig(poisonTitle: "Renamed by the operator")
    #expect(try await Self.run(binary, once).crashed)
  }

  @Test("A process killed from outside charges nobody: SIGKILL is not a crash of a feed")
  func killIsNotCharged() async throws {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let directory = try TemporaryDirectory()
    // A journal as a killed process leaves it: a feed marked, no crash record.
    let store = try Store.open(path: directory.path("state/kazaz-monitor.sqlite").path)
    let server = try LoopbackHTTPServer()
    server.route("/a.xml") { _ in
      .init(headers: [("Content-Type", "application/rss+xml")], body: Self.feed("a", items: 1))
    }
    let id = try #require(store.registerFeeds(urls: [server.url("/a.xml")]).first).id
    for round in 0..<3 {
      var bytes = Array("KZPOLLS1".utf8)
      for value in [Int64(0), id] {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
      }
      try directory.write(Data(bytes), to: "state/polls-in-progress/\(900_000 + round)")
    }
    let config = try directory.write(
      """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      feeds:
        - url: \(server.url("/a.xml"))
          full_text: never
      """, to: "config.yaml")
    let run = try await Self.run(binary, ["run", "--once", "--config", config.path])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.errors.contains("was killed while processing"))
    let feed = try #require(try store.feeds().first)
    #expect(!feed.isDisabled && feed.interruptedPolls == 0 && feed.itemCount == 1)
  }
}
