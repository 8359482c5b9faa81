import Foundation
import KazazModel
import KazazTesting
import Logging
import Synchronization
import Testing

@testable import KazazControl

#if canImport(Glibc)
  import Glibc
#endif

/// The control socket for real: a server on a temporary path, the client, the wire format.
@Suite("Control socket")
struct ControlSocketTests {
  let directory: TemporaryDirectory
  let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

  init() throws {
    directory = try TemporaryDirectory(prefix: "kazaz-control")
  }

  var path: String { directory.path("control.sock").path }

  /// Runs `body` with a server answering through `handler`, then stops the server.
  func withServer(
    _ handler: @escaping ControlServer.Handler, _ body: (ControlServer) async throws -> Void
  ) async throws {
    let server = try ControlServer(path: path, logger: logger, handler: handler)
    let task = Task { try await server.run() }
    defer {
      task.cancel()
      server.stopListening()
    }
    try await body(server)
  }

  @Test("A request gets its progress lines in order, then its final reply")
  func progressThenReply() async throws {
    try await withServer({ request, responder in
      guard case .refresh(let feed, true) = request else {
        responder.send(.failure(message: "unexpected \(request)"))
        return
      }
      for index in 1...3 {
        responder.send(
          .progress(
            FeedProgress(
              feed: "\(feed ?? "all")-\(index)", outcome: "updated", newItems: index,
              relevantItems: 0, error: nil)))
      }
      responder.send(.refreshed(CycleSummary(feedsPolled: 3, newItems: 6)))
    }) { _ in
      let seen = Mutex<[String]>([])
      let reply = try await ControlClient(path: path).request(
        .refresh(feed: "x", wait: true), timeout: .seconds(300)
      ) {
        progress in seen.withLock { $0.append(progress.feed) }
      }
      #expect(seen.withLock { $0 } == ["x-1", "x-2", "x-3"])
      #expect(reply == .refreshed(CycleSummary(feedsPolled: 3, newItems: 6)))
    }
  }

