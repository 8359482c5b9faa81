import Foundation
import KazazConfig

/// Where the control socket lives, for the daemon and the commands alike: the config's
/// `control_socket` when set (both sides read the same file, so they agree); else
/// `$RUNTIME_DIRECTORY/control.sock` (systemd's `RuntimeDirectory=`, only the daemon sees it);
/// else `control.sock` in the state directory.
public enum ControlSocketPath {
  public static func resolve(
    _ config: Config, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let configured = config.controlSocket { return configured.path }
    // RUNTIME_DIRECTORY may list several directories, separated by colons: take the first.
    if let runtime = environment["RUNTIME_DIRECTORY"]?.split(separator: ":").first {
      return URL(fileURLWithPath: String(runtime)).appendingPathComponent("control.sock").path
    }
    return config.stateDirectory.appendingPathComponent("control.sock").path
  }
}
