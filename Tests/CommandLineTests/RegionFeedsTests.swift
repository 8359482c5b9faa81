import Foundation
import KazazConfig
import KazazTesting
import Testing

/// The shipped regional feed list imports whole with the real binary, and `feeds list` shows it.
@Suite("Regional feed list")
struct RegionFeedsTests {
  static let expectedCount = 25

  @Test("feeds import config/feeds/region.opml loads every feed, with category and language")
  func importRegion() async throws {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let directory = try TemporaryDirectory()
    let configFile = try directory.write(
      """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      feeds: []
      """, to: "config.yaml")
    let opml = ProjectPaths.root().appendingPathComponent("config/feeds/region.opml").path
    let imported = try await ProcessRun.run(
      binary, ["feeds", "import", "--config", configFile.path, opml])
    #expect(imported.status == 0, "\(imported.errors)")
    #expect(
      imported.output.contains("imported \(Self.expectedCount) of \(Self.expectedCount) feeds"))

    let config = try ConfigLoader.load(path: configFile.path)
    #expect(config.feeds.count == Self.expectedCount)
    let byURL = Dictionary(uniqueKeysWithValues: config.feeds.map { ($0.url, $0) })
    let trend = try #require(byURL["https://en.trend.az/feeds/index.rss"])
    #expect(trend.title == "Trend (en)" && trend.category == "Azerbaijan" && trend.language == "en")
    let kazinform = try #require(byURL["https://www.inform.kz/rss/kaz.xml"])
    #expect(kazinform.category == "Kazakhstan" && kazinform.language == "kk")
    #expect(byURL["https://eurasianet.org/rss.xml"]?.category == "Region")
    // Every feed names its language, one the project reads.
    #expect(config.feeds.allSatisfy { ["en", "ru", "kk", "az", "tr"].contains($0.language ?? "") })
    #expect(Set(config.feeds.compactMap(\.category)) == ["Kazakhstan", "Azerbaijan", "Region"])

    let listed = try await ProcessRun.run(binary, ["feeds", "list", "--config", configFile.path])
    #expect(listed.status == 0)
    let lines = listed.output.split(separator: "\n")
    #expect(lines.count == Self.expectedCount)
    #expect(
      lines.contains {
        $0.hasPrefix("https://www.inform.kz/rss/kaz.xml\tKazinform (kk)")
          && $0.contains("category: Kazakhstan") && $0.contains("language: kk")
      })

    // A second import adds nothing.
    let again = try await ProcessRun.run(
      binary, ["feeds", "import", "--config", configFile.path, opml])
    #expect(again.output.contains("nothing to import"))
  }
}
