import Foundation
import KazazStore
import KazazTesting
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real binary killed (SIGKILL) in the middle of mailing a digest: the next run sends what
/// was not acknowledged, so every recipient gets the digest, and at most one message twice.
@Suite("Mail delivery killed mid-way", .serialized)
struct MailKillTests {
  let recipients = ["desk@example.org", "analyst@example.org", "archive@example.org"]

  func config(_ directory: TemporaryDirectory, server: LoopbackSMTPServer) throws -> URL {
    try directory.write(
      """
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
          from: digest@example.org
          to: [\(recipients.joined(separator: ", "))]
          timeout: 30s
      feeds:
        - url: http://127.0.0.1:9/feed.xml

      """, to: "config.yaml")
  }

  /// Kills `digest --resend` while the server holds the reply to its message number
  /// `killAt + 1`, then lets `run --once` finish the delivery.
  @Test(
    "SIGKILL while the server holds a message's reply: no message lost, one duplicate at most",
    arguments: [0, 1, 2])
  func killed(killAt: Int) async throws {
    let directory = try TemporaryDirectory()
    let server = try LoopbackSMTPServer()
    let file = try config(directory, server: server)
    server.holdData(skipping: killAt)
    let sender = try DaemonProcess(
      // The newest complete digest, so the next run owes no other.
      arguments: ["digest", "--config", file.path, "--resend"],
      environment: [:], logFile: directory.path("resend.log"))
    let held = try await OffPool.run { server.waitForHeldMessage(timeout: .seconds(120)) }
    #expect(held, "\(sender.log)")
    sender.signal(SIGKILL)
    _ = await sender.waitForExit()
    #expect(server.received.count == killAt + 1)
    #expect(server.received.last?.acknowledged == false)
    server.release()

    // The next run finds the mail the killed process claimed, and the ones it never reached.
    let once = try await DaemonProcess.command(["run", "--once", "--config", file.path])
    #expect(once.status == 0, "\(once.output)")
    var copies: [String: Int] = [:]
    for message in server.received { copies[message.recipients.joined(), default: 0] += 1 }
    #expect(Set(copies.keys) == Set(recipients), "every recipient got the digest: \(once.output)")
    #expect(copies.values.reduce(0, +) - recipients.count <= 1, "at most one duplicate: \(copies)")
    let store = try Store.openReadOnly(path: directory.path("state/kazaz-monitor.sqlite").path)
    let mails = try store.mailDeliveries()
    #expect(mails.count == recipients.count && mails.allSatisfy { $0.state == .sent })
    server.stop()
  }
}
