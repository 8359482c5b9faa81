import Foundation
import KazazModel

/// The daemon's configuration: an immutable value, loaded once and passed down.
/// Every default lives in `Config+Defaults.swift`.
public struct Config: Sendable, Equatable {
  /// Where the store, digests and other state live. Absolute.
  public var stateDirectory: URL
  /// The classifier profile file. Absolute.
  public var profilePath: URL
  public var logLevel: LogLevel
  /// Default poll interval for feeds that set none.
  public var pollInterval: Duration
  public var digest: DigestConfig
  public var fetch: FetchConfig
  public var feeds: [FeedEntry]
  /// The daemon's control socket, when the config names one (`control_socket`). Absolute.
  public var controlSocket: URL?
  /// The file this configuration was read from.
  public var sourceFile: URL

  public init(
    stateDirectory: URL, profilePath: URL, logLevel: LogLevel = .info,
    pollInterval: Duration = Config.Defaults.pollInterval, digest: DigestConfig = DigestConfig(),
    fetch: FetchConfig = FetchConfig(), feeds: [FeedEntry], controlSocket: URL? = nil,
    sourceFile: URL
  ) {
    self.stateDirectory = stateDirectory
    self.profilePath = profilePath
    self.logLevel = logLevel
    self.pollInterval = pollInterval
    self.digest = digest
    self.fetch = fetch
    self.feeds = feeds
    self.controlSocket = controlSocket
    self.sourceFile = sourceFile
  }

  /// The store file under the state directory.
  public var databasePath: URL { stateDirectory.appendingPathComponent("kazaz-monitor.sqlite") }
  /// Digests are written under this folder.
  public var digestDirectory: URL { stateDirectory.appendingPathComponent("digests") }
}

public enum LogLevel: String, Sendable, Equatable, CaseIterable {
  case trace, debug, info, notice, warning, error, critical
}

/// One configured feed.
public struct FeedEntry: Sendable, Equatable {
  /// Absolute URL: `http`, `https` or `file` (relative file paths already resolved).
  public var url: String
  public var title: String?
  public var interval: Duration?
  /// Overrides `fetch.max_response_size` for this feed.
  public var maxResponseBytes: Int?
  /// The line of the entry in the config file, for messages.
  public var line: Int?

  public init(
    url: String, title: String? = nil, interval: Duration? = nil, maxResponseBytes: Int? = nil,
    line: Int? = nil
  ) {
    self.url = url
    self.title = title
    self.interval = interval
    self.maxResponseBytes = maxResponseBytes
    self.line = line
  }
}

/// When and how digests are written.
public struct DigestConfig: Sendable, Equatable {
  /// Local time of day, minutes after midnight.
  public var minuteOfDay: Int
  public var timeZone: TimeZone
  public var formats: [DigestFormat]

  public init(
    minuteOfDay: Int = Config.Defaults.digestMinuteOfDay,
    timeZone: TimeZone = Config.Defaults.digestTimeZone,
    formats: [DigestFormat] = [.markdown]
  ) {
    self.minuteOfDay = minuteOfDay
    self.timeZone = timeZone
    self.formats = formats
  }
}

public enum DigestFormat: String, Sendable, Equatable, CaseIterable {
  case markdown
}

/// HTTP client settings.
public struct FetchConfig: Sendable, Equatable {
  public var timeout: Duration
  public var connectTimeout: Duration
  public var maxResponseBytes: Int
  public var concurrency: Int
  public var perHost: Int
  public var userAgent: String?
  /// A CA bundle file; nil means the system's.
  public var caBundle: String?
  /// A proxy URL; nil means the standard environment variables (`https_proxy`, `no_proxy` …).
  public var proxy: String?

  public init(
    timeout: Duration = Config.Defaults.fetchTimeout,
    connectTimeout: Duration = Config.Defaults.connectTimeout,
    maxResponseBytes: Int = Config.Defaults.maxResponseBytes,
    concurrency: Int = Config.Defaults.concurrency, perHost: Int = Config.Defaults.perHost,
    userAgent: String? = nil, caBundle: String? = nil, proxy: String? = nil
  ) {
    self.timeout = timeout
    self.connectTimeout = connectTimeout
    self.maxResponseBytes = maxResponseBytes
    self.concurrency = concurrency
    self.perHost = perHost
    self.userAgent = userAgent
    self.caBundle = caBundle
    self.proxy = proxy
  }
}
