import ArgumentParser
import Foundation
import KazazConfig
import KazazControl
import KazazService

/// How a command reaches the running daemon: the control socket named by the same config.
struct DaemonLink {
  let config: Config
  let configPath: String

  var client: ControlClient { ControlClient(path: ControlSocketPath.resolve(config)) }

  /// Exit status when no daemon answers (EX_UNAVAILABLE).
  static let unavailable = ExitCode(69)

  /// Sends `request`; prints and rethrows as an exit status what a user cannot act on in code.
  func send(
    _ request: ControlRequest, timeout: Duration? = .seconds(30),
    progress: (FeedProgress) -> Void = { _ in }
  ) throws(ControlError) -> ControlReply {
    do {
      return try client.send(request, timeout: timeout, progress: progress)
    } catch let error as ControlError {
      throw error
    } catch {
      throw ControlError.malformed("\(error)")
    }
  }

  /// What to tell a user when no daemon answers.
  func noDaemonHint(_ error: ControlError) -> String {
    guard case .noDaemon = error else { return "\(error)" }
    return
      "\(error)\nTo poll every feed once without a daemon: kazaz-monitor run --once --config \(configPath)"
  }
}
