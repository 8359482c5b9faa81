import ArgumentParser
import KazazConfig
import KazazControl

/// `digest --now`: the running daemon writes the current digest.
enum DigestNow {
  /// Returns false when no daemon answers (after saying so): the caller writes it itself.
  static func viaDaemon(config: Config, configPath: String) throws -> Bool {
    let link = DaemonLink(config: config, configPath: configPath)
    let reply: ControlReply
    do {
      reply = try link.send(.digest, timeout: .seconds(120))
    } catch {
      guard case .noDaemon = error else {
        printError("\(error)")
        throw ExitCode.failure
      }
      printError("\(error); writing the digest from the store here")
      return false
    }
    switch reply {
    case .digest(let paths):
      for path in paths { say(path) }
      return true
    case .failure(let message):
      printError(message)
      throw ExitCode.failure
    default:
      printError("unexpected reply from the daemon: \(reply)")
      throw ExitCode.failure
    }
  }
}
