import Foundation
import KazazModel
import Yams

extension ConfigLoader {
  static let deliveryKeys = ["email"]
  static let emailKeys = ["url", "from", "to", "credentials", "allow_plaintext", "timeout"]

  /// `delivery:` — for now one way, `email:`.
  static func parseDelivery(_ node: Node, _ reader: NodeReader, baseDirectory: URL)
    -> EmailConfig?
  {
    guard let mapping = reader.mapping(node, "delivery") else { return nil }
    var email: EmailConfig?
    for (_, _, value) in reader.entries(mapping, allowed: deliveryKeys, context: "delivery") {
      email = parseEmail(value, reader, baseDirectory: baseDirectory)
    }
    return email
  }

  private static func parseEmail(_ node: Node, _ reader: NodeReader, baseDirectory: URL)
    -> EmailConfig?
  {
    guard let mapping = reader.mapping(node, "delivery.email") else { return nil }
    let before = reader.problems.count
    var url: String?
    var from: MailAddress?
    var recipients: [MailAddress] = []
    var credentials: EmailConfig.Credentials?
    var allowPlaintext = false
    var timeout = Config.Defaults.mailTimeout
    for (key, _, value) in reader.entries(mapping, allowed: emailKeys, context: "delivery.email") {
      switch key {
      case "url":
        guard let text = reader.string(value, "delivery.email.url") else { continue }
        url = smtpURL(text, at: value, reader)
      case "from":
        guard let text = reader.string(value, "delivery.email.from") else { continue }
        from = address(text, "delivery.email.from", at: value, reader)
      case "to":
        let items = value.sequence.map(Array.init) ?? (value.string != nil ? [value] : nil)
        guard let items else {
          reader.problem(
            "delivery.email.to: expected an address or a list of addresses, found "
              + NodeReader.describe(value), at: value)
          continue
        }
        for item in items {
          guard let text = reader.string(item, "delivery.email.to"),
            let recipient = address(text, "delivery.email.to", at: item, reader)
          else { continue }
          if recipients.contains(where: {
            $0.address.lowercased() == recipient.address.lowercased()
          }) {
            reader.problem("delivery.email.to: \(recipient.address) is listed twice", at: item)
          } else {
            recipients.append(recipient)
          }
        }
        if items.isEmpty {
          reader.problem("delivery.email.to: list at least one address", at: value)
        }
      case "credentials":
        guard let text = reader.string(value, "delivery.email.credentials") else { continue }
        credentials = credentialSource(text, at: value, reader, baseDirectory)
      case "allow_plaintext":
        if let allow = value.bool {
          allowPlaintext = allow
        } else {
          reader.problem(
            "delivery.email.allow_plaintext: expected true or false, found "
              + NodeReader.describe(value), at: value)
        }
      case "timeout":
        if let duration = duration(value, "delivery.email.timeout", reader) { timeout = duration }
      default: break
      }
    }
    for required in ["url", "from", "to"] where mapping[Node(required)] == nil {
      reader.problem("delivery.email: missing required key \"\(required)\"", at: node)
    }
    guard reader.problems.count == before, let url, let from else { return nil }
    return EmailConfig(
      url: url, from: from, recipients: recipients, credentials: credentials,
      allowPlaintext: allowPlaintext, timeout: timeout)
  }

  /// `smtps://host[:port]` or `smtp://host[:port]`, with a host, no user or password in it
  /// (those belong in the credentials file) and no path beyond `/`.
  private static func smtpURL(_ text: String, at node: Node, _ reader: NodeReader) -> String? {
    let components = URLComponents(string: text)
    let scheme = components?.scheme?.lowercased()
    guard let components, scheme == "smtp" || scheme == "smtps", let host = components.host,
      !host.isEmpty, components.query == nil, components.fragment == nil,
      components.path.isEmpty || components.path == "/",
      !text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true })
    else {
      reader.problem(
        "delivery.email.url: expected smtps://HOST[:PORT] or smtp://HOST[:PORT], found \"\(text)\"",
        at: node)
      return nil
    }
    if components.user != nil || components.password != nil {
      reader.problem(
        "delivery.email.url: put the user name and password in the credentials file, not in "
          + "the URL", at: node)
      return nil
    }
    return text
  }

  private static func address(_ text: String, _ what: String, at node: Node, _ reader: NodeReader)
    -> MailAddress?
  {
    guard let address = MailAddress(parsing: text) else {
      reader.problem(
        "\(what): \"\(text)\" is not an e-mail address such as desk@example.org or "
          + "\"Digest <digest@example.org>\"", at: node)
      return nil
    }
    return address
  }

  /// A path (relative to the config file's folder), or `systemd:NAME` for a credential systemd
  /// passes (`LoadCredential=NAME:…`). The file itself is read and checked when mail is sent:
  /// an operator checking the config may not be allowed to read it.
  private static func credentialSource(
    _ text: String, at node: Node, _ reader: NodeReader, _ baseDirectory: URL
  ) -> EmailConfig.Credentials? {
    if text.hasPrefix("systemd:") {
      let name = String(text.dropFirst("systemd:".count))
      guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
        reader.problem(
          "delivery.email.credentials: expected systemd:NAME with the name of a LoadCredential= "
            + "entry, found \"\(text)\"", at: node)
        return nil
      }
      return .systemd(name: name)
    }
    return .file(resolve(path: text, against: baseDirectory))
  }
}
