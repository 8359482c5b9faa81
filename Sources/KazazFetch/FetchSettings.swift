/// How the fetcher behaves: limits, timeouts and politeness. Values, with defaults.
public struct FetchSettings: Sendable, Equatable {
  /// Transfers in flight at once, across all hosts.
  public var concurrency: Int
  /// Transfers in flight at once to one host.
  public var perHost: Int
  /// Whole-transfer deadline.
  public var timeout: Duration
  public var connectTimeout: Duration
  /// A transfer slower than `lowSpeedBytesPerSecond` for `lowSpeedTime` is cut off: a server
  /// that trickles bytes must not hold a slot until the total timeout.
  public var lowSpeedBytesPerSecond: Int
  public var lowSpeedTime: Duration
  /// Bodies larger than this (after decompression) are aborted.
  public var maxResponseBytes: Int
  public var maxRedirects: Int
  public var userAgent: String
  /// A CA bundle file to verify servers with, instead of the system's.
  public var caBundle: String?
  /// A proxy URL; when nil, libcurl honours the standard proxy environment variables.
  public var proxy: String?

  public static let defaultUserAgent =
    "kazaz-monitor/\(KazazVersion.current) (+\(KazazVersion.homepage))"

  public init(
    concurrency: Int = 16, perHost: Int = 2, timeout: Duration = .seconds(30),
    connectTimeout: Duration = .seconds(10), lowSpeedBytesPerSecond: Int = 256,
    lowSpeedTime: Duration = .seconds(15), maxResponseBytes: Int = 10 * 1024 * 1024,
    maxRedirects: Int = 5, userAgent: String = FetchSettings.defaultUserAgent,
    caBundle: String? = nil, proxy: String? = nil
  ) {
    self.concurrency = concurrency
    self.perHost = perHost
    self.timeout = timeout
    self.connectTimeout = connectTimeout
    self.lowSpeedBytesPerSecond = lowSpeedBytesPerSecond
    self.lowSpeedTime = lowSpeedTime
    self.maxResponseBytes = maxResponseBytes
    self.maxRedirects = maxRedirects
    self.userAgent = userAgent
    self.caBundle = caBundle
    self.proxy = proxy
  }
}

/// The product's version and homepage, used in the User-Agent.
public enum KazazVersion {
  public static let current = "0.1.0"
  public static let homepage = "https://github.com/kazaz-monitor/kazaz-monitor"
}
