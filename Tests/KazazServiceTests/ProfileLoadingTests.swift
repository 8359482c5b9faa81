import Foundation
import KazazClassify
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazService

/// The daemon keeps its compiled profile in the state directory's cache and reads it back on the
/// next start, lazily: a start that classifies nothing touches no cache.
@Suite("Compiled profile in the state directory")
struct ProfileLoadingTests {
  func config(_ directory: TemporaryDirectory) -> Config {
    Config(
      stateDirectory: directory.path("state"), profilePath: ProjectPaths.profile, feeds: [],
      sourceFile: directory.path("config.yaml"))
  }

  @Test("Compiled on first use and stored; the next start reads it and classifies the same")
  func storedAndReadBack() throws {
    let directory = try TemporaryDirectory()
    let cache = directory.path("state/cache")
    let first = try ProfileLoading.classifier(config: config(directory))
    #expect(!FileManager.default.fileExists(atPath: cache.path), "nothing before a classification")
    let title = "Kazakhstan and Azerbaijan sign a transit deal"
    let body = "Astana and Baku agreed on oil transit through the Caspian."
    let expected = first.classify(title: title, body: body)
    #expect(expected.relevant)
    let files = try FileManager.default.contentsOfDirectory(atPath: cache.path)
    #expect(files.count == 1 && files.allSatisfy { $0.hasPrefix("profile-") })
    let second = try ProfileLoading.classifier(config: config(directory))
    #expect(second.classify(title: title, body: body) == expected)
    #expect(second.profile == first.profile)
  }

  @Test("A profile that does not parse stops the start with its errors")
  func badProfile() throws {
    let directory = try TemporaryDirectory()
    let profile = try directory.write("version: [unclosed\n", to: "profile.yaml")
    var config = config(directory)
    config.profilePath = profile
    #expect(throws: ConfigError.self) { try ProfileLoading.classifier(config: config) }
  }
}
