import Foundation
import KazazTesting
import Testing

/// `classify --json` of the real binary, as scripts read it.
@Suite("classify command")
struct ClassifyCommandTests {
  @Test("classify --json names the primary topic, one of the topics, or null without topics")
  func primaryTopic() async throws {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let directory = try TemporaryDirectory()
    let story = try directory.write(
      """
      Kazakhstan and Azerbaijan to add ferries between Aktau and Baku
      Kazakhstan and Azerbaijan agreed to add ferries on the Trans-Caspian route between the \
      ports of Aktau and Baku, the transport ministries of the two countries said on Tuesday.
      """, to: "ferry.txt")
    let weather = try directory.write("Snow in Astana\nHeavy snow closed roads.\n", to: "snow.txt")
    let run = try await ProcessRun.run(
      binary,
      ["classify", "--json", "--profile", ProjectPaths.profile.path, story.path, weather.path])
    #expect(run.status == 0, "\(run.errors)")
    let lines = run.output.split(separator: "\n").map { Data($0.utf8) }
    #expect(lines.count == 2)
    let ferry = try #require(
      try JSONSerialization.jsonObject(with: lines[0]) as? [String: Any])
    let topics = try #require(ferry["topics"] as? [String])
    let primary = try #require(ferry["primary_topic"] as? String)
    #expect(topics.contains(primary))
    #expect(primary == "transport-logistics")
    let snow = try #require(try JSONSerialization.jsonObject(with: lines[1]) as? [String: Any])
    #expect(snow["primary_topic"] is NSNull)
  }
}
