import Foundation
import KazazTesting
import Testing

/// `kazaz-monitor extract` of the real binary on a file and on a loopback server.
@Suite("extract command")
struct ExtractCommandTests {
  let directory: TemporaryDirectory
  let server: LoopbackHTTPServer
  let page = agencyPage(
    title: "Kazakhstan and Azerbaijan open a ferry line",
    paragraphs: [
      "Kazakhstan and Azerbaijan opened a new ferry line between Aktau and Baku on Monday, the transport ministries said.",
      "The ferries will carry containers, grain and fertiliser across the Caspian Sea, cutting the journey to Europe by a week.",
    ])

  init() throws {
    directory = try TemporaryDirectory()
    server = try LoopbackHTTPServer()
    server.route("/a/ferry") { [page] _ in .text(page, contentType: "text/html; charset=utf-8") }
    server.route("/feed.xml") { _ in .text("<rss/>", contentType: "application/octet-stream") }
  }

  func run(_ arguments: [String]) async throws -> (status: Int32, output: String, errors: String) {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let result = try await ProcessRun.run(binary, arguments)
    return (result.status, result.output, result.errors)
  }

  func json(_ line: Substring) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
  }

  func permissiveConfig() throws -> URL {
    try directory.write(
      """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      feeds:
        - url: https://a.kz/rss
      fetch:
        allow_private_addresses: true
      """, to: "config.yaml")
  }

  @Test("a file: the article, its metadata and how it was found, as text and as JSON")
  func file() async throws {
    let file = try directory.write(page, to: "ferry.html")
    let human = try await run(["extract", file.path])
    #expect(human.status == 0, "\(human.errors)")
    #expect(human.output.contains("title: Kazakhstan and Azerbaijan open a ferry line"))
    #expect(human.output.contains("found by: readability, container "))
    #expect(human.output.contains("opened a new ferry line between Aktau and Baku"))
    #expect(!human.output.contains("Most read"))

    let result = try await run([
      "extract", "--json", "--base-url", "https://agency.example/a/ferry", file.path,
    ])
    #expect(result.status == 0, "\(result.errors)")
    let lines = result.output.split(separator: "\n")
    #expect(lines.count == 1)
    let object = try json(lines[0])
    #expect(object["url"] as? String == "https://agency.example/a/ferry")
    #expect(object["source"] as? String == file.path)
    #expect(object["text_language"] as? String == "en")
    #expect((object["text"] as? String)?.hasPrefix("Kazakhstan and Azerbaijan opened") == true)
    let method = try #require(object["method"] as? [String: Any])
    #expect(method["path"] as? String == "readability")
    #expect(method["container"] is String)
    #expect(method["score"] is Double)
  }

  @Test("--content-type decides the charset of a file that declares none")
  func contentType() async throws {
    let html =
      "<html><body><p>Казахстан и Азербайджан открыли паромную линию, сообщили министерства.</p></body></html>"
    let file = directory.path("ru.html")
    try html.data(using: .windowsCP1251)!.write(to: file)
    let result = try await run([
      "extract", "--json", "--content-type", "text/html; charset=windows-1251", file.path,
    ])
    #expect(result.status == 0, "\(result.errors)")
    let object = try json(result.output.split(separator: "\n")[0])
    #expect((object["text"] as? String)?.hasPrefix("Казахстан и Азербайджан") == true)
    #expect(object["text_language"] as? String == "ru")
  }

  @Test("a URL goes through the address policy: loopback only when the config allows it")
  func url() async throws {
    let refused = try await run(["extract", server.url("/a/ferry")])
    #expect(refused.status == 1)
    #expect(refused.errors.contains("article page"))
    #expect(refused.errors.contains("loopback"))

    let config = try permissiveConfig()
    let result = try await run([
      "extract", "--json", "--config", config.path, server.url("/a/ferry"),
    ])
    #expect(result.status == 0, "\(result.errors)")
    let object = try json(result.output.split(separator: "\n")[0])
    #expect(object["url"] as? String == server.url("/a/ferry"))
    #expect((object["text"] as? String)?.contains("across the Caspian Sea") == true)

    let notHTML = try await run([
      "extract", "--json", "--config", config.path, server.url("/feed.xml"),
    ])
    #expect(notHTML.status == 1)
    let failure = try json(notHTML.output.split(separator: "\n")[0])
    #expect(failure["error"] as? String == "not-html")
  }
}
