import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A listening TCP socket on 127.0.0.1 at a port the kernel picks, and the thread that accepts
/// its connections: what every loopback test server starts from. Each connection is served on
/// a thread of its own and closed when its handler returns.
final class LoopbackListener: @unchecked Sendable {
  let port: UInt16
  private let descriptor: Int32
  private let lock = NSLock()
  private var stopped = false

  init(backlog: Int32) throws {
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard listener >= 0 else { throw POSIXError(.EIO) }
    var yes: Int32 = 1
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(listener, backlog) == 0 else {
      close(listener)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        _ = getsockname(listener, $0, &length)
      }
    }
    descriptor = listener
    port = UInt16(bigEndian: address.sin_port)
  }

  /// Starts accepting. `accepted` runs on the accepting thread as each connection arrives
  /// (before it is served); `serve` runs on the connection's own thread.
  func start(
    accepted: @escaping @Sendable () -> Void = {},
    serve: @escaping @Sendable (_ client: Int32) -> Void
  ) {
    Thread { [self] in
      while true {
        let client = accept(descriptor, nil, nil)
        if lock.withLock({ stopped }) {
          if client >= 0 { close(client) }
          close(descriptor)
          return
        }
        if client < 0 { continue }
        accepted()
        Thread {
          serve(client)
          close(client)
        }.start()
      }
    }.start()
  }

  /// Stops accepting connections. The listening socket is closed by the accepting thread
  /// itself once it has left `accept`, so its descriptor number cannot be reused under it by
  /// another server in the same process. Returns false when it was already stopped.
  @discardableResult
  func stop() -> Bool {
    let wasStopped = lock.withLock {
      defer { stopped = true }
      return stopped
    }
    guard !wasStopped else { return false }
    shutdown(descriptor, Int32(SHUT_RDWR))
    return true
  }
}
