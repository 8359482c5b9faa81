import Foundation
import KazazConfig
import KazazTesting
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The `feeds` commands of the real binary against a loopback server.
@Suite("feeds commands")
struct FeedsCommandTests {
  let directory: TemporaryDirectory
  let server: LoopbackHTTPServer

  init() throws {
    directory = try TemporaryDirectory()
    server = try LoopbackHTTPServer()
    let feed = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Loopback Agency</title><link>\(server.url("/"))</link>
      <item><title>Presidents held talks in Astana</title><link>\(server.url("/a/talks"))</link><guid>t</guid><description>Talks were held.</description></item>
      <item><title>Kazakhstan and Azerbaijan expand Caspian ferry traffic between Aktau and Baku</title><link>\(server.url("/a/ferry"))</link><guid>f</guid><description>Kazakhstan and Azerbaijan agreed to add ferries on the Trans-Caspian route between the ports of Aktau and Baku, the transport ministries said.</description></item>
      <item><title>Snowstorm closes roads</title><guid>s</guid><description>Heavy snow closed several roads in the north.</description></item>
      </channel></rss>
      """
    server.route("/rss") { _ in .text(feed) }
    server.route("/") { [server] _ in
      .text(
        "<html><head><title>Loopback Agency</title><link rel=\"alternate\" type=\"application/rss+xml\" href=\"\(server.url("/rss"))\"></head><body>Home</body></html>",
        contentType: "text/html")
    }
    let talks = agencyPage(
      title: "Presidents held talks in Astana",
      paragraphs: [
        "The President of Kazakhstan held talks with the President of Azerbaijan in Astana, the press service said.",
        "Kazakhstan and Azerbaijan agreed to expand trade, transit on the Trans-Caspian route and energy cooperation.",
      ])
    server.route("/a/talks") { _ in .text(talks, contentType: "text/html") }
    server.route("/a/ferry") { _ in .text(talks, contentType: "text/html") }
  }

  func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    return try run(executable: binary, arguments)
  }

  func run(executable: URL, _ arguments: [String]) throws -> (
    status: Int32, output: String, errors: String
  ) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = ProjectPaths.root()
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: out, as: UTF8.self),
      String(decoding: err, as: UTF8.self)
    )
  }

  func writeConfig() throws -> URL {
    try directory.write(
      """
      # test configuration
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      feeds:
        # the first feed
        - url: https://a.kz/rss
          title: A
          category: Agencies
      poll_interval: 15m
      """ + "\n", to: "config.yaml")
  }

  @Test("feeds test URL shows status, items, classification and full-text marks; stores nothing")
  func testCommand() throws {
    let result = try run(
      ["feeds", "test", server.url("/rss"), "--profile", ProjectPaths.profile.path])
    #expect(result.status == 0, "\(result.errors)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains("HTTP 200, rss20, \"Loopback Agency\", 3 items") })
    let talks = try #require(lines.first { $0.hasPrefix("1. Presidents held talks in Astana") })
    #expect(talks.contains("— relevant") && talks.contains("[full text:"))
    #expect(
      lines.contains {
        $0.hasPrefix("2. Kazakhstan and Azerbaijan expand") && $0.contains("— relevant")
      })
    let snow = try #require(lines.first { $0.hasPrefix("3. Snowstorm closes roads") })
    #expect(snow.contains("not relevant") && !snow.contains("full text"))
    #expect(lines.last == "nothing was stored")
    #expect(server.requests(to: "/a/talks").count == 1)
    #expect(!FileManager.default.fileExists(atPath: directory.path("state").path))

    let dry = try run(
      [
        "feeds", "test", server.url("/rss"), "--profile", ProjectPaths.profile.path,
        "--no-articles",
      ])
    #expect(dry.output.contains("Presidents held talks in Astana — not relevant"))
    #expect(dry.output.contains("[would get full text]"))
    #expect(server.requests(to: "/a/talks").count == 1)
  }

  @Test("feeds test --config FILE URL takes the profile and the feed's full_text from the config")
  func testWithConfig() throws {
    let config = try directory.write(
      """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      feeds:
        - url: \(server.url("/rss"))
          full_text: never
      """ + "\n", to: "config.yaml")
    let result = try run(["feeds", "test", "--config", config.path, server.url("/rss")])
    #expect(result.status == 0, "\(result.errors)")
    #expect(!result.errors.contains("Can't read a value"))
    #expect(result.output.contains("3 items, full_text: never"))
    #expect(result.output.hasSuffix("nothing was stored\n"))
    #expect(server.requests(to: "/a/talks").isEmpty)
  }

  @Test("feeds add discovers the feed of a page, saves its title, keeps the file's comments")
  func addListRemove() throws {
    let config = try writeConfig()
    let added = try run([
      "feeds", "add", "--config", config.path, server.url("/"), "--category", "Loopback",
    ])
    #expect(added.status == 0, "\(added.errors)")
    #expect(added.output.contains("added \(server.url("/rss")) — Loopback Agency"))
    #expect(added.output.contains("systemctl reload kazaz-monitor"))
    let text = try String(contentsOf: config, encoding: .utf8)
    #expect(text.contains("# the first feed") && text.contains("# test configuration"))
    let loaded = try ConfigLoader.load(path: config.path)
    #expect(loaded.feeds.map(\.title) == ["A", "Loopback Agency"])
    #expect(loaded.feeds.last?.category == "Loopback")

    let again = try run(["feeds", "add", "--config", config.path, server.url("/rss")])
    #expect(again.status == 1 && again.errors.contains("already listed"))

    let listed = try run(["feeds", "list", "--config", config.path])
    #expect(listed.output.contains("https://a.kz/rss\tA (category: Agencies)"))

    let removed = try run(["feeds", "remove", "--config", config.path, "A"])
    #expect(removed.status == 0, "\(removed.errors)")
    #expect(try ConfigLoader.load(path: config.path).feeds.map(\.url) == [server.url("/rss")])

    server.route("/nothing") { _ in .init(status: 404) }
    let missing = try run(["feeds", "add", "--config", config.path, server.url("/nothing")])
    #expect(missing.status == 1 && missing.errors.contains("HTTP 404"))
  }

  @Test("feeds remove under umask 077 keeps a 0644 config readable by the service")
  func umaskKeepsMode() throws {
    let config = try writeConfig()
    #expect(chmod(config.path, 0o644) == 0)
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    // The shell sets the umask for the binary alone; the test process's own stays as it is.
    let removed = try run(
      executable: URL(fileURLWithPath: "/bin/sh"),
      [
        "-c", "umask 077; exec \"$0\" \"$@\"", binary.path, "feeds", "remove", "--config",
        config.path, "https://a.kz/rss",
      ])
    #expect(removed.status == 0, "\(removed.errors)")
    #expect(try ConfigLoader.load(path: config.path).feeds.isEmpty)
    var info = stat()
    #expect(stat(config.path, &info) == 0)
    #expect(info.st_mode & 0o7777 == 0o644)
  }

  @Test("export then import: categories survive the OPML round trip")
  func opmlRoundTrip() throws {
    let config = try writeConfig()
    let opml = try directory.write(
      """
      <?xml version="1.0"?>
      <opml version="1.0"><head><title>t</title></head><body>
      <outline text="Azerbaijan"><outline text="Report" xmlUrl="https://report.az/rss/"/></outline>
      <outline text="Dup" xmlUrl="https://a.kz/rss"/>
      <outline text="Local" xmlUrl="file:///etc/passwd"/>
      </body></opml>
      """, to: "in.opml")
    let imported = try run(["feeds", "import", "--config", config.path, opml.path])
    #expect(imported.status == 0, "\(imported.errors)")
    #expect(imported.output.contains("imported 1 of 3 feeds"))
    let exported = try run(["feeds", "export", "--config", config.path])
    #expect(exported.output.contains("<outline text=\"Azerbaijan\">"))
    #expect(exported.output.contains("xmlUrl=\"https://report.az/rss/\""))
    let other = try directory.write(
      "state_dir: s\nprofile: \(ProjectPaths.profile.path)\nfeeds: []\n", to: "other.yaml")
    let file = try directory.write(exported.output, to: "out.opml")
    let reimported = try run(["feeds", "import", "--config", other.path, file.path])
    #expect(reimported.status == 0, "\(reimported.errors)")
    let first = try ConfigLoader.load(path: config.path).feeds
    let second = try ConfigLoader.load(path: other.path).feeds
    #expect(first.map(\.url) == second.map(\.url))
    #expect(first.map(\.category) == second.map(\.category))
    #expect(first.map(\.title) == second.map(\.title))
  }

  @Test("import skips http(s) URLs the config would refuse, and imports the rest")
  func opmlUnreadableURLs() throws {
    let config = try writeConfig()
    // Each of these starts like a web URL but names no host Foundation can read.
    let opml = try directory.write(
      """
      <opml version="2.0"><body>
      <outline text="Broken IPv6" xmlUrl="http://[::1"/>
      <outline text="No host" xmlUrl="https://"/>
      <outline text="Space" xmlUrl="http://a b/rss"/>
      <outline text="Good" xmlUrl="https://good.example/rss"/>
      </body></opml>
      """, to: "hosts.opml")
    let imported = try run(["feeds", "import", "--config", config.path, opml.path])
    #expect(imported.status == 0, "\(imported.errors)")
    #expect(imported.output.contains("imported 1 of 4 feeds"))
    #expect(imported.errors.components(separatedBy: "not an http or https URL").count == 4)
    let feeds = try ConfigLoader.load(path: config.path).feeds
    #expect(feeds.contains { $0.url == "https://good.example/rss" })
  }
}
