import Synchronization

/// The daemon's current `Monitor` (config, classifier, fetcher, store). A reload replaces it as
/// a whole, atomically; every reader takes the current one and keeps using that value for the
/// work it started (a cycle in flight finishes with the monitor it began with).
public final class MonitorHolder: Sendable {
  private let state: Mutex<Monitor>

  public init(_ monitor: Monitor) {
    state = Mutex(monitor)
  }

  public var current: Monitor { state.withLock { $0 } }

  /// Installs `monitor` and returns the one it replaces.
  @discardableResult
  public func replace(with monitor: Monitor) -> Monitor {
    state.withLock { current in
      let old = current
      current = monitor
      return old
    }
  }
}
