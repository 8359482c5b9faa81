import Foundation
import KazazTesting
import Logging
import Testing

@testable import KazazService

#if canImport(Glibc)
  import Glibc
#endif

/// sd_notify by hand, the watchdog settings, and journald-style log lines.
@Suite("systemd integration")
struct SystemdTests {
  /// Binds a datagram socket at `address` (a path, or `@name` for the abstract namespace).
  static func datagramSocket(_ address: String) throws -> Int32 {
    let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
    var storage = sockaddr_un()
    storage.sun_family = sa_family_t(AF_UNIX)
    var name = Array(address.utf8)
    let abstract = name.first == UInt8(ascii: "@")
    if abstract { name[0] = 0 }
    withUnsafeMutableBytes(of: &storage.sun_path) { $0.copyBytes(from: name) }
    let length = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)! + name.count
    let bound = withUnsafePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(length + (abstract ? 0 : 1)))
      }
    }
    guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(
      descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    return descriptor
  }

  static func receive(_ descriptor: Int32) -> String? {
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = recv(descriptor, &buffer, buffer.count, 0)
    return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
  }

  @Test("Messages reach a socket named by a path and one in the abstract namespace")
  func notifySocket() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("notify.sock").path
    let abstract = "@kazaz-test-\(UUID().uuidString)"
    for address in [path, abstract] {
      let listener = try Self.datagramSocket(address)
      defer { close(listener) }
      let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": address])
      notifier.ready(status: "Ready: 2 feeds")
      #expect(Self.receive(listener) == "READY=1\nSTATUS=Ready: 2 feeds")
      notifier.reloading()
      let reloading = Self.receive(listener) ?? ""
      #expect(reloading.hasPrefix("RELOADING=1\nMONOTONIC_USEC="))
      notifier.stopping()
      #expect(Self.receive(listener) == "STOPPING=1\nSTATUS=Stopping")
    }
  }

  @Test("Without NOTIFY_SOCKET nothing is sent and nothing fails")
  func notifyInactive() {
    let notifier = SystemdNotifier(environment: [:])
    #expect(!notifier.isActive)
    #expect(!notifier.notify("READY=1"))
  }

  @Test("The watchdog is armed by WATCHDOG_USEC, only for the process WATCHDOG_PID names")
  func watchdogTimeout() {
    #expect(
      WatchdogService.timeout(environment: ["WATCHDOG_USEC": "30000000"], pid: 7) == .seconds(30))
    #expect(
      WatchdogService.timeout(
        environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "7"], pid: 7)
        == .seconds(30))
    #expect(
      WatchdogService.timeout(
        environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "8"], pid: 7)
        == nil)
    #expect(WatchdogService.timeout(environment: ["WATCHDOG_USEC": "0"], pid: 7) == nil)
    #expect(WatchdogService.timeout(environment: [:], pid: 7) == nil)
  }

  @Test("Journal lines carry syslog priorities on every line; plain lines carry level and time")
  func journalLines() {
    let lines = Lines()
    var journal = Logger(label: "kazaz-monitor") { label in
      JournalLogHandler(label: label, journal: true, output: lines.append)
    }
    journal.logLevel = .debug
    journal.warning("feed is failing", metadata: ["feed.url": "https://a.kz/rss"])
    journal.error("two\nlines")
    journal.debug("detail")
    #expect(
      lines.all == [
        "<4>feed is failing feed.url=https://a.kz/rss\n", "<3>two\n<3>lines\n", "<7>detail\n",
      ])

    let plain = Lines()
    let logger = Logger(label: "kazaz-monitor") { label in
      JournalLogHandler(label: label, journal: false, output: plain.append)
    }
    logger.info("started")
    #expect(plain.all.first?.hasSuffix(" info kazaz-monitor: started\n") == true)
  }

  @Test("JOURNAL_STREAM counts only when it names standard error")
  func journalStreamDetection() {
    #expect(!JournalLogHandler.stderrIsJournal(environment: [:]))
    #expect(!JournalLogHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": "1:2"]))
    var info = stat()
    fstat(2, &info)
    #expect(
      JournalLogHandler.stderrIsJournal(environment: [
        "JOURNAL_STREAM": "\(info.st_dev):\(info.st_ino)"
      ]))
  }
}

final class Lines: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []

  var all: [String] { lock.withLock { lines } }

  @Sendable func append(_ line: String) { lock.withLock { lines.append(line) } }
}
