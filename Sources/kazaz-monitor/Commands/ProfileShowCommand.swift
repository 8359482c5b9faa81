import ArgumentParser
import Foundation
import KazazConfig
import KazazModel

/// `profile show`: which files make the classifier's profile, and its effective version.
struct ProfileShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print the files that make the effective profile and its version.",
    discussion: """
      Prints the profile the configuration uses (the shipped one unless the config sets \
      profile:), the override merged on top of it (profile_override:, else \
      profile.override.yaml beside the config), and the effective version that stored \
      classifications record. --effective also lists each change the override makes, what it \
      could not apply, the thresholds in force and the shipped profile's search order. Without \
      a config file (none given, none in /etc/kazaz-monitor), the shipped profile alone.
      """)

  static let defaultConfig = "/etc/kazaz-monitor/config.yaml"

  @Option(name: .shortAndLong, help: "The configuration file (default: \(defaultConfig)).")
  var config: String?

  @Flag(help: "Also list the override's changes, warnings, thresholds and the search order.")
  var effective = false

  func run() throws {
    let path = config ?? Self.defaultConfig
    let profileFile: URL
    let overrideFile: URL?
    var named = false
    if config != nil || FileManager.default.fileExists(atPath: path) {
      let loaded = try ConfigOptions.load(path: path, logLevel: nil)
      say("config: \(path)")
      (profileFile, overrideFile, named) =
        (loaded.profilePath, loaded.profileOverridePath, loaded.profileNamed)
    } else {
      say("config: none (\(path) does not exist)")
      guard let shipped = ShippedProfile.locate() else {
        printError("the shipped profile is not installed; looked at:")
        for candidate in ShippedProfile.candidates() { printError("  \(candidate.path)") }
        throw ExitCode(78)
      }
      (profileFile, overrideFile) = (shipped, nil)
    }
    let profile: EffectiveProfile
    do {
      profile = try EffectiveProfile.load(profile: profileFile, override: overrideFile)
    } catch {
      printError(error.description)
      throw ExitCode(78)
    }
    let origin = named ? "named by the config" : "shipped"
    say("profile: \(profile.basePath) (\(origin), version \(profile.baseVersion))")
    if let override = profile.overridePath {
      say("override: \(override) (\(profile.changes.count) changes)")
    } else {
      say("override: none")
    }
    say("effective version: \(profile.profile.version)")
    for warning in profile.warnings { printError("warning: \(warning)") }
    guard effective else { return }
    say("changes:")
    for change in profile.changes { say("  \(change)") }
    if profile.changes.isEmpty { say("  none") }
    let thresholds = profile.profile.thresholds
    say(
      "thresholds: relevance \(thresholds.relevance), side_minimum \(thresholds.sideMinimum), "
        + "balance \(thresholds.balance), topic \(thresholds.topic), "
        + "topic_relative \(thresholds.topicRelative)")
    say(
      "entries: \(profile.profile.terms.count) terms, \(profile.profile.entities.count) key-fact names"
    )
    say("shipped profile search order:")
    let found = ShippedProfile.locate()
    for candidate in ShippedProfile.candidates() {
      say("  \(candidate.path)\(candidate == found ? "  ← found" : "")")
    }
  }
}
