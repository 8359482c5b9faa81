import Foundation
import KazazConfig
import KazazModel
import KazazStore
import KazazTesting
import Logging
import Testing

@testable import KazazService

/// Digests mailed through real libcurl SMTP to a loopback server, with a real store: once per
/// recipient and digest, the HTML part the HTML file, failures retried and reported.
@Suite("Mail delivery", .serialized)
struct MailDeliveryTests {
  let directory: TemporaryDirectory
  let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
  let almaty = TimeZone(identifier: "Asia/Almaty")!
  let recipients = ["desk@example.org", "analyst@example.org"]

  init() throws {
    directory = try TemporaryDirectory()
  }

  /// A config mailing to the loopback server, with a 0600 credentials file.
  func configFile(server: LoopbackSMTPServer, credentialsMode: Int = 0o600) throws -> URL {
    let credentials = try directory.write("digest-user\ns3cret-pass\n", to: "smtp-credentials")
    try FileManager.default.setAttributes(
      [.posixPermissions: credentialsMode], ofItemAtPath: credentials.path)
    let text = """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      digest:
        time: "08:00"
        timezone: Asia/Almaty
        formats: [markdown, html]
      delivery:
        email:
          url: \(server.url)
          allow_plaintext: true
          from: "Kazaz digest <digest@example.org>"
          to: [\(recipients.joined(separator: ", "))]
          credentials: smtp-credentials
          timeout: 20s
      feeds:
        - url: http://127.0.0.1:9/feed.xml
          title: Loopback

      """
    return try directory.write(text, to: "config.yaml")
  }

  func monitor(server: LoopbackSMTPServer, credentialsMode: Int = 0o600) throws -> Monitor {
    let file = try configFile(server: server, credentialsMode: credentialsMode)
    return try Monitor.open(config: ConfigLoader.load(path: file.path), logger: logger)
  }

  func local(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = almaty
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
  }

