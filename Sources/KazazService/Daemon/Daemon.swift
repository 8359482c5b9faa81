import Foundation
import KazazConfig
import KazazControl
import KazazModel
import Logging
import ServiceLifecycle
import UnixSignals

/// The long-running daemon, assembled: a `ServiceGroup` that stops gracefully on SIGTERM and
/// SIGINT, with (in start order)
///
/// 1. the control socket (`refresh`, `status`, `digest --now`),
/// 2. the monitor (refresh loop, digest loop, and the background reclassification of stored
///    items after the profile's version changed),
/// 3. SIGHUP (reload) and SIGUSR1 (refresh),
/// 4. the systemd watchdog,
/// 5. readiness: READY=1 once all of the above are in place, STOPPING=1 when shutdown begins.
///
/// The group shuts services down in reverse order: STOPPING=1 first, the control socket last,
/// so a client following a refresh still gets its answer.
public struct Daemon: Sendable {
  public let group: ServiceGroup
  public let controlSocket: String

  /// Opens the control socket and traps the signals; `run()` starts serving. Throws
  /// `ControlError` when the socket cannot be created (e.g. another daemon holds it).
  public static func make(
    monitor: Monitor, configPath: String, logLevelOverride: LogLevel?, logger: Logger,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) async throws -> Daemon {
    let notifier = SystemdNotifier(environment: environment)
    let holder = MonitorHolder(monitor)
    let coordinator = RefreshCoordinator()
    let reclassification = ReclassificationTracker()
    let handler = ControlHandler(
      holder: holder, coordinator: coordinator, reclassification: reclassification,
      startedAt: monitor.clock.now())
    let socketPath = ControlSocketPath.resolve(monitor.config, environment: environment)
    let control = try ControlServer(path: socketPath, logger: logger) { request, responder in
      await handler.handle(request, responder)
    }
    let reloader = Reloader(
      configPath: configPath, logLevelOverride: logLevelOverride, holder: holder,
      coordinator: coordinator, reclassification: reclassification, notifier: notifier)
    let services: [any Service] = [
      control,
      MonitorService(
        holder: holder, coordinator: coordinator, reclassification: reclassification
      ) { record in
        notifier.status(StatusLine.cycle(record))
      },
      SignalService(
        signals: await SignalService.trap(), reloader: reloader, coordinator: coordinator,
        logger: logger),
      WatchdogService(notifier: notifier, environment: environment) {
        // The refresh coordinator answers (the async pool is not wedged), and a running cycle
        // still completes polls (the fetcher, parser and store are not wedged).
        let idle = await coordinator.timeWithoutProgress()
        let policy = StallPolicy(config: holder.current.config)
        guard policy.isHealthy(timeWithoutProgress: idle) else {
          logger.critical(
            """
            no poll has completed for too long while a refresh cycle runs; withholding the \
            watchdog ping so that systemd restarts the daemon
            """,
            metadata: ["seconds": "\(Int(idle ?? 0))", "limit": "\(Int(policy.limit))"])
          return false
        }
        return true
      },
      ReadinessService(notifier: notifier) {
        StatusLine.ready(feeds: holder.current.config.feeds.count, socket: socketPath)
      },
    ]
    let group = ServiceGroup(
      services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    return Daemon(group: group, controlSocket: socketPath)
  }

  public func run() async throws {
    try await group.run()
  }
}

/// The STATUS= lines `systemctl status` shows.
enum StatusLine {
  static func ready(feeds: Int, socket: String) -> String {
    "Ready: \(feeds) feeds configured; control socket \(socket)"
  }

  static func cycle(_ record: CycleRecord) -> String {
    let report = record.report
    let time = record.finishedAt.formatted(.iso8601)
    return
      "Last cycle \(time) (\(record.trigger)): \(report.feedsPolled) feeds polled, \(report.newItems) new items, \(report.relevantItems) relevant, \(report.failedFeeds) errors"
  }
}
