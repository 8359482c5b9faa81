import Foundation
import KazazModel

/// The daemon's configuration: an immutable value, loaded once and passed down.
/// Every default lives in `Config+Defaults.swift`.
public struct Config: Sendable, Equatable {
  /// Where the store, digests and other state live. Absolute.
  public var stateDirectory: URL
  /// The classifier profile file: the one `profile:` names, else the shipped one
  /// (`ShippedProfile`). Absolute.
  public var profilePath: URL
  /// The operator's changes to the profile (`profile_override:`, else `profile.override.yaml`
  /// beside the config when it exists). Absolute.
  public var profileOverridePath: URL?
  /// The config names its profile (`profile:`) rather than using the shipped one.
  public var profileNamed: Bool
  public var logLevel: LogLevel
  /// Default poll interval for feeds that set none.
  public var pollInterval: Duration
  public var digest: DigestConfig
  public var fetch: FetchConfig
  public var feeds: [FeedEntry]
  /// Irrelevant items lose their text after this many days; relevant items are kept.
  public var irrelevantRetentionDays: Int
  /// The daemon's control socket, when the config names one (`control_socket`). Absolute.
  public var controlSocket: URL?
  /// The file this configuration was read from.
  public var sourceFile: URL
  /// Digest delivery by e-mail (`delivery.email`); nil when not configured.
  public var email: EmailConfig?

  public init(
    stateDirectory: URL, profilePath: URL, profileOverridePath: URL? = nil,
    profileNamed: Bool = true, logLevel: LogLevel = .info,
    pollInterval: Duration = Config.Defaults.pollInterval, digest: DigestConfig = DigestConfig(),
    fetch: FetchConfig = FetchConfig(), feeds: [FeedEntry],
    irrelevantRetentionDays: Int = Config.Defaults.irrelevantRetentionDays,
    controlSocket: URL? = nil, sourceFile: URL, email: EmailConfig? = nil
  ) {
    self.stateDirectory = stateDirectory
    self.profilePath = profilePath
    self.profileOverridePath = profileOverridePath
    self.profileNamed = profileNamed
    self.logLevel = logLevel
    self.pollInterval = pollInterval
    self.digest = digest
    self.fetch = fetch
    self.feeds = feeds
    self.irrelevantRetentionDays = irrelevantRetentionDays
    self.controlSocket = controlSocket
    self.sourceFile = sourceFile
    self.email = email
  }

  /// The store file under the state directory.
  public var databasePath: URL { stateDirectory.appendingPathComponent("kazaz-monitor.sqlite") }
  /// Digests are written under this folder: `digest.directory`, else `digests` in the state
  /// directory.
  public var digestDirectory: URL {
    digest.directory ?? stateDirectory.appendingPathComponent("digests")
  }
}

public enum LogLevel: String, Sendable, Equatable, CaseIterable {
  case trace, debug, info, notice, warning, error, critical
}

/// When the daemon fetches the article page of a feed item for its full text.
public enum FullTextMode: String, Sendable, Equatable, CaseIterable {
  /// When the feed's own text is short, or the headline alone makes the item a candidate.
  case auto
  /// For every new item.
  case always
  /// Never: the feed's text is all there is.
  case never
}

/// One configured feed.
public struct FeedEntry: Sendable, Equatable {
  /// Absolute URL: `http`, `https` or `file` (relative file paths already resolved).
  public var url: String
  public var title: String?
  public var interval: Duration?
  /// Overrides `fetch.max_response_size` for this feed.
  public var maxResponseBytes: Int?
  /// A folder for OPML export ("Agencies/Kazakhstan"); nil at the top level.
  public var category: String?
  /// Whether new items get the text of their article page.
  public var fullText: FullTextMode
  /// The language the feed publishes in (`kk`, `az`, `ru` …): asked for first in
  /// `Accept-Language` for the feed and its article pages. Nil asks for Russian, then English.
  public var language: String?
  /// The line of the entry in the config file, for messages.
  public var line: Int?

  public init(
    url: String, title: String? = nil, interval: Duration? = nil, maxResponseBytes: Int? = nil,
    category: String? = nil, fullText: FullTextMode = .auto, language: String? = nil,
    line: Int? = nil
  ) {
    self.url = url
    self.title = title
    self.interval = interval
    self.maxResponseBytes = maxResponseBytes
    self.category = category
    self.fullText = fullText
    self.language = language
    self.line = line
  }
}

