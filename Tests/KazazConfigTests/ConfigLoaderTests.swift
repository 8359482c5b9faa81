import Foundation
import KazazModel
import KazazTesting
import Testing

@testable import KazazConfig

@Suite("Configuration loading")
struct ConfigLoaderTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
    try directory.write("version: \"1\"\n", to: "profiles/kazaz.yaml")
    try directory.write("<rss/>", to: "feeds/local.xml")
  }

  func load(_ text: String) throws(ConfigError) -> Config {
    let file = try? directory.write(text, to: "config.yaml")
    return try ConfigLoader.load(path: file?.path ?? "")
  }

  func problems(_ text: String) -> [String] {
    do {
      _ = try load(text)
      return []
    } catch {
      return error.problems.map(\.description)
    }
  }

  @Test("A full config loads; relative paths resolve against the config's folder")
  func full() throws {
    let config = try load(
      """
      state_dir: state
      log_level: debug
      poll_interval: 30m
      digest:
        time: "07:30"
        timezone: Asia/Baku
        formats: [markdown]
      fetch:
        timeout: 20s
        max_response_size: 2MiB
        concurrency: 8
        per_host: 1
      feeds:
        - url: file://feeds/local.xml
        - url: https://report.az/rss/
          title: Report.az
          interval: 1h
        - https://en.trend.az/feeds/index.rss
      """)
    #expect(
      config.stateDirectory == directory.url.appendingPathComponent("state").standardizedFileURL)
    #expect(config.profilePath.path.hasSuffix("profiles/kazaz.yaml"))
    #expect(config.logLevel == .debug)
    #expect(config.pollInterval == .seconds(1800))
    #expect(config.digest.minuteOfDay == 450)
    #expect(config.digest.timeZone.identifier == "Asia/Baku")
    #expect(config.fetch.maxResponseBytes == 2 * 1024 * 1024)
    #expect(config.fetch.concurrency == 8 && config.fetch.perHost == 1)
    #expect(config.feeds.count == 3)
    #expect(
      config.feeds[0].url
        == directory.url.appendingPathComponent("feeds/local.xml").standardizedFileURL
        .absoluteString)
    #expect(config.feeds[1].title == "Report.az" && config.feeds[1].interval == .seconds(3600))
    #expect(config.feeds[2].url == "https://en.trend.az/feeds/index.rss")
  }

  @Test("An unknown key names the file, line, column and the likely key")
  func unknownKey() {
    let found = problems("state_dir: s\nfeds: []\nfeeds: []\n")
    #expect(found.count == 1)
    #expect(
      found.first?.hasSuffix(
        "config.yaml:2:1: config: unknown key \"feds\" (did you mean \"feeds\"?)") == true)
  }

  @Test("A missing feed file names its line and path")
  func missingFeedFile() {
    let found = problems("state_dir: s\nfeeds:\n  - url: file://feeds/nope.xml\n")
    #expect(found.count == 1)
    #expect(found.first?.contains("config.yaml:3:10: feeds.url: feed file not found:") == true)
    #expect(found.first?.hasSuffix("feeds/nope.xml") == true)
  }

  @Test("Every problem is reported at once, in file order")
  func manyProblems() {
    let found = problems(
      """
      state_dir: s
      poll_interval: often
      digest:
        time: "25:00"
        timezone: Mars/Olympus
      fetch:
        concurrency: -1
      feeds:
        - url: ftp://example.org/feed
        - title: no url
      """)
    #expect(found.count == 6)
    #expect(found[0].contains(":2:16: poll_interval: expected a duration"))
    #expect(found[1].contains(":4:9: digest.time: expected HH:MM"))
    #expect(found[2].contains(":5:13: digest.timezone: unknown IANA time zone \"Mars/Olympus\""))
    #expect(found[3].contains(":7:16: fetch.concurrency: expected a positive whole number"))
    #expect(
      found[4].contains(
        ":9:10: feeds.url: \"ftp://example.org/feed\" is not an http, https or file URL"))
    #expect(found[5].contains(":10:5: feeds entry: missing required key \"url\""))
  }

  @Test("fetch.allow_private_addresses: off unless set to true; anything else is an error")
  func allowPrivateAddresses() throws {
    #expect(try load("state_dir: s\nfeeds: []\n").fetch.allowPrivateAddresses == false)
    let allowed = try load("state_dir: s\nfetch:\n  allow_private_addresses: true\nfeeds: []\n")
    #expect(allowed.fetch.allowPrivateAddresses)
    let found = problems("state_dir: s\nfetch:\n  allow_private_addresses: sometimes\nfeeds: []\n")
    #expect(found.count == 1)
    #expect(
      found.first?.contains(
        ":3:28: fetch.allow_private_addresses: expected true or false, found \"sometimes\"")
        == true)
  }

  @Test("fetch.contact_url: an http(s) URL for the User-Agent; not beside user_agent")
  func contactURL() throws {
    let config = try load(
      "state_dir: s\nfetch:\n  contact_url: https://desk.example.org/reader\nfeeds: []\n")
    #expect(config.fetch.contactURL == "https://desk.example.org/reader")
    for bad in ["mailto:desk@example.org", "https://", "desk.example.org", "\"https://a b.org/\""] {
      let found = problems("state_dir: s\nfetch:\n  contact_url: \(bad)\nfeeds: []\n")
      #expect(found.count == 1, "\(bad)")
      #expect(
        found.first?.contains(":3:16: fetch.contact_url: expected an http or https URL") == true)
    }
    let both = problems(
      "state_dir: s\nfetch:\n  user_agent: Desk/1\n  contact_url: https://a.org/\nfeeds: []\n")
    #expect(
      both.count == 1 && both.first?.contains(":4:3: fetch.contact_url: has no effect") == true)
  }

  @Test("fetch.user_agent: printable ASCII on one line (it is a request header)")
  func userAgentValue() throws {
    #expect(
      try load("state_dir: s\nfetch:\n  user_agent: Desk/1.0\nfeeds: []\n").fetch.userAgent
        == "Desk/1.0")
    let found = problems("state_dir: s\nfetch:\n  user_agent: \"Desk\\r\\nX-Evil: 1\"\nfeeds: []\n")
    #expect(
      found.count == 1
        && found.first?.contains("fetch.user_agent: expected printable ASCII") == true)
  }

  @Test("feeds.language: a language tag, lower-cased; anything else is an error")
  func feedLanguage() throws {
    let config = try load(
      "state_dir: s\nfeeds:\n  - url: https://a.kz/rss\n    language: KK\n  - url: https://b.az/rss\n"
    )
    #expect(config.feeds.map(\.language) == ["kk", nil])
    let found = problems(
      "state_dir: s\nfeeds:\n  - url: https://a.kz/rss\n    language: kazakh language\n")
    #expect(
      found.count == 1
        && found.first?.contains(":4:15: feeds.language: expected a language code") == true)
    // The entry's fingerprint changes with its language, and without one stays as it was.
    let plain = FeedEntry(url: "https://a.kz/rss")
    var kazakh = plain
    kazakh.language = "kk"
    #expect(plain.fingerprint != kazakh.fingerprint)
    #expect(!plain.fingerprint.hasSuffix("\u{1F}"))
  }

  @Test("Missing required keys and broken YAML")
  func requiredAndSyntax() {
    #expect(
      problems("log_level: info\n").contains { $0.contains("missing required key \"state_dir\"") })
    #expect(
      problems("log_level: info\n").contains { $0.contains("missing required key \"feeds\"") })
    let broken = problems("state_dir: s\nfeeds: [\n")
    #expect(broken.count == 1)
    #expect(broken.first?.contains("invalid YAML") == true)
  }

  @Test("A duplicated feed is reported with the line of its first listing")
  func duplicateFeed() {
    let found = problems("state_dir: s\nfeeds:\n  - https://a.kz/rss\n  - https://a.kz/rss\n")
    #expect(
      found == [
        "\(directory.url.path)/config.yaml:4:5: feeds: https://a.kz/rss is already listed on line 3"
      ])
  }

  @Test(
    "Durations and sizes",
    arguments: [
      ("90", 90), ("90s", 90), ("15m", 900), ("2h", 7200), ("1h30m", 5400), ("1d", 86400),
    ])
  func durations(text: String, seconds: Int) {
    #expect(ValueParsers.duration(text) == .seconds(seconds))
  }

  @Test("Sizes")
  func sizes() {
    #expect(ValueParsers.byteSize("10MiB") == 10_485_760)
    #expect(ValueParsers.byteSize("512 KiB") == 524_288)
    #expect(ValueParsers.byteSize("1.5MB") == 1_572_864)
    #expect(ValueParsers.byteSize("lots") == nil)
    #expect(ValueParsers.duration("5x") == nil)
  }
}

