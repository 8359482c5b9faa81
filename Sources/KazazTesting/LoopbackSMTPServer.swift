import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A small SMTP server on 127.0.0.1 for tests: real sockets, so libcurl's SMTP is exercised as
/// in production (plain text only: the client must be told plain text is allowed). It speaks
/// EHLO/HELO, AUTH PLAIN and LOGIN (checked against one user and password, or every login
/// refused), MAIL, RCPT, DATA (dot-unstuffed), RSET, NOOP and QUIT, and records each message it
/// accepted. A test can hold a message's final reply (`holdData`) to stop a client in the
/// middle of a delivery.
public final class LoopbackSMTPServer: @unchecked Sendable {
  /// One message as received: the envelope, and the DATA with CRLF line ends, unstuffed.
  public struct Message: Sendable {
    public var from: String
    public var recipients: [String]
    public var data: Data
    /// The server said 250 to it (false: the client was gone before the reply was sent).
    public var acknowledged: Bool

    public var text: String { String(decoding: data, as: UTF8.self) }
  }

  public enum LoginMode: Sendable {
    /// AUTH succeeds for this user and password; MAIL without AUTH is refused.
    case require(user: String, password: String)
    /// Every AUTH is refused with 535.
    case refuse
    /// No AUTH is advertised nor needed.
    case none
  }

  private let lock = NSLock()
  private var messages: [Message] = []
  private var logins: [String] = []
  private var mode: LoginMode
  /// Replies are held for messages after this many (nil: none held).
  private var holdAfter: Int?
  private var heldArrived: [DispatchSemaphore] = []
  private var releases: [DispatchSemaphore] = []
  private let listener: LoopbackListener
  public var port: UInt16 { listener.port }

  public init(login: LoginMode = .none) throws {
    mode = login
    listener = try LoopbackListener(backlog: 16)
    listener.start { [self] client in
      var session = Session(server: self, client: client)
      session.run()
    }
  }

  deinit { stop() }

  /// `smtp://127.0.0.1:PORT`
  public var url: String { "smtp://127.0.0.1:\(port)" }

  /// Every message received so far, in order (acknowledged or not).
  public var received: [Message] { lock.withLock { messages } }

  /// Every AUTH attempt so far: the mechanism and whether it succeeded (`PLAIN ok`,
  /// `LOGIN refused`).
  public var loginAttempts: [String] { lock.withLock { logins } }

  public func setLogin(_ login: LoginMode) { lock.withLock { mode = login } }

  /// From the message after the first `skipping` received, each message's reply after its
  /// data is held back until `release()`; `waitForHeldMessage` returns once one has arrived.
  public func holdData(skipping: Int = 0) { lock.withLock { holdAfter = skipping } }

