import Foundation
import KazazModel
import Yams

/// Reads a configuration file into a `Config`, reporting every problem with its line and column.
///
/// Relative paths (the state directory, the profile, `file://` feed URLs) are resolved against the
/// folder of the config file, so a config and the files it names can move together.
public enum ConfigLoader {
  static let topLevelKeys = [
    "state_dir", "profile", "profile_override", "log_level", "poll_interval", "digest", "fetch",
    "feeds", "retention", "control_socket", "delivery",
  ]
  static let retentionKeys = ["irrelevant_days"]
  static let digestKeys = [
    "time", "timezone", "formats", "language", "keep_days", "on_digest", "on_digest_timeout",
    "base_url", "directory", "weekly",
  ]
  static let fetchKeys = [
    "timeout", "connect_timeout", "max_response_size", "concurrency", "per_host", "user_agent",
    "contact_url", "ca_bundle", "proxy", "allow_private_addresses",
  ]
  static let feedKeys = [
    "url", "title", "interval", "max_response_size", "category", "full_text", "language",
  ]

  /// Loads and validates the file at `path`.
  public static func load(path: String) throws(ConfigError) -> Config {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw ConfigError(problems: [
        ConfigProblem(
          file: path, line: nil, column: nil,
          message: FileManager.default.fileExists(atPath: url.path)
            ? "cannot read the file as UTF-8 text" : "no such file")
      ])
    }
    return try parse(text, displayName: path, location: url)
  }

  /// Parses configuration text. `location` is the file's URL, used to resolve relative paths.
  public static func parse(_ text: String, displayName: String, location: URL) throws(ConfigError)
    -> Config
  {
    let reader = NodeReader(file: displayName)
    let base = location.deletingLastPathComponent()
    guard let root = reader.root(of: text) else { throw ConfigError(problems: reader.problems) }
    var draft = Draft()
    for (key, keyNode, value) in reader.entries(root, allowed: topLevelKeys, context: "config") {
      draft.read(key, keyNode: keyNode, value: value, reader, base: base)
    }
    draft.check(root: root, reader)
    draft.locateProfiles(base: base, reader)
    guard reader.problems.isEmpty, let config = draft.config(sourceFile: location) else {
      throw ConfigError(problems: reader.problems)
    }
    return config
  }

  /// The values read so far, before the checks that need all of them.
  private struct Draft {
    var stateDirectory: URL?
    var profile: URL?
    var profileNamed = false
    var profileOverride: URL?
    var logLevel = LogLevel.info
    var pollInterval = Config.Defaults.pollInterval
    var digest = DigestConfig()
    var fetch = FetchConfig()
    var feeds: [FeedEntry]?
    var retentionDays = Config.Defaults.irrelevantRetentionDays
    var controlSocket: URL?
    var email: EmailConfig?

    /// Reads one top-level key.
    mutating func read(
      _ key: String, keyNode: Node, value: Node, _ reader: NodeReader, base: URL
    ) {
      switch key {
      case "state_dir":
        if let path = reader.string(value, "state_dir") {
          stateDirectory = resolve(path: path, against: base)
        }
      case "profile":
        profile = existingFile(value, "profile", reader, base: base)
        profileNamed = profile != nil
      case "profile_override":
        profileOverride = existingFile(value, "profile_override", reader, base: base)
      case "log_level":
        if let level = ConfigLoader.logLevel(value, reader) { logLevel = level }
      case "poll_interval":
        if let interval = duration(value, "poll_interval", reader) { pollInterval = interval }
      case "digest":
        digest = parseDigest(value, reader, baseDirectory: base)
      case "fetch":
        fetch = parseFetch(value, reader, baseDirectory: base)
      case "feeds":
        feeds = parseFeeds(value, reader, baseDirectory: base)
      case "retention":
        guard let mapping = reader.mapping(value, "retention") else { return }
        for (_, _, days) in reader.entries(mapping, allowed: retentionKeys, context: "retention") {
          if let count = positiveInt(days, "retention.irrelevant_days", reader) {
            retentionDays = count
          }
        }
      case "control_socket":
        if let path = reader.string(value, "control_socket") {
          controlSocket = resolve(path: path, against: base)
        }
      case "delivery":
        email = parseDelivery(value, reader, baseDirectory: base)
      default:
        reader.problem("config: unhandled key \"\(key)\"", at: keyNode)
      }
    }

    /// A path that must name an existing file, resolved against the config's folder.
    private func existingFile(_ value: Node, _ key: String, _ reader: NodeReader, base: URL)
      -> URL?
    {
      guard let path = reader.string(value, key) else { return nil }
      let file = resolve(path: path, against: base)
      if !FileManager.default.fileExists(atPath: file.path) {
        reader.problem("\(key): no such file \(file.path)", at: value)
      }
      return file
    }

    /// The checks that need several keys: required keys, and mail needing a mailable format.
    func check(root: Node.Mapping, _ reader: NodeReader) {
      if email != nil, !digest.formats.contains(.markdown), !digest.formats.contains(.html),
        let node = root[Node("delivery")]
      {
        reader.problem(
          "delivery.email: mail carries the Markdown and HTML digests: add markdown or html to "
            + "digest.formats", at: node)
      }
      if stateDirectory == nil {
        reader.problem("config: missing required key \"state_dir\"", at: nil)
      }
      if feeds == nil {
        reader.problem("config: missing required key \"feeds\"", at: nil)
      }
    }

    /// Without `profile:`, the shipped profile; without `profile_override:`, the override file
    /// beside the config when there is one.
    mutating func locateProfiles(base: URL, _ reader: NodeReader) {
      if profile == nil {
        profile = ShippedProfile.locate()
        if profile == nil {
          let places = ShippedProfile.candidates().map(\.path).joined(separator: ", ")
          reader.problem(
            "profile: the shipped profile is not installed (looked at \(places)); set \"profile\"",
            at: nil)
        }
      }
      if profileOverride == nil {
        let beside = base.appendingPathComponent(Config.Defaults.profileOverride)
        if FileManager.default.fileExists(atPath: beside.path) {
          profileOverride = beside.standardizedFileURL
        }
      }
    }

    func config(sourceFile: URL) -> Config? {
      guard let stateDirectory, let feeds, let profile else { return nil }
      return Config(
        stateDirectory: stateDirectory, profilePath: profile,
        profileOverridePath: profileOverride, profileNamed: profileNamed, logLevel: logLevel,
        pollInterval: pollInterval, digest: digest, fetch: fetch, feeds: feeds,
        irrelevantRetentionDays: retentionDays, controlSocket: controlSocket,
        sourceFile: sourceFile, email: email)
    }
  }

  private static func logLevel(_ value: Node, _ reader: NodeReader) -> LogLevel? {
    guard let name = reader.string(value, "log_level") else { return nil }
    if let level = LogLevel(rawValue: name.lowercased()) { return level }
    let names = LogLevel.allCases.map(\.rawValue).joined(separator: ", ")
    reader.problem("log_level: unknown level \"\(name)\" (expected one of: \(names))", at: value)
    return nil
  }

  private static func parseDigest(_ node: Node, _ reader: NodeReader, baseDirectory: URL)
    -> DigestConfig
  {
    var digest = DigestConfig()
    guard let mapping = reader.mapping(node, "digest") else { return digest }
    for (key, _, value) in reader.entries(mapping, allowed: digestKeys, context: "digest") {
      switch key {
      case "time":
        guard let text = reader.string(value, "digest.time") else { continue }
        if let minute = ValueParsers.timeOfDay(text) {
          digest.minuteOfDay = minute
        } else {
          reader.problem("digest.time: expected HH:MM (24-hour), found \"\(text)\"", at: value)
        }
      case "timezone":
        guard let name = reader.string(value, "digest.timezone") else { continue }
        if let zone = TimeZone(identifier: name) {
          digest.timeZone = zone
        } else {
          reader.problem("digest.timezone: unknown IANA time zone \"\(name)\"", at: value)
        }
      case "formats":
        if let formats = digestFormats(value, reader) { digest.formats = formats }
      case "language":
        guard let name = reader.string(value, "digest.language") else { continue }
        if let language = DigestConfig.Language(rawValue: name.lowercased()) {
          digest.language = language
        } else {
          let known = DigestConfig.Language.allCases.map(\.rawValue).joined(separator: ", ")
          reader.problem(
            "digest.language: unknown language \"\(name)\" (supported: \(known))", at: value)
        }
      case "keep_days":
        if let days = positiveInt(value, "digest.keep_days", reader) { digest.keepDays = days }
      case "on_digest":
        if let command = onDigest(value, reader) { digest.onDigest = command }
      case "on_digest_timeout":
        if let timeout = duration(value, "digest.on_digest_timeout", reader) {
          digest.onDigestTimeout = timeout
        }
      case "weekly":
        digest.weekly = parseWeekly(value, reader)
      case "directory":
        guard let path = reader.string(value, "digest.directory") else { continue }
        digest.directory = resolve(path: path, against: baseDirectory)
      case "base_url":
        guard let text = reader.string(value, "digest.base_url") else { continue }
        let scheme = URLComponents(string: text)?.scheme?.lowercased()
        if ["http", "https", "file"].contains(scheme ?? "") {
          digest.baseURL = text.hasSuffix("/") ? text : text + "/"
        } else {
          reader.problem(
            "digest.base_url: expected an http, https or file URL, found \"\(text)\"", at: value)
        }
      default: break
      }
    }
    return digest
  }

  private static func digestFormats(_ value: Node, _ reader: NodeReader) -> [DigestFormat]? {
    guard let list = reader.sequence(value, "digest.formats") else { return nil }
    var formats: [DigestFormat] = []
    for item in list {
      guard let name = reader.string(item, "digest.formats") else { continue }
      guard let format = DigestFormat(rawValue: name) else {
        let known = DigestFormat.allCases.map(\.rawValue).joined(separator: ", ")
        reader.problem(
          "digest.formats: unknown format \"\(name)\" (supported: \(known))", at: item)
        continue
      }
      if formats.contains(format) {
        reader.problem("digest.formats: \"\(name)\" is listed twice", at: item)
      } else {
        formats.append(format)
      }
    }
    if list.isEmpty { reader.problem("digest.formats: list at least one format", at: value) }
    if formats == [.atom] {
      reader.problem(
        "digest.formats: the Atom feed links the dated digests: add markdown, html or json",
        at: value)
    }
    return formats
  }

  /// The delivery command: a list of arguments, never a shell string, so a path with spaces or
  /// quotes cannot change what runs. The program must be an absolute path or a bare name looked
  /// up in `PATH`.
  private static func onDigest(_ value: Node, _ reader: NodeReader) -> [String]? {
    guard value.sequence != nil else {
      reader.problem(
        "digest.on_digest: expected a list of arguments such as [/usr/local/bin/mail-digest, "
          + "--to, desk@example.org], found \(NodeReader.describe(value))", at: value)
      return nil
    }
    guard let list = reader.sequence(value, "digest.on_digest") else { return nil }
    let arguments = list.compactMap { reader.string($0, "digest.on_digest") }
    guard arguments.count == list.count else { return nil }
    guard let program = arguments.first else {
      reader.problem("digest.on_digest: name the program to run", at: value)
      return nil
    }
    if program.contains("/") && !program.hasPrefix("/") {
      reader.problem(
        "digest.on_digest: the program must be an absolute path or a name found in PATH, "
          + "found \"\(program)\"", at: list[0])
      return nil
    }
    return arguments
  }

  private static func parseFetch(_ node: Node, _ reader: NodeReader, baseDirectory: URL)
    -> FetchConfig
  {
    var fetch = FetchConfig()
    guard let mapping = reader.mapping(node, "fetch") else { return fetch }
    for (key, _, value) in reader.entries(mapping, allowed: fetchKeys, context: "fetch") {
      switch key {
      case "timeout":
        if let duration = duration(value, "fetch.timeout", reader) { fetch.timeout = duration }
      case "connect_timeout":
        if let duration = duration(value, "fetch.connect_timeout", reader) {
          fetch.connectTimeout = duration
        }
      case "max_response_size":
        if let bytes = byteSize(value, "fetch.max_response_size", reader) {
          fetch.maxResponseBytes = bytes
        }
      case "concurrency":
        if let count = positiveInt(value, "fetch.concurrency", reader) { fetch.concurrency = count }
      case "per_host":
        if let count = positiveInt(value, "fetch.per_host", reader) { fetch.perHost = count }
      case "user_agent":
        guard let agent = reader.string(value, "fetch.user_agent") else { continue }
        if agent.isEmpty
          || agent.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value >= 0x7F })
        {
          reader.problem(
            "fetch.user_agent: expected printable ASCII on one line, found \"\(agent)\"",
            at: value)
        } else {
          fetch.userAgent = agent
        }
      case "contact_url":
        guard let text = reader.string(value, "fetch.contact_url") else { continue }
        if let url = contactURL(text) {
          fetch.contactURL = url
        } else {
          reader.problem(
            "fetch.contact_url: expected an http or https URL such as "
              + "https://example.org/about-our-feed-reader, found \"\(text)\"", at: value)
        }
      case "ca_bundle":
        guard let path = reader.string(value, "fetch.ca_bundle") else { continue }
        let file = resolve(path: path, against: baseDirectory)
        if FileManager.default.fileExists(atPath: file.path) {
          fetch.caBundle = file.path
        } else {
          reader.problem("fetch.ca_bundle: no such file \(file.path)", at: value)
        }
      case "proxy":
        guard let proxy = reader.string(value, "fetch.proxy") else { continue }
        if URLComponents(string: proxy)?.host != nil {
          fetch.proxy = proxy
        } else {
          reader.problem(
            "fetch.proxy: expected a URL such as http://proxy:3128, found \"\(proxy)\"", at: value)
        }
      case "allow_private_addresses":
        if let allow = value.bool {
          fetch.allowPrivateAddresses = allow
        } else {
          reader.problem(
            "fetch.allow_private_addresses: expected true or false, found "
              + NodeReader.describe(value), at: value)
        }
      default: break
      }
    }
    if fetch.userAgent != nil, fetch.contactURL != nil,
      let node = mapping.first(where: { $0.key.string == "contact_url" })?.key
    {
      reader.problem(
        "fetch.contact_url: has no effect beside fetch.user_agent; name the contact in "
          + "user_agent, or remove user_agent", at: node)
    }
    return fetch
  }

  private static func parseFeeds(_ node: Node, _ reader: NodeReader, baseDirectory: URL)
    -> [FeedEntry]
  {
    guard let list = reader.sequence(node, "feeds") else { return [] }
    var feeds: [FeedEntry] = []
    var seen: [String: Int] = [:]
    for item in list {
      let line = item.mark?.line
      let entryNode: Node.Mapping
      if let text = item.string {
        entryNode = [Node("url"): Node(text)]
      } else if let mapping = reader.mapping(item, "feeds entry") {
        entryNode = mapping
      } else {
        continue
      }
      var entry = FeedEntry(url: "", line: line)
      for (key, _, value) in reader.entries(entryNode, allowed: feedKeys, context: "feeds entry") {
        switch key {
        case "url":
          guard let text = reader.string(value, "feeds.url") else { continue }
          entry.url =
            feedURL(text, at: item.string != nil ? item : value, reader, baseDirectory)
            ?? ""
        case "title": entry.title = reader.string(value, "feeds.title")
        case "interval":
          guard let interval = duration(value, "feeds.interval", reader) else { continue }
          if interval < Config.Defaults.minimumPollInterval {
            reader.problem("feeds.interval: at least 60s, to be polite to the site", at: value)
          }
          entry.interval = interval
        case "max_response_size":
          entry.maxResponseBytes = byteSize(value, "feeds.max_response_size", reader)
        case "category":
          guard let text = reader.string(value, "feeds.category") else { continue }
          let parts = text.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
          }
          if parts.contains(where: \.isEmpty) {
            reader.problem(
              "feeds.category: expected a folder name or path such as Agencies/Kazakhstan, "
                + "found \"\(text)\"", at: value)
          } else {
            entry.category = parts.joined(separator: "/")
          }
        case "language":
          guard let text = reader.string(value, "feeds.language") else { continue }
          if LanguageTag.isValid(text) {
            entry.language = text.lowercased()
          } else {
            reader.problem(
              "feeds.language: expected a language code such as kk, az, ru, en or tr, "
                + "found \"\(text)\"", at: value)
          }
        case "full_text":
          guard let text = reader.string(value, "feeds.full_text") else { continue }
          if let mode = FullTextMode(rawValue: text.lowercased()) {
            entry.fullText = mode
          } else {
            reader.problem(
              "feeds.full_text: expected auto, always or never, found \"\(text)\"", at: value)
          }
        default: break
        }
      }
      if entryNode["url"] == nil {
        reader.problem("feeds entry: missing required key \"url\"", at: item)
        continue
      }
      guard !entry.url.isEmpty else { continue }
      if let firstLine = seen[entry.url] {
        reader.problem("feeds: \(entry.url) is already listed on line \(firstLine)", at: item)
        continue
      }
      seen[entry.url] = line ?? 0
      feeds.append(entry)
    }
    return feeds
  }

  /// Validates a feed URL. `file://` paths may be relative to the config folder and must exist.
  static func feedURL(_ text: String, at node: Node, _ reader: NodeReader, _ baseDirectory: URL)
    -> String?
  {
    let lower = text.lowercased()
    if lower.hasPrefix("file://") {
      let path = String(text.dropFirst("file://".count))
      let file = resolve(path: path.removingPercentEncoding ?? path, against: baseDirectory)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else {
        reader.problem("feeds.url: feed file not found: \(file.path)", at: node)
        return nil
      }
      return file.absoluteString
    }
    guard WebURL.isValid(text) else {
      reader.problem(
        "feeds.url: \"\(text)\" is not an http, https or file URL", at: node)
      return nil
    }
    return text
  }

  /// An http(s) URL with a host, in printable ASCII (it goes into a request header), or nil.
  static func contactURL(_ text: String) -> String? {
    let lower = text.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), text.utf8.count <= 300,
      text.utf8.allSatisfy({ (0x21...0x7E).contains($0) }),
      let host = URLComponents(string: text)?.host, !host.isEmpty
    else { return nil }
    return text
  }

  static func resolve(path: String, against base: URL) -> URL {
    let expanded = (path as NSString).expandingTildeInPath
    if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
    return base.appendingPathComponent(expanded).standardizedFileURL
  }

  static func duration(_ node: Node, _ what: String, _ reader: NodeReader) -> Duration? {
    guard let text = reader.string(node, what) else { return nil }
    guard let duration = ValueParsers.duration(text), duration > .zero else {
      reader.problem(
        "\(what): expected a duration such as 90s, 15m or 2h, found \"\(text)\"", at: node)
      return nil
    }
    return duration
  }

  private static func byteSize(_ node: Node, _ what: String, _ reader: NodeReader) -> Int? {
    guard let text = reader.string(node, what) else { return nil }
    guard let bytes = ValueParsers.byteSize(text) else {
      reader.problem("\(what): expected a size such as 10MiB, found \"\(text)\"", at: node)
      return nil
    }
    return bytes
  }

  static func positiveInt(_ node: Node, _ what: String, _ reader: NodeReader) -> Int? {
    guard let value = node.int, value > 0 else {
      reader.problem(
        "\(what): expected a positive whole number, found \(NodeReader.describe(node))", at: node)
      return nil
    }
    return value
  }
}