  @Test("The socket is 0660 and its file is removed when the server stops")
  func permissions() async throws {
    try await withServer({ _, responder in responder.send(.digest(paths: [])) }) { server in
      var info = stat()
      #expect(stat(path, &info) == 0)
      #expect(info.st_mode & 0o777 == 0o660)
      server.stopListening()
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  @Test("No daemon: the client says so; a stale socket file is replaced, a live one is not")
  func noDaemonAndStaleSocket() async throws {
    await #expect(throws: ControlError.noDaemon(path: path)) {
      try await ControlClient(path: path).request(.status, timeout: .seconds(300))
    }
    // A socket file nobody listens on, as a killed daemon leaves it.
    let stale = try UnixSocket.listen(path: path, mode: 0o660)
    close(stale)
    await #expect(throws: ControlError.noDaemon(path: path)) {
      try await ControlClient(path: path).request(.status, timeout: .seconds(300))
    }
    try await withServer({ _, responder in responder.send(.digest(paths: ["/d.md"])) }) { _ in
      let reply = try await ControlClient(path: path).request(.digest, timeout: .seconds(300))
      #expect(reply == .digest(paths: ["/d.md"]))
      #expect(throws: ControlError.alreadyListening(path: path)) {
        _ = try ControlServer(path: path, logger: logger) { _, _ in }
      }
    }
  }

  @Test("A malformed request is answered with a failure, and the server keeps serving")
  func malformedRequest() async throws {
    try await withServer({ _, responder in responder.send(.digest(paths: [])) }) { _ in
      let socketPath = path
      let reply = try await onThread { () -> ControlReply? in
        let channel = LineChannel(descriptor: try UnixSocket.connect(path: socketPath))
        let garbage = Array("{\"launch\":{}}\n".utf8)
        _ = garbage.withUnsafeBytes { send(channel.descriptor, $0.baseAddress, $0.count, 0) }
        return try channel.receive(ControlReply.self)
      }
      guard case .failure(let message) = reply else {
        Issue.record("expected a failure, got \(String(describing: reply))")
        return
      }
      #expect(message.contains("malformed control message"))
      let next = try await ControlClient(path: path).request(.digest, timeout: .seconds(300))
      #expect(next == .digest(paths: []))
    }
  }

  @Test(
    "While 16 connections are held, a 17th gets a busy reply and no handler",
    .timeLimit(.minutes(1)))
  func connectionCap() async throws {
    let gate = Gate()
    let handled = Mutex(0)
    let (started, starting) = AsyncStream<Void>.makeStream()
    try await withServer({ _, responder in
      handled.withLock { $0 += 1 }
      starting.yield()
      await gate.wait()
      responder.send(.digest(paths: []))
    }) { _ in
      var held: [Int32] = []
      for _ in 0..<16 { held.append(try connectAndRequest()) }
      var starts = started.makeAsyncIterator()
      for _ in 0..<16 { await starts.next() }

      let extra = try connectAndRequest()
      let refused = try await onThread { try readAll(extra) }
      guard case .failure(let message) = refused.first else {
        Issue.record("expected a busy failure, got \(refused)")
        return
      }
      #expect(message.contains("busy"))
      #expect(handled.withLock { $0 } == 16)

      gate.open()
      for client in held {
        let replies = try await onThread { try readAll(client) }
        #expect(replies == [.digest(paths: [])])
      }
      // Every held client saw its connection end, so each slot is free again.
      let next = try await ControlClient(path: path).request(.digest, timeout: .seconds(300))
      #expect(next == .digest(paths: []))
      #expect(handled.withLock { $0 } == 17)
    }
  }

  @Test("A file, folder or symlink at the socket path is reported by name and left intact")
  func notASocket() throws {
    let file = try directory.write("keep me\n", to: "control.sock")
    #expect {
      _ = try ControlServer(path: path, logger: logger) { _, _ in }
    } throws: { error in
      (error as? ControlError)?.description
        == "control socket path \(path) exists and is not a socket (a regular file); "
        + "not removing it"
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")

    let folder = directory.path("folder.sock").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    #expect(throws: ControlError.notASocket(path: folder, kind: "a directory")) {
      _ = try ControlServer(path: folder, logger: logger) { _, _ in }
    }
    let link = directory.path("link.sock").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file.path)
    #expect(throws: ControlError.notASocket(path: link, kind: "a symbolic link")) {
      _ = try ControlServer(path: link, logger: logger) { _, _ in }
    }
    var info = stat()
    #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
  }

  @Test("A request line longer than the limit is refused without waiting for its end")
  func oversizeRequest() async throws {
    try await withServer({ _, responder in responder.send(.digest(paths: [])) }) { _ in
      let client = try UnixSocket.connect(path: path)
      let junk = [UInt8](repeating: UInt8(ascii: " "), count: ControlServer.maximumRequestBytes * 2)
      let replies = try await onThread { () -> [ControlReply] in
        _ = junk.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        return try readAll(client)
      }
      guard case .failure(let message) = replies.first else {
        Issue.record("expected a failure, got \(replies)")
        return
      }
      #expect(message.contains("line longer than \(ControlServer.maximumRequestBytes) bytes"))
    }
  }

  @Test(
    "A client that trickles its request is cut off at the request deadline",
    .timeLimit(.minutes(1)))
  func tricklingClient() async throws {
    let server = try ControlServer(
      path: path, requestTimeout: .milliseconds(300), logger: logger
    ) { _, responder in responder.send(.digest(paths: [])) }
    let task = Task { try await server.run() }
    defer {
      task.cancel()
      server.stopListening()
    }
    let client = try UnixSocket.connect(path: path)
    // One byte of a never-ending request every 20 ms: each recv alone would return in time,
    // only the whole-request deadline ends it. Sending stops once the server has closed.
    let sent = try await onThread { () -> Int in
      var count = 0
      var byte = UInt8(ascii: " ")
      while send(client, &byte, 1, Int32(MSG_NOSIGNAL)) == 1 {
        count += 1
        var entry = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
        if poll(&entry, 1, 20) > 0 { break }
      }
      return count
    }
    let replies = try await onThread { try readAll(client) }
    guard case .failure(let message) = replies.first else {
      Issue.record("expected a failure after \(sent) bytes, got \(replies)")
      return
    }
    #expect(message.contains("timed out"))
  }

  @Test("accept failures back off: doubling waits up to a second, reset by a success")
  func acceptBackoff() {
    var backoff = AcceptBackoff()
    let waits = (0..<9).map { _ in backoff.failed(errno: EMFILE) }
    #expect(
      waits == [10, 20, 40, 80, 160, 320, 640, 1000, 1000].map { Duration.milliseconds($0) })
    #expect(backoff.failed(errno: ENFILE) == .seconds(1))
    #expect(backoff.failed(errno: EINTR) == .zero)
    #expect(backoff.failed(errno: ECONNABORTED) == .zero)
    backoff.succeeded()
    #expect(backoff.failed(errno: ENOMEM) == .milliseconds(10))
  }

  /// Connects and sends a `digest` request; returns the descriptor.
  func connectAndRequest() throws -> Int32 {
    let client = try UnixSocket.connect(path: path)
    // A client that is refused before it writes sees a broken pipe; it can still read why.
    UnixSocket.setTimeouts(client, receive: .seconds(30), send: .seconds(30))
    let line = try [UInt8](ControlCodec.encode(ControlRequest.digest))
    _ = line.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    return client
  }

  @Test("The wire format is one JSON object per line, dates in ISO 8601")
  func wireFormat() throws {
    let line = try ControlCodec.encode(ControlRequest.refresh(feed: "#3", wait: true))
    #expect(
      String(decoding: line, as: UTF8.self) == "{\"refresh\":{\"feed\":\"#3\",\"wait\":true}}\n")
    let record = CycleRecord(
      startedAt: Date(timeIntervalSince1970: 0), finishedAt: Date(timeIntervalSince1970: 60),
      trigger: "manual", report: CycleSummary())
    let text = String(decoding: try ControlCodec.encode(record), as: UTF8.self)
    #expect(text.contains("\"finishedAt\":\"1970-01-01T00:01:00Z\""))
    #expect(text.filter { $0 == "\n" }.count == 1)
  }
}

/// Runs blocking socket I/O off the cooperative pool.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Result { try body() }) }.start()
  }
}

/// Every reply on `descriptor` until the server closes it (a reset after the last reply counts
/// as the end too); closes the descriptor.
func readAll(_ descriptor: Int32) throws -> [ControlReply] {
  let channel = LineChannel(descriptor: descriptor)
  defer { channel.close() }
  var replies: [ControlReply] = []
  do {
    while let reply = try channel.receive(ControlReply.self) { replies.append(reply) }
  } catch ControlError.system(call: "recv", errno: ECONNRESET) where !replies.isEmpty {}
  return replies
}

/// Holds every waiter until opened, then lets them all (and later ones) through.
final class Gate: Sendable {
  private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>(
    (false, []))

  func wait() async {
    await withCheckedContinuation { continuation in
      let proceed = state.withLock { state in
        if state.open { return true }
        state.waiters.append(continuation)
        return false
      }
      if proceed { continuation.resume() }
    }
  }

  func open() {
    let waiters = state.withLock { state in
      state.open = true
      defer { state.waiters = [] }
      return state.waiters
    }
    for waiter in waiters { waiter.resume() }
  }
}
