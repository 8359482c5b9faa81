import Foundation
import KazazModel
import KazazTesting
import Testing

@testable import KazazConfig

@Suite("Configuration: the digest section")
struct DigestConfigTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
    try directory.write("version: \"1\"\n", to: "profiles/kazaz.yaml")
  }

  func load(_ digest: String) throws(ConfigError) -> Config {
    let text = "state_dir: state\ndigest:\n\(digest)\nfeeds: []\n"
    let file = try? directory.write(text, to: "config.yaml")
    return try ConfigLoader.load(path: file?.path ?? "")
  }

  func problems(_ digest: String) -> [String] {
    do {
      _ = try load(digest)
      return []
    } catch {
      return error.problems.map(\.description)
    }
  }

  @Test("Every key of the digest section loads")
  func full() throws {
    let config = try load(
      """
        time: "06:45"
        timezone: Asia/Baku
        formats: [markdown, html, json, atom]
        language: ru
        keep_days: 30
        on_digest: [/usr/local/bin/mail-digest, --to, desk@example.org]
        on_digest_timeout: 5m
        base_url: https://intranet.example/digests
        directory: published/digests
      """)
    let digest = config.digest
    #expect(digest.minuteOfDay == 6 * 60 + 45)
    #expect(digest.timeZone.identifier == "Asia/Baku")
    #expect(digest.formats == [.markdown, .html, .json, .atom])
    #expect(digest.language == .ru)
    #expect(digest.keepDays == 30)
    #expect(digest.onDigest == ["/usr/local/bin/mail-digest", "--to", "desk@example.org"])
    #expect(digest.onDigestTimeout == .seconds(300))
    #expect(digest.baseURL == "https://intranet.example/digests/")
    // Relative to the config file's folder, like every other path.
    let published = directory.path("published/digests").standardizedFileURL
    #expect(digest.directory == published)
    #expect(config.digestDirectory == published)
  }

  @Test("Without digest.directory the digests go to the state directory's digests folder")
  func directoryDefault() throws {
    let config = try load("  time: \"08:00\"")
    #expect(config.digest.directory == nil)
    #expect(config.digestDirectory == config.stateDirectory.appendingPathComponent("digests"))
    #expect(
      try load("  directory: /srv/kazaz/digests").digestDirectory.path == "/srv/kazaz/digests")
  }

  @Test("Defaults: 08:00 Asia/Almaty, Markdown, English, 90 days, no delivery")
  func defaults() throws {
    let digest = try load("  time: \"08:00\"").digest
    #expect(digest.timeZone.identifier == "Asia/Almaty" && digest.minuteOfDay == 480)
    #expect(digest.formats == [.markdown] && digest.language == .en && digest.keepDays == 90)
    #expect(digest.onDigest.isEmpty && digest.baseURL == nil)
  }

  @Test(
    "Bad values are reported with file, line and column",
    arguments: [
      (
        "  time: \"25:00\"",
        "config.yaml:3:9: digest.time: expected HH:MM (24-hour), found \"25:00\""
      ),
      (
        "  timezone: Mars/Olympus",
        "config.yaml:3:13: digest.timezone: unknown IANA time zone \"Mars/Olympus\""
      ),
      (
        "  formats: [markdown, pdf]",
        "config.yaml:3:23: digest.formats: unknown format \"pdf\" (supported: markdown, html, json, atom)"
      ),
      ("  formats: [html, html]", "config.yaml:3:19: digest.formats: \"html\" is listed twice"),
      (
        "  formats: [atom]",
        "config.yaml:3:12: digest.formats: the Atom feed links the dated digests: add markdown, html or json"
      ),
      (
        "  language: de",
        "config.yaml:3:13: digest.language: unknown language \"de\" (supported: en, ru)"
      ),
      (
        "  keep_days: 0",
        "config.yaml:3:14: digest.keep_days: expected a positive whole number, found \"0\""
      ),
      (
        "  on_digest: \"mail -s digest desk@example.org\"",
        "config.yaml:3:14: digest.on_digest: expected a list of arguments such as [/usr/local/bin/mail-digest, --to, desk@example.org], found \"mail -s digest desk@example.org\""
      ),
      (
        "  on_digest: [bin/mail]",
        "config.yaml:3:15: digest.on_digest: the program must be an absolute path or a name found in PATH, found \"bin/mail\""
      ),
      ("  on_digest: []", "config.yaml:3:14: digest.on_digest: name the program to run"),
      (
        "  base_url: javascript:alert(1)",
        "config.yaml:3:13: digest.base_url: expected an http, https or file URL, found \"javascript:alert(1)\""
      ),
      (
        "  directory: \"\"",
        "config.yaml:3:14: digest.directory: expected a non-empty text value"
      ),
      (
        "  langauge: ru",
        "config.yaml:3:3: digest: unknown key \"langauge\" (did you mean \"language\"?)"
      ),
    ])
  func bad(_ digest: String, _ expected: String) {
    #expect(problems(digest).contains { $0.hasSuffix(expected) }, "\(problems(digest))")
  }
}
