import Foundation
import KazazControl
import Logging

/// Serves control-socket requests with the daemon's current monitor and its refresh
/// coordinator. Refreshes never run here: they are handed to the coordinator, so a manual
/// refresh coalesces with the daemon's own cycles.
struct ControlHandler: Sendable {
  let holder: MonitorHolder
  let coordinator: RefreshCoordinator
  let reclassification: ReclassificationTracker
  let startedAt: Date

  func handle(_ request: ControlRequest, _ responder: ControlResponder) async {
    let monitor = holder.current
    do {
      switch request {
      case .refresh(let feed, let wait):
        try await refresh(feed: feed, wait: wait, monitor: monitor, responder: responder)
      case .status:
        let status = try await StatusSnapshot(
          monitor: monitor, coordinator: coordinator, startedAt: startedAt,
          reclassification: reclassification.current
        ).make()
        responder.send(.status(status))
      case .digest:
        let files = try monitor.writeDigest()
        responder.send(.digest(paths: files.map(\.path)))
      }
    } catch {
      monitor.logger.error("control request failed", metadata: ["error": "\(error)"])
      responder.send(.failure(message: "\(error)"))
    }
  }

  private func refresh(
    feed: String?, wait: Bool, monitor: Monitor, responder: ControlResponder
  ) async throws {
    var scope = RefreshScope.all
    if let feed {
      guard let url = try monitor.configuredFeed(matching: feed) else {
        responder.send(
          .failure(message: "no configured feed matches \"\(feed)\" (give its URL or its #id)"))
        return
      }
      scope = .feeds([url])
    }
    monitor.logger.info("manual refresh requested", metadata: ["scope": "\(scope)"])
    guard wait else {
      let joined = await coordinator.enqueue(scope, trigger: .manual)
      responder.send(
        .accepted(
          message: joined
            ? "a cycle covering \(scope) is running; it will pick this up"
            : "refresh of \(scope) queued"))
      return
    }
    let report = await coordinator.refresh(scope, trigger: .manual) { report in
      responder.send(.progress(FeedProgress(report)))
    }
    responder.send(.refreshed(report))
  }
}
