import Foundation

/// The classifier profile installed with the program (`share/kazaz-monitor/profiles/kazaz.yaml`),
/// found without configuration. A config without `profile:` uses it, wherever the config lives,
/// so an upgrade that installs a newer profile reaches every installation.
///
/// Search order (the first file that exists):
/// 1. `$KAZAZ_SHARE_DIR/profiles/kazaz.yaml` (an absolute `KAZAZ_SHARE_DIR`);
/// 2. `<prefix>/share/kazaz-monitor/profiles/kazaz.yaml`, where `<prefix>/bin` holds the
///    executable (its real path, symlinks resolved);
/// 3. the source tree's `config/profiles/kazaz.yaml`, when the executable lies inside a checkout
///    (a development build in `.build/`): the profile it was built with, never an older
///    installed one;
/// 4. `/usr/local/share/kazaz-monitor/profiles/kazaz.yaml`;
/// 5. `/usr/share/kazaz-monitor/profiles/kazaz.yaml`.
public enum ShippedProfile {
  /// The profile's path below a share folder.
  static let relativePath = "profiles/kazaz.yaml"
  static let systemShareDirectories = [
    "/usr/local/share/kazaz-monitor", "/usr/share/kazaz-monitor",
  ]

  /// Every place looked at, in search order.
  public static func candidates(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executable: URL? = runningExecutable()
  ) -> [URL] {
    var result: [URL] = []
    if let share = environment["KAZAZ_SHARE_DIR"], share.hasPrefix("/") {
      result.append(URL(fileURLWithPath: share).appendingPathComponent(relativePath))
    }
    if let executable {
      let prefix = executable.deletingLastPathComponent().deletingLastPathComponent()
      result.append(prefix.appendingPathComponent("share/kazaz-monitor/\(relativePath)"))
      if let tree = sourceTree(containing: executable) {
        result.append(tree.appendingPathComponent("config/\(relativePath)"))
      }
    }
    for share in systemShareDirectories {
      result.append(URL(fileURLWithPath: share).appendingPathComponent(relativePath))
    }
    var seen: Set<String> = []
    return result.map(\.standardizedFileURL).filter { seen.insert($0.path).inserted }
  }

  /// The first candidate that is a regular file, or nil.
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executable: URL? = runningExecutable()
  ) -> URL? {
    candidates(environment: environment, executable: executable).first { url in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }
  }

  /// The running program's real path: `/proc/self/exe` on Linux, else its first argument with
  /// symlinks resolved.
  public static func runningExecutable() -> URL? {
    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
      target.hasPrefix("/")
    {
      return URL(fileURLWithPath: target)
    }
    guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
    return URL(fileURLWithPath: first).resolvingSymlinksInPath()
  }

  /// The checkout an executable was built in: the nearest folder above it (at most six levels:
  /// `.build/<triple>/debug/…`) with `Package.swift` and the profile.
  static func sourceTree(containing executable: URL) -> URL? {
    var folder = executable.deletingLastPathComponent()
    for _ in 0..<6 where folder.path != "/" {
      folder = folder.deletingLastPathComponent()
      let manifest = folder.appendingPathComponent("Package.swift").path
      let profile = folder.appendingPathComponent("config/\(relativePath)").path
      if FileManager.default.fileExists(atPath: manifest),
        FileManager.default.fileExists(atPath: profile)
      {
        return folder
      }
    }
    return nil
  }
}
