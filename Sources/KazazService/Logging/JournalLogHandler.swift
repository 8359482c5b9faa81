import Foundation
import KazazModel
import KazazText
import Logging

#if canImport(Glibc)
  import Glibc
#endif

/// Writes log lines to standard error. When standard error is connected to the journal
/// (`JOURNAL_STREAM` names its device and inode, see systemd.exec(5)), each line starts with a
/// syslog priority such as `<4>`, so `journalctl -p warning` works; the journal adds the time.
/// Otherwise lines are plain and carry their own time and level.
public struct JournalLogHandler: LogHandler {
  public var logLevel: Logger.Level = .info
  public var metadata: Logger.Metadata = [:]
  public let label: String
  public let journal: Bool
  private let output: @Sendable (String) -> Void

  public init(
    label: String, journal: Bool = JournalLogHandler.stderrIsJournal(),
    output: @escaping @Sendable (String) -> Void = JournalLogHandler.writeToStandardError
  ) {
    self.label = label
    self.journal = journal
    self.output = output
  }

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    var merged = metadata
    if let extra = event.metadata { merged.merge(extra) { _, new in new } }
    let details = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      .joined(separator: " ")
    // Messages and metadata quote feeds (titles, URLs, parser errors): terminal controls in them
    // are shown as escapes, on a terminal and in the journal alike.
    let text = TerminalText.safe(
      details.isEmpty ? "\(event.message)" : "\(event.message) \(details)",
      keepingLineBreaks: true)
    if journal {
      let priority = Self.priority(event.level)
      // The journal splits on newlines: every line carries the priority.
      output(
        text.split(separator: "\n", omittingEmptySubsequences: false)
          .map { "<\(priority)>\($0)" }.joined(separator: "\n") + "\n")
    } else {
      let time = Date().formatted(.iso8601)
      output("\(time) \(event.level) \(label): \(text)\n")
    }
  }

  /// The syslog priority of a level (sd-daemon(3)).
  public static func priority(_ level: Logger.Level) -> Int {
    switch level {
    case .trace, .debug: 7
    case .info: 6
    case .notice: 5
    case .warning: 4
    case .error: 3
    case .critical: 2
    }
  }

  /// True when `JOURNAL_STREAM` matches standard error's device and inode.
  public static func stderrIsJournal(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Bool {
    guard let value = environment["JOURNAL_STREAM"] else { return false }
    let parts = value.split(separator: ":")
    guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else {
      return false
    }
    var info = stat()
    guard fstat(2, &info) == 0 else { return false }
    return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
  }

  @Sendable public static func writeToStandardError(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      bytes = bytes.dropFirst(written)
    }
  }
}
