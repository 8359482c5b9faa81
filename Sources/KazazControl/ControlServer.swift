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
/// nobody else. A dedicated thread accepts connections and reads each request (bounded by a
/// timeout), so a silent client never holds up the async pool; requests are then served
/// concurrently by `handler`. On graceful shutdown it stops accepting, removes the socket file,
/// and lets requests in progress finish.
public final class ControlServer: Service, @unchecked Sendable {
  public typealias Handler = @Sendable (ControlRequest, ControlResponder) async -> Void

  public let path: String
  private let listener: Int32
  private let inode: ino_t
  private let handler: Handler
  private let logger: Logger
  private let requests: AsyncStream<(ControlRequest, ControlResponder)>
  private let continuation: AsyncStream<(ControlRequest, ControlResponder)>.Continuation
  private let lock = NSLock()
  private var stopped = false

  /// How long a client may take to send its request, and a blocked reply may wait.
  public static let ioTimeout: Duration = .seconds(10)

  public init(path: String, mode: mode_t = 0o660, logger: Logger, handler: @escaping Handler)
    throws(ControlError)
  {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    listener = try UnixSocket.listen(path: path, mode: mode)
    var info = stat()
    inode = stat(path, &info) == 0 ? info.st_ino : 0
    self.path = path
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
    while true {
      let client = accept(listener, nil, nil)
      if lock.withLock({ stopped }) {
        if client >= 0 { close(client) }
        close(listener)
        return
      }
      if client < 0 { continue }
      _ = fcntl(client, F_SETFD, FD_CLOEXEC)
      let thread = Thread { [self] in receive(from: client) }
      thread.start()
    }
  }

  private func receive(from client: Int32) {
    UnixSocket.setTimeouts(client, receive: Self.ioTimeout, send: Self.ioTimeout)
    let channel = LineChannel(descriptor: client)
    let responder = ControlResponder(channel: channel)
    do {
      guard let request = try channel.receive(ControlRequest.self) else { return }
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
