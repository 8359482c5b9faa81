import Foundation
import Logging
import ServiceLifecycle

#if canImport(Glibc)
  import Glibc
#endif

/// The daemon's control socket: a unix-domain `SOCK_STREAM` socket speaking newline-delimited
/// JSON (`ControlRequest` in, `ControlReply` lines out).
///
/// The socket listens from `init` on, so the daemon can announce readiness only once clients
/// can connect. Its mode is 0660: the service's user and group (the operator group) may connect,
/// nobody else. A dedicated thread accepts connections and reads each request on a thread of its
/// own, so a silent client never holds up the async pool; requests are then served concurrently
/// by `handler`. On graceful shutdown it stops accepting, removes the socket file, and lets
/// requests in progress finish.
///
/// Every connection is bounded, so that no client (a buggy script, a member of the operator
/// group looping `status`) can exhaust the daemon: at most `maximumConnections` are open at once
/// (a further client gets a one-line "busy" failure from the accept thread and is closed, with
/// no thread or buffer of its own), a request is at most `maximumRequestBytes` and must arrive
/// whole within `requestTimeout`, and a failing `accept` backs off instead of spinning.
public final class ControlServer: Service, @unchecked Sendable {
  public typealias Handler = @Sendable (ControlRequest, ControlResponder) async -> Void

  public let path: String
  private let listener: Int32
  private let inode: ino_t
  private let handler: Handler
  private let logger: Logger
  private let requests: AsyncStream<(ControlRequest, ControlResponder)>
  private let continuation: AsyncStream<(ControlRequest, ControlResponder)>.Continuation
  private let maximumConnections: Int
  private let requestTimeout: Duration
  private let lock = NSLock()
  private var stopped = false
  /// Connections accepted and not yet closed (reading a request, or being served).
  private var openConnections = 0

  /// How long a blocked reply may wait for the client to read.
  public static let ioTimeout: Duration = .seconds(10)
  /// Requests are a few dozen bytes; anything near this is not a client of ours.
  public static let maximumRequestBytes = 64 * 1024

  /// `maximumConnections` bounds the connections open at once; `requestTimeout` is how long a
  /// client has from being accepted to having sent its whole request line.
  public init(
    path: String, mode: mode_t = 0o660, maximumConnections: Int = 16,
    requestTimeout: Duration = .seconds(10), logger: Logger, handler: @escaping Handler
  ) throws(ControlError) {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    listener = try UnixSocket.listen(path: path, mode: mode)
    var info = stat()
    inode = stat(path, &info) == 0 ? info.st_ino : 0
    self.path = path
    self.maximumConnections = max(1, maximumConnections)
    self.requestTimeout = requestTimeout
    self.handler = handler
    self.logger = logger
    (requests, continuation) = AsyncStream.makeStream(
      of: (ControlRequest, ControlResponder).self)
    let thread = Thread { [self] in acceptLoop() }
    thread.name = "control-accept"
    thread.start()
  }

  deinit { stopListening() }

  public func run() async throws {
    logger.info("control socket listening", metadata: ["path": "\(path)"])
    let handler = self.handler
    await withDiscardingTaskGroup { group in
      for await (request, responder) in requests.cancelOnGracefulShutdown() {
        group.addTask {
          await handler(request, responder)
          responder.close()
        }
      }
      stopListening()
    }
  }

  /// Stops accepting and removes the socket file (when it is still ours).
  func stopListening() {
    let wasStopped = lock.withLock {
      defer { stopped = true }
      return stopped
    }
    guard !wasStopped else { return }
    var info = stat()
    if stat(path, &info) == 0, info.st_ino == inode { unlink(path) }
    // Wakes the accept thread, which closes the listening socket itself.
    shutdown(listener, Int32(SHUT_RDWR))
    continuation.finish()
  }

  private func acceptLoop() {
    var backoff = AcceptBackoff()
    var failing = false
    while true {
      let client = accept(listener, nil, nil)
      if lock.withLock({ stopped }) {
        if client >= 0 { close(client) }
        close(listener)
        return
      }
      guard client >= 0 else {
        let code = errno
        let wait = backoff.failed(errno: code)
        guard wait > .zero else { continue }
        if !failing {
          failing = true
          logger.warning(
            "control socket: accept failed; retrying with growing waits",
            metadata: ["error": "\(ControlError.system(call: "accept", errno: code))"])
        }
        let (seconds, attoseconds) = wait.components
        Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
        continue
      }
      backoff.succeeded()
      if failing {
        failing = false
        logger.notice("control socket: accepting connections again")
      }
      _ = fcntl(client, F_SETFD, FD_CLOEXEC)
      guard admit() else {
        refuse(client)
        continue
      }
      let thread = Thread { [self] in receive(from: client) }
      thread.start()
    }
  }

  /// Counts a new connection in, unless `maximumConnections` are open.
  private func admit() -> Bool {
    lock.withLock {
      guard openConnections < maximumConnections else { return false }
      openConnections += 1
      return true
    }
  }

  private func release() {
    lock.withLock { openConnections -= 1 }
  }

  /// Tells a client over the limit that the daemon is busy, without waiting: the reply is far
  /// smaller than a fresh socket's buffer, and a client that cannot take it loses nothing.
  private func refuse(_ client: Int32) {
    Self.busyReply.withUnsafeBytes { bytes in
      _ = send(client, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT | MSG_NOSIGNAL))
    }
    close(client)
  }

  private static let busyReply: [UInt8] = {
    let reply = ControlReply.failure(
      message: "the daemon is busy: too many control connections are open; try again shortly")
    return (try? [UInt8](ControlCodec.encode(reply))) ?? []
  }()

  private func receive(from client: Int32) {
    UnixSocket.setTimeouts(client, receive: Self.ioTimeout, send: Self.ioTimeout)
    let channel = LineChannel(descriptor: client, maximumLineBytes: Self.maximumRequestBytes)
    let responder = ControlResponder(channel: channel) { [self] in release() }
    do {
      guard
        let request = try channel.receive(
          ControlRequest.self, deadline: .now + requestTimeout)
      else {
        responder.close()
        return
      }
      if case .terminated = continuation.yield((request, responder)) {
        responder.send(.failure(message: "the daemon is stopping"))
        responder.close()
      }
    } catch {
      logger.notice("bad control request", metadata: ["error": "\(error)"])
      responder.send(.failure(message: "\(error)"))
      responder.close()
    }
  }
}
