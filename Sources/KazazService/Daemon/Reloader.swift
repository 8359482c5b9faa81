import Foundation
import KazazClassify
import KazazConfig
import KazazFetch
import KazazModel
import KazazStore
import Logging

/// SIGHUP: reads the configuration file and the classifier profile again and, when both are
/// valid, swaps them in without a restart. Anything wrong — a config or profile error, or a
/// change only a restart can apply (the state directory) — is logged with its file:line and
/// the running configuration stays.
///
/// The store stays open. The fetcher is kept when its settings did not change; otherwise a new
/// one starts and the old one is shut down once the cycle using it has ended. The next cycle
/// uses the new feed list, intervals and profile.
struct Reloader: Sendable {
  let configPath: String
  /// `--log-level` given on the command line wins over the file, before and after a reload.
  let logLevelOverride: LogLevel?
  let holder: MonitorHolder
  let coordinator: RefreshCoordinator
  /// Woken when the new profile has another version, to classify the stored items again.
  let reclassification: ReclassificationTracker
  let notifier: SystemdNotifier

  enum Rejection: Error, CustomStringConvertible {
    case needsRestart(String)

    var description: String {
      switch self {
      case .needsRestart(let what): "\(what) cannot change on reload; restart the service"
      }
    }
  }

  /// Returns true when the new configuration is in use.
  @discardableResult
  func reload() async -> Bool {
    notifier.reloading()
    let old = holder.current
    let accepted: Bool
    do {
      let new = try load(replacing: old)
      // Feeds new to the store get their row (and show in `status`) at once; the refresh loop
      // wakes up to schedule them.
      _ = try new.store.registerFeeds(urls: new.config.feeds.map(\.url))
      // A quarantined feed whose entry the operator changed gets another chance.
      for feed in try new.store.releaseQuarantines(settings: new.config.feedFingerprints) {
        new.logger.notice(
          "feed's config entry changed; quarantine lifted", metadata: ["feed.url": "\(feed.url)"])
      }
      holder.replace(with: new)
      await coordinator.wake()
      if new.classifier.profile.version != old.classifier.profile.version {
        reclassification.wake()
      }
      if new.engine !== old.engine {
        Task {
          await coordinator.waitForRunningCycle()
          old.engine.shutdown()
        }
      }
      new.logger.notice(
        "configuration reloaded",
        metadata: [
          "config": "\(configPath)", "feeds": "\(new.config.feeds.count)",
          "profile.version": "\(new.classifier.profile.version)",
        ])
      accepted = true
    } catch {
      old.logger.error(
        "reload rejected; keeping the running configuration",
        metadata: ["config": "\(configPath)", "error": "\(error)"])
      accepted = false
    }
    notifier.ready(
      status: accepted ? "Configuration reloaded" : "Reload rejected; running configuration kept")
    return accepted
  }

  private func load(replacing old: Monitor) throws -> Monitor {
    var config = try ConfigLoader.load(path: configPath)
    if let logLevelOverride { config.logLevel = logLevelOverride }
    // Compare paths, not URLs: a directory URL gains a trailing slash once the directory exists.
    guard config.stateDirectory.path == old.config.stateDirectory.path else {
      throw Rejection.needsRestart("state_dir")
    }
    if config.controlSocket?.path != old.config.controlSocket?.path {
      old.logger.warning("control_socket changes take effect after a restart")
    }
    var logger = old.logger
    logger.logLevel = Logger.Level(rawValue: config.logLevel.rawValue) ?? .info
    let classifier = try ProfileLoading.classifier(config: config, logger: logger)
    let engine =
      config.fetchSettings == old.engine.settings
      ? old.engine : CurlEngine(settings: config.fetchSettings)
    return Monitor(
      config: config, store: old.store, engine: engine, classifier: classifier,
      logger: logger, journal: old.journal, clock: old.clock)
  }
}
