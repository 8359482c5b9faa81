import Foundation

/// Locates files of the project checkout (seeds, config) from a test source file's path.
public enum ProjectPaths {
  /// The repository root, found by walking up from `file` to the folder with `Package.swift`.
  public static func root(from file: String = #filePath) -> URL {
    var url = URL(fileURLWithPath: file).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
      url = url.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }

  public static var profile: URL { root().appendingPathComponent("config/profiles/kazaz.yaml") }
  public static var seeds: URL { root().appendingPathComponent("seeds") }
}
