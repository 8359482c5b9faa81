import Foundation
import KazazModel
import KazazTesting
import Testing

@testable import KazazConfig

@Suite("Configuration: delivery by e-mail")
struct DeliveryConfigTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
    try directory.write("version: \"1\"\n", to: "profiles/kazaz.yaml")
  }

  /// Loads a config whose `delivery.email` section is `email` (indented by four spaces).
  func load(_ email: String, formats: String = "[markdown, html]") throws(ConfigError) -> Config {
    let text =
      "state_dir: state\ndigest:\n  formats: \(formats)\ndelivery:\n  email:\n\(email)\nfeeds: []\n"
    let file = try? directory.write(text, to: "config.yaml")
    return try ConfigLoader.load(path: file?.path ?? "")
  }

  func problems(_ email: String, formats: String = "[markdown, html]") -> [String] {
    do {
      _ = try load(email, formats: formats)
      return []
    } catch {
      return error.problems.map(\.description)
    }
  }

  @Test("Every key loads; a relative credentials path is the config folder's")
  func full() throws {
    let config = try load(
      """
          url: smtps://mail.example.org:465
          from: "Kazaz digest <digest@example.org>"
          to: [desk@example.org, "Analyst <analyst@example.org>"]
          credentials: smtp-credentials
          timeout: 45s
      """)
    let email = try #require(config.email)
    #expect(email.url == "smtps://mail.example.org:465")
    #expect(email.from.address == "digest@example.org" && email.from.displayName == "Kazaz digest")
    #expect(email.recipients.map(\.address) == ["desk@example.org", "analyst@example.org"])
    #expect(email.credentials == .file(directory.path("smtp-credentials").standardizedFileURL))
    #expect(email.allowPlaintext == false)
    #expect(email.timeout == .seconds(45))
    let systemd = try load(
      "    url: smtp://relay\n    from: a@example.org\n    to: b@example.org\n"
        + "    credentials: systemd:smtp\n    allow_plaintext: true")
    #expect(systemd.email?.credentials == .systemd(name: "smtp"))
    #expect(systemd.email?.allowPlaintext == true)
  }

  @Test("Bad values are reported with file:line:column")
  func problemsWithLines() {
    let found = problems(
      """
          url: http://mail.example.org
          from: "digest@example.org\\r\\nBcc: x@evil.example"
          to: [desk@example.org, desk@example.org, not-an-address]
          credentials: systemd:../x
          allow_plaintext: maybe
          retries: 3
      """)
    let expected = [
      "config.yaml:6:10: delivery.email.url: expected smtps://HOST[:PORT] or smtp://HOST[:PORT]",
      "config.yaml:7:11: delivery.email.from: \"digest@example.org\r\nBcc: x@evil.example\" is not",
      "config.yaml:8:28: delivery.email.to: desk@example.org is listed twice",
      "config.yaml:8:46: delivery.email.to: \"not-an-address\" is not an e-mail address",
      "config.yaml:9:18: delivery.email.credentials: expected systemd:NAME",
      "config.yaml:10:22: delivery.email.allow_plaintext: expected true or false",
      "config.yaml:11:5: delivery.email: unknown key \"retries\"",
    ]
    for line in expected {
      #expect(found.contains { $0.contains(line) }, "\(line)\n\(found.joined(separator: "\n"))")
    }
    #expect(
      problems("    url: smtp://user:pw@relay\n    from: a@example.org\n    to: b@example.org")
        .contains { $0.contains("put the user name and password in the credentials file") })
    #expect(
      problems("    url: smtp://relay\n    from: a@example.org")
        .contains { $0.contains("delivery.email: missing required key \"to\"") })
    #expect(
      problems(
        "    url: smtp://relay\n    from: a@example.org\n    to: b@example.org", formats: "[json]"
      )
      .contains { $0.contains("add markdown or html to digest.formats") })
  }
}
