import Foundation
import KazazConfig
import KazazStore
import ServiceLifecycle

/// The daemon's mail retries: delivers what is due at start (mail a killed process left
/// claimed, held mail of digests written completely), then wakes when the next failed mail is
/// due again — at most `idle` apart, so mail noted by other processes (`digest --resend` sends
/// its own) is not left waiting long. Digest-time mail is sent by the digest duty itself.
struct MailLoop: Sendable {
  let holder: MonitorHolder
  var idle: Duration = .seconds(300)

  func run() async {
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      let monitor = holder.current
      guard monitor.config.email != nil else { return }
      await monitor.deliverPendingMail()
      let next = (try? monitor.store.nextMailAttempt()) ?? nil
      let wait = next.map { min(idle, .seconds(max(1, $0.timeIntervalSinceNow))) } ?? idle
      do {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
      } catch {
        return
      }
    }
  }
}