  /// Waits (at most `timeout`) until a message's data has arrived and its reply is held.
  public func waitForHeldMessage(timeout: Duration = .seconds(60)) -> Bool {
    let semaphore = DispatchSemaphore(value: 0)
    lock.withLock { heldArrived.append(semaphore) }
    let (seconds, attoseconds) = timeout.components
    return semaphore.wait(
      timeout: .now()
        + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)))
      == .success
  }

  /// Stops holding and lets held replies go.
  public func release() {
    let waiting = lock.withLock {
      holdAfter = nil
      defer { releases = [] }
      return releases
    }
    for semaphore in waiting { semaphore.signal() }
  }

  public func stop() {
    guard listener.stop() else { return }
    release()
  }

  /// The state of one connection.
  private struct Session {
    let server: LoopbackSMTPServer
    let client: Int32
    var buffer: [UInt8] = []
    var authenticated = false
    var from: String?
    var recipients: [String] = []

    init(server: LoopbackSMTPServer, client: Int32) {
      self.server = server
      self.client = client
    }

    mutating func run() {
      guard reply("220 127.0.0.1 loopback SMTP ready") else { return }
      while let line = readLine() {
        let upper = line.uppercased()
        let verb = upper.split(separator: " ").first.map(String.init) ?? ""
        let ok: Bool
        switch verb {
        case "EHLO":
          var lines = ["250-127.0.0.1 greets you", "250-8BITMIME", "250-SIZE 10485760"]
          if case .none = server.lock.withLock({ server.mode }) {
          } else {
            lines.append("250-AUTH PLAIN LOGIN")
          }
          lines.append("250 HELP")
          ok = reply(lines.joined(separator: "\r\n"))
        case "HELO": ok = reply("250 127.0.0.1")
        case "AUTH": ok = authenticate(line)
        case "MAIL":
          if case .none = server.lock.withLock({ server.mode }) {
          } else if !authenticated {
            ok = reply("530 5.7.0 Authentication required")
            continue
          }
          from = Self.path(line)
          recipients = []
          ok = reply("250 2.1.0 Ok")
        case "RCPT":
          guard from != nil else {
            ok = reply("503 5.5.1 MAIL first")
            continue
          }
          recipients.append(Self.path(line))
          ok = reply("250 2.1.5 Ok")
        case "DATA":
          guard from != nil, !recipients.isEmpty else {
            ok = reply("503 5.5.1 RCPT first")
            continue
          }
          guard reply("354 End data with <CR><LF>.<CR><LF>") else { return }
          guard let data = readData() else { return }
          ok = finish(data)
        case "RSET":
          from = nil
          recipients = []
          ok = reply("250 2.0.0 Ok")
        case "NOOP": ok = reply("250 2.0.0 Ok")
        case "QUIT":
          _ = reply("221 2.0.0 Bye")
          return
        default: ok = reply("502 5.5.2 Command not recognised")
        }
        if !ok { return }
      }
    }

    /// Records the message, holding its reply back when the test asked to.
    private mutating func finish(_ data: Data) -> Bool {
      let message = Message(
        from: from ?? "", recipients: recipients, data: data, acknowledged: false)
      let (index, hold) = server.lock.withLock { () -> (Int, DispatchSemaphore?) in
        server.messages.append(message)
        guard let after = server.holdAfter, server.messages.count > after else {
          return (server.messages.count - 1, nil)
        }
        let release = DispatchSemaphore(value: 0)
        server.releases.append(release)
        for waiter in server.heldArrived { waiter.signal() }
        server.heldArrived = []
        return (server.messages.count - 1, release)
      }
      hold?.wait()
      from = nil
      recipients = []
      guard reply("250 2.0.0 Ok: queued") else { return false }
      server.lock.withLock { server.messages[index].acknowledged = true }
      return true
    }

    private mutating func authenticate(_ line: String) -> Bool {
      let words = line.split(separator: " ").map(String.init)
      guard words.count >= 2 else { return reply("501 5.5.4 Syntax: AUTH mechanism") }
      let mechanism = words[1].uppercased()
      let credentials: (String, String)?
      switch mechanism {
      case "PLAIN":
        var initial = words.count > 2 ? words[2] : nil
        if initial == nil {
          guard reply("334 "), let next = readLine() else { return false }
          initial = next
        }
        let fields = Data(base64Encoded: initial ?? "").map { Array($0) }?.split(
          separator: 0, omittingEmptySubsequences: false)
        credentials = fields.flatMap {
          $0.count == 3
            ? (String(decoding: $0[1], as: UTF8.self), String(decoding: $0[2], as: UTF8.self)) : nil
        }
      case "LOGIN":
        var user = words.count > 2 ? words[2] : nil
        if user == nil {
          guard reply("334 VXNlcm5hbWU6"), let next = readLine() else { return false }
          user = next
        }
        guard reply("334 UGFzc3dvcmQ6"), let password = readLine() else { return false }
        credentials = Self.decode(user ?? "").flatMap { name in
          Self.decode(password).map { (name, $0) }
        }
      default:
        return reply("504 5.5.4 Unrecognised authentication type")
      }
      let accepted: Bool
      switch server.lock.withLock({ server.mode }) {
      case .require(let user, let password):
        accepted = credentials.map { $0 == (user, password) } ?? false
      case .refuse, .none: accepted = false
      }
      server.lock.withLock {
        server.logins.append("\(mechanism) \(accepted ? "ok" : "refused")")
      }
      authenticated = accepted
      return accepted
        ? reply("235 2.7.0 Authentication successful")
        : reply("535 5.7.8 Authentication credentials invalid")
    }

    private static func decode(_ base64: String) -> String? {
      Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The address inside `<…>` of a MAIL or RCPT command.
    private static func path(_ line: String) -> String {
      guard let open = line.firstIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close
      else { return "" }
      return String(line[line.index(after: open)..<close])
    }

    private func reply(_ text: String) -> Bool {
      let bytes = Array((text + "\r\n").utf8)
      var offset = 0
      while offset < bytes.count {
        let sent = bytes[offset...].withUnsafeBytes {
          Glibc.send(client, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL))
        }
        if sent <= 0 { return false }
        offset += sent
      }
      return true
    }

    /// The next line without its CRLF; nil when the client has gone.
    private mutating func readLine() -> String? {
      guard let line = readRawLine() else { return nil }
      return String(decoding: line, as: UTF8.self)
    }

    private mutating func readRawLine() -> [UInt8]? {
      var chunk = [UInt8](repeating: 0, count: 4096)
      while true {
        if let newline = buffer.firstIndex(of: 0x0A) {
          var line = Array(buffer[..<newline])
          buffer.removeSubrange(...newline)
          if line.last == 0x0D { line.removeLast() }
          return line
        }
        let count = recv(client, &chunk, chunk.count, 0)
        guard count > 0 else { return nil }
        buffer += chunk[0..<count]
      }
    }

    /// The message up to the lone `.` line, with leading dots unstuffed and CRLF line ends.
    private mutating func readData() -> Data? {
      var data = Data()
      while let line = readRawLine() {
        if line == [UInt8(ascii: ".")] { return data }
        data.append(contentsOf: line.first == UInt8(ascii: ".") ? Array(line.dropFirst()) : line)
        data.append(contentsOf: [0x0D, 0x0A])
      }
      return nil
    }
  }
}
