import Foundation
import KazazModel
import KazazTesting
import Testing

/// `kazaz-monitor profile lint` as an operator runs it: findings with file and line, exit status
/// 1 until every finding is justified, a selection list that keeps a held-out part unread.
@Suite("profile lint command")
struct ProfileLintCommandTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
    try directory.write(
      "Ferry line opens\nKazakhstan and Azerbaijan opened a ferry line between their ports.",
      to: "set/docs/001.txt")
    try directory.write(
      "Trade grows\nKazakhstan and Azerbaijan raised trade and ordered a new ferry.",
      to: "set/docs/002.txt")
    // Only a selection that leaves this file out keeps "hydrogen" unused.
    try directory.write(
      "Held out\nKazakhstan and Azerbaijan plan a hydrogen plant.", to: "set/docs/003.txt")
    try directory.write("001.txt\n002.txt\n", to: "tune.txt")
  }

  func profile(_ hydrogen: String) -> String {
    """
    version: "1"
    sides:
      kazakhstan:
        en: {"kazakhstan*": 1.3}
      azerbaijan:
        en: {"azerbaijan*": 1.3}
    topics:
    \(TopicID.all.map { "  \($0.rawValue): {}" }.joined(separator: "\n"))
    negative:
      sports:
        en:
          "ferry*": 1.0
          "hydrogen": 1.0\(hydrogen)
    """
  }

  func lint(_ arguments: [String]) async throws -> ProcessRun {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    return try await ProcessRun.run(binary, ["profile", "lint"] + arguments)
  }

  @Test("Unjustified findings: listed with file and line, exit status 1; justified: 0")
  func exitStatus() async throws {
    let file = try directory.write(profile(""), to: "profile.yaml")
    let corpus = "\(directory.path("set").path):\(directory.path("tune.txt").path)"
    let failing = try await lint(["--profile", file.path, "--corpus", corpus])
    #expect(failing.status == 1)
    let line = profile("").split(separator: "\n").firstIndex { $0.contains("hydrogen") }.map {
      $0 + 1
    }
    let expected = "\(file.path):\(try #require(line)): unused: \"hydrogen\" (negative.sports.en)"
    #expect(failing.output.contains(expected), "\(failing.output)")
    #expect(failing.output.contains("2 documents"))

    try directory.write(profile("  # lint: planned projects of the kind"), to: "profile.yaml")
    let passing = try await lint(["--profile", file.path, "--corpus", corpus, "--show-justified"])
    #expect(passing.status == 0, "\(passing.output)")
    #expect(passing.output.contains("[justified: planned projects of the kind]"))
    #expect(passing.output.contains("0 findings not justified"))

    // The whole folder reads the held-out file too: there "hydrogen" occurs once.
    try directory.write(profile(""), to: "profile.yaml")
    let whole = try await lint(["--profile", file.path, "--corpus", directory.path("set").path])
    #expect(whole.status == 1)
    #expect(whole.output.contains("single: \"hydrogen\""), "\(whole.output)")
    #expect(whole.output.contains("set/docs/003.txt"))
  }

  @Test("A profile that does not load exits 78; a missing corpus exits 1")
  func errors() async throws {
    let broken = try directory.write("version: [", to: "broken.yaml")
    #expect(try await lint(["--profile", broken.path]).status == 78)
    let file = try directory.write(profile(""), to: "profile.yaml")
    let missing = try await lint([
      "--profile", file.path, "--corpus", directory.path("nowhere").path,
    ])
    #expect(missing.status == 1)
    #expect(missing.errors.contains("nowhere"))
  }
}