/// When and how digests are written.
public struct DigestConfig: Sendable, Equatable {
  /// The language of a digest's headings.
  public enum Language: String, Sendable, Equatable, CaseIterable {
    case en, ru
  }

  /// Local time of day, minutes after midnight.
  public var minuteOfDay: Int
  public var timeZone: TimeZone
  public var formats: [DigestFormat]
  public var language: Language
  /// Digest files and records older than this many days are deleted.
  public var keepDays: Int
  /// A command run after each digest with the written paths appended (argv, no shell); empty
  /// means none.
  public var onDigest: [String]
  /// How long `onDigest` may run before it is stopped and counted as failed.
  public var onDigestTimeout: Duration
  /// Where the digest files are published (e.g. `https://intranet.example/digests/`): the Atom
  /// feed links its entries below it. Nil links them as `file:` URLs.
  public var baseURL: String?
  /// Where the digest files go, when not under the state directory: a folder readers (or a web
  /// server) can get at, while the store stays private. Absolute.
  public var directory: URL?
  /// The weekly report's schedule (`digest.weekly`).
  public var weekly = WeeklyConfig()

  public init(
    minuteOfDay: Int = Config.Defaults.digestMinuteOfDay,
    timeZone: TimeZone = Config.Defaults.digestTimeZone,
    formats: [DigestFormat] = [.markdown], language: Language = .en,
    keepDays: Int = Config.Defaults.digestKeepDays, onDigest: [String] = [],
    onDigestTimeout: Duration = Config.Defaults.onDigestTimeout, baseURL: String? = nil,
    directory: URL? = nil
  ) {
    self.minuteOfDay = minuteOfDay
    self.timeZone = timeZone
    self.formats = formats
    self.language = language
    self.keepDays = keepDays
    self.onDigest = onDigest
    self.onDigestTimeout = onDigestTimeout
    self.baseURL = baseURL
    self.directory = directory
  }
}

/// The digest file formats.
public enum DigestFormat: String, Sendable, Equatable, CaseIterable {
  /// `YYYY-MM-DD.md`
  case markdown
  /// `YYYY-MM-DD.html`: one self-contained page with charts.
  case html
  /// `YYYY-MM-DD.json`, following the versioned digest schema.
  case json
  /// `digests.atom`: a feed of the recent digests.
  case atom
}

/// HTTP client settings.
public struct FetchConfig: Sendable, Equatable {
  public var timeout: Duration
  public var connectTimeout: Duration
  public var maxResponseBytes: Int
  public var concurrency: Int
  public var perHost: Int
  /// Replaces the whole User-Agent (`fetch.user_agent`); nil builds it from the product, its
  /// version and `contactURL`.
  public var userAgent: String?
  /// The page a site's operator can reach this installation's operator by (`fetch.contact_url`,
  /// http or https), named in the User-Agent instead of the project's page.
  public var contactURL: String?
  /// A CA bundle file; nil means the system's.
  public var caBundle: String?
  /// A proxy URL; nil means the standard environment variables (`https_proxy`, `no_proxy` …).
  public var proxy: String?
  /// Lets article pages and autodiscovered feeds connect to loopback, link-local, private and
  /// other non-public addresses (`fetch.allow_private_addresses`; default false).
  public var allowPrivateAddresses: Bool = false

  public init(
    timeout: Duration = Config.Defaults.fetchTimeout,
    connectTimeout: Duration = Config.Defaults.connectTimeout,
    maxResponseBytes: Int = Config.Defaults.maxResponseBytes,
    concurrency: Int = Config.Defaults.concurrency, perHost: Int = Config.Defaults.perHost,
    userAgent: String? = nil, contactURL: String? = nil, caBundle: String? = nil,
    proxy: String? = nil
  ) {
    self.timeout = timeout
    self.connectTimeout = connectTimeout
    self.maxResponseBytes = maxResponseBytes
    self.concurrency = concurrency
    self.perHost = perHost
    self.userAgent = userAgent
    self.contactURL = contactURL
    self.caBundle = caBundle
    self.proxy = proxy
  }
}
