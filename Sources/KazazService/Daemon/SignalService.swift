import Logging
import ServiceLifecycle
import UnixSignals

/// The operator's signals: SIGHUP reloads the configuration (`systemctl reload`), SIGUSR1
/// polls every feed now (`systemctl kill -s USR1 --kill-who=main`). The handlers are installed
/// before the daemon reports ready, so an early signal never kills it.
struct SignalService: Service {
  let signals: UnixSignalsSequence
  let reloader: Reloader
  let coordinator: RefreshCoordinator
  let logger: Logger

  /// Traps the signals now; serve them with `run()`.
  static func trap() async -> UnixSignalsSequence {
    await UnixSignalsSequence(trapping: .sighup, .sigusr1)
  }

  func run() async throws {
    for await signal in signals.cancelOnGracefulShutdown() {
      switch signal {
      case .sighup:
        logger.info("SIGHUP: reloading the configuration")
        await reloader.reload()
      case .sigusr1:
        logger.info("SIGUSR1: refreshing every feed")
        await coordinator.enqueue(.all, trigger: .signal)
      default:
        break
      }
    }
  }
}
