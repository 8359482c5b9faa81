import Foundation
import KazazModel

/// The profile the classifier uses: the shipped profile (or the one the config names) with the
/// operator's override file merged on top (`ProfileOverride`).
///
/// Its version is the profile's `version`, followed by `+` and eight hex digits of a hash of what
/// the override declares (comments and layout aside) when it declares anything: `10+3f9a0c1e`.
/// Stored classifications record it, so a new shipped profile and a changed override both make
/// the stored items stale, and the daemon classifies them again.
public struct EffectiveProfile: Sendable {
  public var profile: ClassifierProfile
  public var entries: [ProfileEntrySource]
  /// The profile file and its own `version`.
  public var basePath: String
  public var baseVersion: String
  /// The override file, when there is one.
  public var overridePath: String?
  /// What the override changed, one line each (`add topics.energy.en "green hydrogen" 1.5`).
  public var changes: [String]
  /// Problems that do not stop the profile from loading (an override disabling an entry the
  /// profile does not have).
  public var warnings: [ConfigProblem]
  /// The bytes of both files: what a compiled copy of this profile is keyed by.
  public var content: [UInt8]

  public static func load(profile: URL, override: URL?) throws(ConfigError) -> EffectiveProfile {
    let baseBytes = try read(profile)
    let overrideBytes = try override.map { url throws(ConfigError) in try read(url) }
    return try parse(
      profile: baseBytes, path: profile.path, override: overrideBytes, overridePath: override?.path)
  }

  public static func parse(
    profile: [UInt8], path: String, override: [UInt8]?, overridePath: String?
  ) throws(ConfigError) -> EffectiveProfile {
    let (base, entries) = try ProfileLoader.parseSource(try text(profile, path), displayName: path)
    var effective = EffectiveProfile(
      profile: base, entries: entries, basePath: path, baseVersion: base.version,
      overridePath: nil, changes: [], warnings: [], content: profile)
    guard let override, let overridePath else { return effective }
    let merged = try ProfileOverride.merge(
      into: base, entries: entries, text: try text(override, overridePath),
      displayName: overridePath)
    effective.profile = merged.profile
    effective.entries = merged.entries
    effective.overridePath = overridePath
    effective.changes = merged.changes
    effective.warnings = merged.warnings
    effective.content += Array("\0override\0".utf8) + override
    if !merged.declarations.isEmpty {
      let hash = StableHash.hex(merged.declarations.joined(separator: "\n")).prefix(8)
      effective.profile.version = "\(base.version)+\(hash)"
    }
    return effective
  }

  private static func read(_ url: URL) throws(ConfigError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw ConfigError(problems: [
        ConfigProblem(file: url.path, line: nil, column: nil, message: "cannot read the file")
      ])
    }
    return [UInt8](data)
  }

  private static func text(_ bytes: [UInt8], _ path: String) throws(ConfigError) -> String {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ConfigError(problems: [
        ConfigProblem(file: path, line: nil, column: nil, message: "not UTF-8 text")
      ])
    }
    return text
  }
}

extension Config {
  /// The configured profile with its override merged in.
  public func loadProfile() throws(ConfigError) -> EffectiveProfile {
    try EffectiveProfile.load(profile: profilePath, override: profileOverridePath)
  }
}
