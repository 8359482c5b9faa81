import Foundation

/// The daemon's side of one client connection: sends replies to it. Safe to use from any task
/// (progress lines come from the refresh cycle); a client that went away is noticed, not fatal.
public final class ControlResponder: @unchecked Sendable {
  private let lock = NSLock()
  private let channel: LineChannel
  private var gone = false
  private var onClose: (@Sendable () -> Void)?

  /// `onClose` runs once, when the connection is closed (before its descriptor is), so a
  /// client that sees the end of the stream knows its slot is free again.
  init(channel: LineChannel, onClose: (@Sendable () -> Void)? = nil) {
    self.channel = channel
    self.onClose = onClose
  }

  deinit { close() }

  /// Sends `reply`; returns false when the client is gone (closed, or stopped reading).
  @discardableResult
  public func send(_ reply: ControlReply) -> Bool {
    lock.withLock {
      guard !gone else { return false }
      do {
        try channel.send(reply)
        return true
      } catch {
        gone = true
        return false
      }
    }
  }

  func close() {
    let closing = lock.withLock {
      gone = true
      defer { onClose = nil }
      return onClose
    }
    closing?()
    lock.withLock { channel.close() }
  }
}
