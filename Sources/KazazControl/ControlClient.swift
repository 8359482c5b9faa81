import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The command line's side of the control socket: one request, its progress, its final reply.
public struct ControlClient: Sendable {
  public let path: String

  public init(path: String) {
    self.path = path
  }

  /// Sends `request` and blocks until the final reply; `progress` sees every progress line.
  /// `timeout` bounds each wait for the next line (nil: wait as long as the daemon works).
  public func send(
    _ request: ControlRequest, timeout: Duration? = .seconds(30),
    progress: (FeedProgress) -> Void = { _ in }
  ) throws -> ControlReply {
    let channel = LineChannel(descriptor: try UnixSocket.connect(path: path))
    defer { channel.close() }
    UnixSocket.setTimeouts(channel.descriptor, receive: timeout, send: .seconds(10))
    do {
      try channel.send(request)
    } catch {
      // A daemon that refused the connection (busy, stopping) may have answered and closed
      // before the request went out: its answer says more than the broken pipe.
      if let reply = try? channel.receive(ControlReply.self), reply.isFinal { return reply }
      throw error
    }
    while let reply = try channel.receive(ControlReply.self) {
      if case .progress(let line) = reply {
        progress(line)
        continue
      }
      return reply
    }
    throw ControlError.closed
  }
}

extension ControlClient {
  /// `send` for async callers: the blocking socket I/O runs on a thread of its own, never on
  /// the cooperative pool (a waiting `refresh --wait` could otherwise starve it).
  public func request(
    _ request: ControlRequest, timeout: Duration? = .seconds(30),
    progress: @escaping @Sendable (FeedProgress) -> Void = { _ in }
  ) async throws -> ControlReply {
    try await withCheckedThrowingContinuation { continuation in
      let thread = Thread {
        continuation.resume(
          with: Result { try send(request, timeout: timeout, progress: progress) })
      }
      thread.start()
    }
  }
}
