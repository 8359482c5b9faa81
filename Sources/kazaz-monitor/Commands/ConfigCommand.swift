import ArgumentParser
import Foundation
import KazazConfig
import KazazModel

/// `config`: checks a configuration as the daemon would load it and prints the files and folders
/// it resolves to, one `key=value` line each, for operators and for `systemd/install.sh`, which
/// grants the service write access to the folders that lie outside its state directory.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Check the configuration and print the paths it names (key=value lines).",
    discussion: """
      Loads the file with every check the daemon makes (exit 78 and the problems when it does \
      not load) and prints state_dir, digest_directory and profile as absolute paths, \
      profile_override when there is one, control_socket when the file sets it, and the \
      effective profile's version (profile_version), after loading the profile and override.
      """)

  @OptionGroup var options: ConfigOptions

  func run() throws {
    let config = try options.load()
    say("state_dir=\(config.stateDirectory.standardizedFileURL.path)")
    say("digest_directory=\(config.digestDirectory.standardizedFileURL.path)")
    say("profile=\(config.profilePath.standardizedFileURL.path)")
    if let override = config.profileOverridePath {
      say("profile_override=\(override.standardizedFileURL.path)")
    }
    if let socket = config.controlSocket {
      say("control_socket=\(socket.standardizedFileURL.path)")
    }
    do {
      let profile = try config.loadProfile()
      for warning in profile.warnings { printError("warning: \(warning)") }
      say("profile_version=\(profile.profile.version)")
    } catch {
      printError(error.description)
      throw ExitCode(78)
    }
  }
}