@Suite("Profile loading")
struct ProfileLoaderTests {
  @Test("The shipped profile loads with all fifteen topics in order and every language")
  func shipped() throws {
    let profile = try ProfileLoader.load(path: ProjectPaths.profile.path)
    #expect(profile.topicOrder == TopicID.all)
    for language in [Language.en, .ru, .kk, .az, .tr] {
      #expect(profile.terms.contains { $0.language == language && $0.kind == .kazakhstan })
      #expect(profile.terms.contains { $0.language == language && $0.kind == .azerbaijan })
    }
  }

  @Test("Bad topic ids, misplaced wildcards and non-numeric weights are reported with lines")
  func errors() {
    let text = """
      version: "x"
      sides:
        kazakhstan:
          en: { "kaz*akh": 1.0 }
        azerbaijan:
          en: { "baku": heavy }
      topics:
        trade: { en: { "trade*": 1 } }
      """
    do {
      _ = try ProfileLoader.parse(text, displayName: "p.yaml")
      Issue.record("expected errors")
    } catch {
      let lines = error.problems.map(\.description)
      #expect(
        lines.contains { $0.hasPrefix("p.yaml:4:11:") && $0.contains("`*` may only end a pattern") }
      )
      #expect(lines.contains { $0.hasPrefix("p.yaml:6:19:") && $0.contains("expected a number") })
      #expect(
        lines.contains { $0.hasPrefix("p.yaml:8:3:") && $0.contains("unknown key \"trade\"") })
      #expect(lines.contains { $0.contains("topics: missing politics-diplomacy") })
    }
  }

  @Test("Scoring thresholds, context terms and key-fact entities are read")
  func scoringKeys() throws {
    let topics = TopicID.all.map { "  \($0.rawValue): { en: { \"x\($0.canonicalIndex)y\": 1 } }" }
      .joined(separator: "\n")
    let text = """
      version: "7"
      thresholds: { relevance: 5, side_minimum: 1.5, balance: 0.25, list_focus: 3, sports: 2.5,
                    incident_focus: 0.4, incidents: 3, topic: 1.8, topic_relative: 0.1,
                    topic_sentence: 1.2, topic_nearby: 0.4 }
      sides:
        kazakhstan: { en: { "kazakhstan*": 1.3 } }
        azerbaijan: { en: { "azerbaijan*": 1.3 } }
      context: { en: { "two countries": 1 }, ru: { "двух стран": 1 } }
      topics:
      \(topics)
      key_facts:
        people: { Ilham Aliyev: ["ilham aliyev", "ильхам алиев*"] }
        institutions: { SOCAR: ["socar", "гнкар"] }
      """
    let profile = try ProfileLoader.parse(text, displayName: "p.yaml")
    let thresholds = profile.thresholds
    #expect(thresholds.relevance == 5 && thresholds.sideMinimum == 1.5)
    #expect(thresholds.balance == 0.25 && thresholds.listFocus == 3 && thresholds.sports == 2.5)
    #expect(thresholds.incidentFocus == 0.4 && thresholds.incidents == 3)
    #expect(thresholds.topic == 1.8 && thresholds.topicRelative == 0.1)
    #expect(thresholds.topicSentence == 1.2 && thresholds.topicNearby == 0.4)
    #expect(
      profile.terms.filter { $0.kind == .context }.map(\.pattern).sorted() == [
        "two countries", "двух стран",
      ])
    #expect(
      profile.entities == [
        .init(name: "Ilham Aliyev", kind: .person, patterns: ["ilham aliyev", "ильхам алиев*"]),
        .init(name: "SOCAR", kind: .institution, patterns: ["socar", "гнкар"]),
      ])
  }

  @Test("Bad key-fact patterns and a zero list or incident focus are reported")
  func keyFactErrors() {
    let text = """
      version: "x"
      thresholds: { list_focus: 0, incident_focus: 0 }
      key_facts:
        people: { Somebody: ["some*body"] }
        things: { X: ["x"] }
      """
    do {
      _ = try ProfileLoader.parse(text, displayName: "p.yaml")
      Issue.record("expected errors")
    } catch {
      let lines = error.problems.map(\.description)
      #expect(lines.contains { $0.contains("list_focus: must be greater than 0") })
      #expect(lines.contains { $0.contains("incident_focus: must be greater than 0") })
      #expect(lines.contains { $0.contains("Somebody") && $0.contains("`*` may only end") })
      #expect(lines.contains { $0.contains("unknown key \"things\"") })
    }
  }
}
