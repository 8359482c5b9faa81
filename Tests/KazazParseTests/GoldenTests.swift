import Foundation
import KazazModel
import Testing

@testable import KazazParse

/// Every fixture against its expected `parse --json` output in `Fixtures/golden/NAME.json`.
/// After an intended change, regenerate them with `UPDATE_GOLDEN=1 swift test --filter Golden`
/// and review the diff.
@Suite("Golden outputs of the fixtures")
struct GoldenTests {
  static let now = Date(timeIntervalSince1970: 1_764_000_000)

  static var fixtureNames: [String] {
    guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return [] }
    return names.filter { $0 != "golden" && $0 != "LICENSE" && !$0.hasPrefix(".") }.sorted()
  }

  @Test("The fixture set is there")
  func fixturesFound() {
    #expect(Self.fixtureNames.count >= 20)
  }

  @Test("Parse output matches the golden file", arguments: fixtureNames)
  func golden(name: String) throws {
    let actual = try Self.render(Fixture.data(name), name: name)
    let goldenSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/golden/\(name).json")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try Data(actual.utf8).write(to: goldenSource)
      return
    }
    let expected = try String(decoding: Fixture.data("golden/\(name).json"), as: UTF8.self)
    #expect(actual == expected, "\(name): run UPDATE_GOLDEN=1 swift test and review the diff")
  }

  /// `parse --json` of the fixture, pretty-printed; a refused document gives its error.
  static func render(_ data: Data, name: String) throws -> String {
    let json: Data
    do {
      let feed = try FeedParser().parse(
        data, baseURL: "https://example.test/feeds/\(name)", now: now)
      json = Data(FeedJSON.encode(feed))
    } catch {
      json = try JSONSerialization.data(
        withJSONObject: ["error": error.kind, "message": error.description])
    }
    let object = try JSONSerialization.jsonObject(with: json)
    let pretty = try JSONSerialization.data(
      withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: pretty, as: UTF8.self) + "\n"
  }
}
