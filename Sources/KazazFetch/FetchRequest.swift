import Foundation

/// One HTTP (or file) request, with the validators from the previous fetch.
public struct FetchRequest: Sendable, Equatable {
  public var url: String
  /// Overrides `FetchSettings.maxResponseBytes` for this request (a per-feed limit).
  public var maxResponseBytes: Int?
  /// The `ETag` the server sent last time; sent back as `If-None-Match`.
  public var etag: String?
  /// The `Last-Modified` the server sent last time; sent back as `If-Modified-Since`.
  public var lastModified: String?
  /// Set for URLs a publisher chose (item links, autodiscovered feeds): the addresses the
  /// request may connect to, and only http(s). Nil for URLs the operator configured.
  public var addressPolicy: AddressPolicy?
  /// Sent as `Accept-Language` (`AcceptLanguage.header(for:)`); nil sends none. A value with
  /// anything but printable ASCII is not sent.
  public var acceptLanguage: String?

  public init(
    url: String, etag: String? = nil, lastModified: String? = nil, maxResponseBytes: Int? = nil,
    addressPolicy: AddressPolicy? = nil, acceptLanguage: String? = nil
  ) {
    self.url = url
    self.maxResponseBytes = maxResponseBytes
    self.etag = etag
    self.lastModified = lastModified
    self.addressPolicy = addressPolicy
    self.acceptLanguage = acceptLanguage
  }
}
