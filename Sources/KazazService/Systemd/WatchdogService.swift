import Foundation
import ServiceLifecycle

#if canImport(Glibc)
  import Glibc
#endif

/// Pings the systemd watchdog (`WatchdogSec=`) at half the interval the manager asked for, as
/// long as the daemon's own health check passes. A daemon whose async pool is stuck stops
/// pinging, and systemd restarts it. Without `WATCHDOG_USEC` (or when `WATCHDOG_PID` names
/// another process) it only waits for shutdown.
public struct WatchdogService: Service {
  public let notifier: SystemdNotifier
  /// The manager's timeout, or nil when no watchdog is armed for this process.
  public let timeout: Duration?
  private let healthy: @Sendable () async -> Bool

  public init(
    notifier: SystemdNotifier,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    healthy: @escaping @Sendable () async -> Bool = { true }
  ) {
    self.notifier = notifier
    self.timeout = Self.timeout(environment: environment, pid: getpid())
    self.healthy = healthy
  }

  /// `WATCHDOG_USEC` when the watchdog is meant for `pid` (sd_watchdog_enabled(3)).
  public static func timeout(environment: [String: String], pid: Int32) -> Duration? {
    guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text),
      microseconds > 0
    else { return nil }
    if let owner = environment["WATCHDOG_PID"], Int32(owner) != pid { return nil }
    return .microseconds(microseconds)
  }

  public func run() async throws {
    guard let timeout, notifier.isActive else {
      try? await gracefulShutdown()
      return
    }
    let interval = timeout / 2
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      if await healthy() { notifier.watchdog() }
      try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
    }
  }
}
