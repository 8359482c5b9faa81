import Foundation
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
      responder.send(.refreshed(RefreshReport(feedsPolled: 3, newItems: 6)))
    }) { _ in
      let seen = Mutex<[String]>([])
      let reply = try await ControlClient(path: path).request(
        .refresh(feed: "x", wait: true), timeout: .seconds(300)
      ) {
        progress in seen.withLock { $0.append(progress.feed) }
      }
      #expect(seen.withLock { $0 } == ["x-1", "x-2", "x-3"])
      #expect(reply == .refreshed(RefreshReport(feedsPolled: 3, newItems: 6)))
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

  @Test("The wire format is one JSON object per line, dates in ISO 8601")
  func wireFormat() throws {
    let line = try ControlCodec.encode(ControlRequest.refresh(feed: "#3", wait: true))
    #expect(
      String(decoding: line, as: UTF8.self) == "{\"refresh\":{\"feed\":\"#3\",\"wait\":true}}\n")
    let record = CycleRecord(
      startedAt: Date(timeIntervalSince1970: 0), finishedAt: Date(timeIntervalSince1970: 60),
      trigger: "manual", report: RefreshReport())
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
