import KazazConfig
import KazazFetch

extension Config {
  /// The fetcher's settings, from the `fetch:` section.
  public var fetchSettings: FetchSettings {
    FetchSettings(
      concurrency: fetch.concurrency, perHost: fetch.perHost, timeout: fetch.timeout,
      connectTimeout: fetch.connectTimeout, maxResponseBytes: fetch.maxResponseBytes,
      userAgent: fetch.userAgent ?? FetchSettings.userAgent(contact: fetch.contactURL),
      caBundle: fetch.caBundle,
      proxy: fetch.proxy, allowPrivateAddresses: fetch.allowPrivateAddresses)
  }
}
