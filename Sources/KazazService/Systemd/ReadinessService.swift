import Foundation
import ServiceLifecycle

/// Tells systemd the daemon is ready, and that it is stopping.
///
/// It runs inside the service group, after the store was opened, the control socket bound and
/// the signal handlers installed (the group traps SIGTERM/SIGINT before starting any service),
/// so READY=1 is only sent once every promise it makes holds. Listed last in the group, it is
/// the first told of a graceful shutdown, so STOPPING=1 goes out at once.
public struct ReadinessService: Service {
  public let notifier: SystemdNotifier
  private let status: @Sendable () async -> String

  public init(notifier: SystemdNotifier, status: @escaping @Sendable () async -> String) {
    self.notifier = notifier
    self.status = status
  }

  public func run() async throws {
    notifier.ready(status: await status())
    try? await gracefulShutdown()
    notifier.stopping()
  }
}