  func store(_ monitor: Monitor, at seen: String, titles: [String]) throws {
    let state = try monitor.store.registerFeeds(urls: ["http://127.0.0.1:9/feed.xml"])[0]
    let items = titles.map { title in
      let link = "https://news.example/\(title.lowercased().filter(\.isLetter))"
      return IncomingItem(
        item: ParsedItem(
          id: link, title: title, link: link,
          summary: "Kazakhstan and Azerbaijan agreed on \(title.lowercased()) worth $5 million."),
        canonicalURL: CanonicalURL.make(link),
        classification: Classification(
          relevant: true, score: 10, language: .en, topics: [TopicID(rawValue: "energy")],
          evidence: [], profileVersion: "test"))
    }
    try monitor.store.commit(
      FeedPollResult(
        feedID: state.id, checkedAt: local(seen),
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []), items: items))
  }

  func unixLines(_ text: String) -> String { text.replacingOccurrences(of: "\r\n", with: "\n") }

  @Test("One message per recipient and digest; a rewrite, a restart or a second duty sends none")
  func oncePerRecipient() async throws {
    let server = try LoopbackSMTPServer(
      login: .require(user: "digest-user", password: "s3cret-pass"))
    let first = try monitor(server: server)
    try store(first, at: "2026-11-24 12:00", titles: ["Caspian ferry line", "Oil swap deal"])
    await first.writeDueDigests(floor: "2026-11-24", now: local("2026-11-25 08:00"))
    #expect(server.received.count == 2)
    #expect(Set(server.received.flatMap(\.recipients)) == Set(recipients))
    #expect(server.received.allSatisfy { $0.from == "digest@example.org" && $0.acknowledged })
    #expect(server.loginAttempts.allSatisfy { $0.hasSuffix(" ok") })

    let html = try String(
      contentsOf: directory.path("state/digests/2026/11/2026-11-25.html"), encoding: .utf8)
    var messageIDs: [String: String] = [:]
    for message in server.received {
      let parsed = try await PythonMIME.parse(message.data)
      #expect(parsed.defects.isEmpty)
      #expect(parsed.contentType == "multipart/alternative")
      #expect(parsed.subject == "Kazakhstan–Azerbaijan digest, 25 November 2026: 2 stories")
      #expect(parsed.to == message.recipients.first)
      #expect(parsed.parts.map(\.type) == ["text/plain", "text/html"])
      #expect(parsed.parts.last.map { unixLines($0.content) } == html, "the HTML file as it is")
      #expect(parsed.parts.first?.content.contains("Caspian ferry line") == true)
      messageIDs[parsed.to] = parsed.messageID
      // Every line within SMTP's limit.
      #expect(message.data.split(separator: 0x0A).allSatisfy { $0.count <= 998 })
    }
    #expect(Set(messageIDs.values).count == 2)

    // The digest rewritten, the duty done again, the daemon restarted: nothing more is sent.
    _ = try first.writeDigest(
      day: first.digestPeriod(day: "2026-11-25", now: local("2026-11-26 09:00")))
    await first.writeDueDigests(floor: "2026-11-24", now: local("2026-11-25 09:00"))
    first.shutdown()
    let restarted = try monitor(server: server)
    defer { restarted.shutdown() }
    await restarted.deliverPendingMail(now: local("2026-11-25 10:00"))
    #expect(server.received.count == 2)

    // --resend sends it again, with the same Message-ID, so it is recognisable.
    let resent = try await restarted.resendDigest(
      period: #require(restarted.digestPeriod(day: "2026-11-25", now: local("2026-11-26 09:00"))),
      now: local("2026-11-26 09:00"))
    #expect(resent.count == 2 && resent.allSatisfy { $0.error == nil })
    #expect(server.received.count == 4)
    for message in server.received.suffix(2) {
      let parsed = try await PythonMIME.parse(message.data)
      #expect(messageIDs[parsed.to] == parsed.messageID)
    }
  }

  @Test("The weekly report is mailed once per recipient, its HTML part the weekly HTML file")
  func weeklyReport() async throws {
    let server = try LoopbackSMTPServer(
      login: .require(user: "digest-user", password: "s3cret-pass"))
    let monitor = try monitor(server: server)
    defer { monitor.shutdown() }
    try store(monitor, at: "2026-11-24 12:00", titles: ["Caspian ferry line", "Oil swap deal"])
    // Monday 30 November at the digest time: the report of the week 23–30 November (2026-W48)
    // falls due beside the daily digests owed since the 25th.
    await monitor.writeDueReports(now: local("2026-11-30 08:00"))
    func weekly() async throws -> [(to: String, html: String?)] {
      var found: [(to: String, html: String?)] = []
      for message in server.received {
        let parsed = try await PythonMIME.parse(message.data)
        guard parsed.subject.contains("weekly report") else { continue }
        #expect(parsed.defects.isEmpty)
        #expect(parsed.subject == "Kazakhstan–Azerbaijan weekly report, 2026-W48: 2 stories")
        found.append((parsed.to, parsed.parts.last.map { unixLines($0.content) }))
      }
      return found
    }
    let mailed = try await weekly()
    #expect(Set(mailed.map(\.to)) == Set(recipients) && mailed.count == 2)
    let html = try String(
      contentsOf: directory.path("state/digests/weekly/2026/2026-W48.html"), encoding: .utf8)
    #expect(mailed.allSatisfy { $0.html == html })
    // The duty again, later the same day: the week is done and mailed, nothing more is sent.
    await monitor.writeDueReports(now: local("2026-11-30 09:00"))
    #expect(try await weekly().count == 2)
  }

  @Test("A refused login is retried with back-off, shown by status and in the next digest")
  func refusedLogin() async throws {
    let server = try LoopbackSMTPServer(login: .refuse)
    let monitor = try monitor(server: server)
    try store(monitor, at: "2026-11-24 12:00", titles: ["Caspian ferry line"])
    await monitor.writeDueDigests(floor: "2026-11-24", now: local("2026-11-25 08:00"))
    #expect(server.received.isEmpty)
    #expect(server.loginAttempts.count == 2)
    var undelivered = try monitor.store.undeliveredMail()
    #expect(undelivered.count == 2)
    #expect(undelivered.allSatisfy { $0.state == .pending && $0.attempts == 1 })
    #expect(undelivered.allSatisfy { $0.lastError?.contains("login refused: 535") == true })
    #expect(undelivered.first?.nextAttemptAt == local("2026-11-25 08:01"))

    // Not before its time; then again, refused again, the wait doubles.
    await monitor.deliverPendingMail(now: local("2026-11-25 08:00").addingTimeInterval(30))
    #expect(server.loginAttempts.count == 2)
    await monitor.deliverPendingMail(now: local("2026-11-25 08:01"))
    #expect(server.loginAttempts.count == 4)
    undelivered = try monitor.store.undeliveredMail()
    #expect(undelivered.allSatisfy { $0.attempts == 2 })
    #expect(undelivered.first?.nextAttemptAt == local("2026-11-25 08:03"))

    // The next digest says so in its health section.
    let next = try monitor.writeDigest(
      day: monitor.digestPeriod(day: "2026-11-26", now: local("2026-11-26 08:00")))
    let markdown = try String(contentsOf: next[0], encoding: .utf8)
    #expect(
      markdown.contains(
        "- Mail of digest 2026-11-25 to desk@example.org: failing after 2 attempts — login refused: 535"
      ))

    // `status` (the real binary, reading the store) shows it.
    let binary = try #require(BuiltBinary.kazazMonitor())
    let status = try await ProcessRun.run(
      binary, ["status", "--config", directory.path("config.yaml").path])
    #expect(
      status.output.contains(
        "digest/2026-11-25 → analyst@example.org — FAILING after 2 attempts: login refused: 535"),
      "\(status.output)")

    // With the login accepted, the next attempt delivers both.
    server.setLogin(.require(user: "digest-user", password: "s3cret-pass"))
    await monitor.deliverPendingMail(now: local("2026-11-25 08:03"))
    #expect(server.received.count == 2)
    #expect(try monitor.store.undeliveredMail().isEmpty)
    monitor.shutdown()
  }

  @Test("A credentials file others can read is refused, and nothing is sent")
  func unsafeCredentials() async throws {
    let server = try LoopbackSMTPServer(
      login: .require(user: "digest-user", password: "s3cret-pass"))
    let monitor = try monitor(server: server, credentialsMode: 0o644)
    defer { monitor.shutdown() }
    try store(monitor, at: "2026-11-24 12:00", titles: ["Caspian ferry line"])
    await monitor.writeDueDigests(floor: "2026-11-24", now: local("2026-11-25 08:00"))
    #expect(server.received.isEmpty && server.loginAttempts.isEmpty)
    let errors = try monitor.store.undeliveredMail().compactMap(\.lastError)
    #expect(errors.count == 2)
    #expect(errors.allSatisfy { $0.contains("mode 0644 lets others read it") })
  }

  @Test("mail-test prints the session without the password, and fails clearly on a refusal")
  func mailTest() async throws {
    let server = try LoopbackSMTPServer(
      login: .require(user: "digest-user", password: "s3cret-pass"))
    let config = try configFile(server: server)
    let binary = try #require(BuiltBinary.kazazMonitor())
    let ok = try await ProcessRun.run(binary, ["mail-test", "--config", config.path])
    #expect(ok.status == 0, "\(ok.output)\(ok.errors)")
    #expect(ok.output.contains("OK: the server accepted the message for desk@example.org"))
    #expect(ok.output.contains("S: 235 2.7.0 Authentication successful"))
    #expect(ok.output.contains("<credentials hidden>"))
    let base64Secret = Data("\0digest-user\0s3cret-pass".utf8).base64EncodedString()
    #expect(!ok.output.contains("s3cret-pass") && !ok.output.contains(base64Secret))
    #expect(server.received.count == 2)

    server.setLogin(.refuse)
    let refused = try await ProcessRun.run(binary, ["mail-test", "--config", config.path])
    #expect(refused.status == 1)
    #expect(refused.output.contains("FAILED: login refused: 535 5.7.8"))
  }
}
