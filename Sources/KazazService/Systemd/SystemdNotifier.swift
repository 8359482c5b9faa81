import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Talks to the service manager over `$NOTIFY_SOCKET` (sd_notify(3)) without libsystemd: one
/// datagram per message to a unix socket, a path or an abstract name (a leading `@`). When the
/// variable is unset (not started by systemd) every call does nothing.
public struct SystemdNotifier: Sendable {
  /// The socket path from the environment; nil when not running under a notify-aware manager.
  public let socketPath: String?

  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    let path = environment["NOTIFY_SOCKET"] ?? ""
    socketPath = path.isEmpty ? nil : path
  }

  public var isActive: Bool { socketPath != nil }

  /// Startup is complete: the store is open and the control socket listens.
  public func ready(status: String) { notify("READY=1\nSTATUS=\(status)") }

  /// A free-form line `systemctl status` shows.
  public func status(_ text: String) { notify("STATUS=\(text)") }

  /// A reload began; `ready(status:)` ends it. MONOTONIC_USEC lets newer managers match the
  /// reload to this notification (systemd 253's Type=notify-reload); older ones ignore it.
  public func reloading() {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    let microseconds = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    notify("RELOADING=1\nMONOTONIC_USEC=\(microseconds)\nSTATUS=Reloading the configuration")
  }

  public func stopping() { notify("STOPPING=1\nSTATUS=Stopping") }

  /// Keeps the watchdog (`WatchdogSec=`) from restarting the service.
  public func watchdog() { notify("WATCHDOG=1") }

  /// Sends `state` (newline-separated `KEY=value` assignments). Returns false when there is no
  /// socket or the send failed; a daemon never fails because the manager is unreachable.
  @discardableResult
  public func notify(_ state: String) -> Bool {
    guard let socketPath else { return false }
    let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    var name = Array(socketPath.utf8)
    let abstract = name.first == UInt8(ascii: "@")
    if abstract { name[0] = 0 }
    guard name.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
    withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: name) }
    // An abstract name's length is exact; a path carries its terminating NUL.
    let length =
      MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)! + name.count + (abstract ? 0 : 1)
    let bytes = Array(state.utf8)
    let sent = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { target in
        sendto(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL), target, socklen_t(length))
      }
    }
    return sent == bytes.count
  }
}
