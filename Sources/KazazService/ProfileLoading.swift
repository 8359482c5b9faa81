import Foundation
import KazazClassify
import KazazConfig
import KazazModel

/// The daemon's classifier: the profile parsed at start (so that a bad profile stops the start
/// with its errors), its compiled form read from the state directory's cache on first use, or
/// compiled and stored there. A cold `run --once` then does not compile the profile again.
enum ProfileLoading {
  static func classifier(config: Config) throws(ConfigError) -> Classifier {
    let path = config.profilePath.path
    // Parsed from the bytes the cache key is made of.
    guard let content = FileManager.default.contents(atPath: path),
      let text = content.withUnsafeBytes({ String(validating: $0, as: UTF8.self) })
    else { return Classifier(profile: try ProfileLoader.load(path: path)) }
    let profile = try ProfileLoader.parse(text, displayName: path)
    let cache = ProfileCache(directory: config.stateDirectory.appendingPathComponent("cache"))
    return Classifier(profile: profile) { profile in
      cache.compiledProfile(path: path, content: content) { profile }.profile
    }
  }
}
