import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Plays systemd's part of sd_notify(3): a datagram socket the daemon is pointed at with
/// `NOTIFY_SOCKET`, collecting every message it sends.
final class NotifyListener: @unchecked Sendable {
  let path: String
  private let descriptor: Int32
  private let lock = NSLock()
  private var received: [String] = []

  init(path: String) throws {
    self.path = path
    descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
    let thread = Thread { [self] in receiveLoop() }
    thread.start()
  }

  deinit {
    shutdown(descriptor, Int32(SHUT_RDWR))
    close(descriptor)
    unlink(path)
  }

  /// Every message so far, in order.
  var messages: [String] { lock.withLock { received } }

  /// Waits (bounded) until a message after the first `skipping` ones satisfies `predicate`;
  /// returns its index, or nil on timeout.
  func waitFor(
    after skipping: Int = 0, timeout: Duration = .seconds(120), _ predicate: (String) -> Bool
  ) async -> Int? {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      let all = messages
      if skipping < all.count, let index = all[skipping...].firstIndex(where: predicate) {
        return index
      }
      try? await Task.sleep(for: .milliseconds(50))
    }
    return nil
  }

  private func receiveLoop() {
    var buffer = [UInt8](repeating: 0, count: 8192)
    while true {
      let count = recv(descriptor, &buffer, buffer.count, 0)
      if count <= 0 { return }
      let message = String(decoding: buffer[0..<count], as: UTF8.self)
      lock.withLock { received.append(message) }
    }
  }
}
