import Foundation
import KazazClassify
import KazazConfig
import KazazModel
import Logging

/// The daemon's classifier: the effective profile (the profile with the operator's override,
/// `EffectiveProfile`) parsed at start, so that a bad profile or override stops the start with
/// its errors; its compiled form read from the state directory's cache on first use, or
/// compiled and stored there. A cold `run --once` then does not compile the profile again.
enum ProfileLoading {
  static func classifier(config: Config, logger: Logger? = nil) throws(ConfigError) -> Classifier {
    let effective = try config.loadProfile()
    if let logger { log(effective, logger) }
    let (path, content) = (effective.basePath, effective.content)
    let cache = ProfileCache(directory: config.stateDirectory.appendingPathComponent("cache"))
    return Classifier(profile: effective.profile) { profile in
      cache.compiledProfile(path: path, content: content) { profile }.profile
    }
  }

  /// Says which files make the profile, its version, and what in the override did not apply.
  static func log(_ effective: EffectiveProfile, _ logger: Logger) {
    var metadata: Logger.Metadata = [
      "profile": "\(effective.basePath)", "profile.version": "\(effective.profile.version)",
    ]
    if let override = effective.overridePath {
      metadata["override"] = "\(override)"
      metadata["override.changes"] = "\(effective.changes.count)"
    }
    logger.info("classifier profile loaded", metadata: metadata)
    for warning in effective.warnings {
      logger.warning("profile override: \(warning.description)")
    }
  }
}
