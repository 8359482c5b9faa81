import Foundation
import KazazTesting
import Testing

@testable import KazazConfig

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Feed entry keys and config editing")
struct ConfigEditorTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
    try directory.write("version: \"1\"\n", to: "profiles/kazaz.yaml")
  }

  static let original = """
    # kazaz-monitor configuration
    state_dir: state   # keep me

    feeds:
      # Kazakh agencies
      - url: https://a.kz/rss
        title: "A agency"   # comment kept
        category: Agencies/Kazakhstan

      - url: https://b.az/rss
        full_text: always
    # after the list
    poll_interval: 15m
    """ + "\n"

  @Test("category and full_text are read; bad values name their line")
  func newKeys() throws {
    let url = try directory.write(Self.original, to: "config.yaml")
    let config = try ConfigLoader.load(path: url.path)
    #expect(config.feeds.map(\.category) == ["Agencies/Kazakhstan", nil])
    #expect(config.feeds.map(\.fullText) == [.auto, .always])
    let bad = try directory.write(
      "state_dir: s\nfeeds:\n  - url: https://a.kz/rss\n    full_text: sometimes\n    category: a//b\n",
      to: "bad.yaml")
    #expect {
      try ConfigLoader.load(path: bad.path)
    } throws: { error in
      let text = (error as? ConfigError)?.description ?? ""
      return text.contains("bad.yaml:4:16: feeds.full_text: expected auto, always or never")
        && text.contains("bad.yaml:5:15: feeds.category:")
    }
  }

  @Test("adding appends in the list's style and keeps every other byte")
  func add() throws {
    let edited = try ConfigEditor.adding(
      [
        .init(url: "https://c.kz/feed?x=1&y=2", title: "C \"quoted\" news", category: "Other"),
        .init(url: "https://d.az/rss", fullText: .never),
      ], to: Self.original)
    #expect(
      edited == """
        # kazaz-monitor configuration
        state_dir: state   # keep me

        feeds:
          # Kazakh agencies
          - url: https://a.kz/rss
            title: "A agency"   # comment kept
            category: Agencies/Kazakhstan

          - url: https://b.az/rss
            full_text: always
          - url: https://c.kz/feed?x=1&y=2
            title: "C \\"quoted\\" news"
            category: "Other"
          - url: https://d.az/rss
            full_text: never
        # after the list
        poll_interval: 15m
        """ + "\n")
    let config = try ConfigLoader.parse(
      edited, displayName: "c.yaml", location: directory.path("c.yaml"))
    #expect(config.feeds.map(\.title) == ["A agency", nil, "C \"quoted\" news", nil])
    #expect(config.feeds.last?.fullText == .never)
  }

  @Test("removing drops the entry's lines only; removing the last leaves feeds: []")
  func remove() throws {
    let url = try directory.write(Self.original, to: "config.yaml")
    let config = try ConfigLoader.load(path: url.path)
    let withoutFirst = try ConfigEditor.removing(
      entryAt: config.feeds[0].line!, from: Self.original)
    #expect(!withoutFirst.contains("a.kz") && !withoutFirst.contains("Agencies"))
    #expect(withoutFirst.contains("# Kazakh agencies") && withoutFirst.contains("# after the list"))
    let reloaded = try ConfigLoader.parse(
      withoutFirst, displayName: "c.yaml", location: directory.path("c.yaml"))
    #expect(reloaded.feeds.map(\.url) == ["https://b.az/rss"])
    let empty = try ConfigEditor.removing(entryAt: reloaded.feeds[0].line!, from: withoutFirst)
    #expect(empty.contains("feeds: []"))
    let none = try ConfigLoader.parse(
      empty, displayName: "c.yaml", location: directory.path("c.yaml"))
    #expect(none.feeds.isEmpty && none.pollInterval == .seconds(900))
    // And back: adding to an empty list.
    let again = try ConfigEditor.adding([.init(url: "https://e.kz/rss", title: "E")], to: empty)
    #expect(
      try ConfigLoader.parse(again, displayName: "c.yaml", location: directory.path("c.yaml"))
        .feeds.map(\.url) == ["https://e.kz/rss"])
  }

  @Test("update writes atomically and never leaves a config that does not load")
  func update() throws {
    let url = try directory.write(Self.original, to: "config.yaml")
    #expect(throws: ConfigEditor.EditError.self) {
      try ConfigEditor.update(path: url.path) { text throws(ConfigEditor.EditError) in
        try ConfigEditor.adding([.init(url: "ftp://nope.example/rss")], to: text)
      }
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == Self.original)
    #expect(throws: ConfigEditor.EditError.self) {
      try ConfigEditor.update(path: url.path) { text throws(ConfigEditor.EditError) in
        try ConfigEditor.adding([.init(url: "https://a.kz/rss")], to: text)
      }
    }
    let config = try ConfigEditor.update(path: url.path) { text throws(ConfigEditor.EditError) in
      try ConfigEditor.adding([.init(url: "https://f.kz/rss")], to: text)
    }
    #expect(config.feeds.count == 3)
    #expect(try ConfigLoader.load(path: url.path).feeds.last?.url == "https://f.kz/rss")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
    #expect(!leftovers.contains { $0.contains(".tmp-") })
  }

  @Test("a flow-style list is refused with advice")
  func flowList() {
    #expect(throws: ConfigEditor.EditError.self) {
      try ConfigEditor.adding(
        [.init(url: "https://g.kz/rss")], to: "state_dir: s\nfeeds: [https://a.kz/rss]\n")
    }
  }

  /// Adds one feed to the file at `path` through `update`, as `feeds add` does.
  func addFeed(at path: String) throws {
    try ConfigEditor.update(path: path) { text throws(ConfigEditor.EditError) in
      try ConfigEditor.adding([.init(url: "https://h.kz/rss")], to: text)
    }
  }

  @Test(
    "an edit keeps the file's owner, group and mode",
    .enabled(if: getuid() == 0, "giving a file to another owner needs root"))
  func ownerKept() throws {
    let url = try directory.write(Self.original, to: "config.yaml")
    #expect(chown(url.path, 4321, 8765) == 0)
    #expect(chmod(url.path, 0o640) == 0)
    try addFeed(at: url.path)
    var info = stat()
    #expect(stat(url.path, &info) == 0)
    #expect(info.st_uid == 4321 && info.st_gid == 8765)
    #expect(info.st_mode & 0o7777 == 0o640)
    #expect(try ConfigLoader.load(path: url.path).feeds.last?.url == "https://h.kz/rss")
  }

  @Test("a symlinked config stays a link; the edit lands in its target, beside it")
  func symlinkKept() throws {
    let target = try directory.write(Self.original, to: "checkout/config.yaml")
    #expect(chmod(target.path, 0o604) == 0)
    let link = directory.path("config.yaml")
    try FileManager.default.createSymbolicLink(
      atPath: link.path, withDestinationPath: "checkout/config.yaml")
    try addFeed(at: link.path)
    var info = stat()
    #expect(lstat(link.path, &info) == 0)
    #expect(info.st_mode & S_IFMT == S_IFLNK)
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: link.path)
        == "checkout/config.yaml")
    #expect(try String(contentsOf: target, encoding: .utf8).contains("https://h.kz/rss"))
    #expect(stat(target.path, &info) == 0)
    #expect(info.st_mode & 0o7777 == 0o604)
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: directory.path("checkout").path)
    #expect(leftovers == ["config.yaml"])
  }
}
