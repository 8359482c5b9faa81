import CCurl
import Foundation

/// The address policy on a live transfer (`AddressPolicy` says what is allowed).
///
/// Two libcurl callbacks see every connection, after DNS and on every redirect hop:
/// - `CURLOPT_OPENSOCKETFUNCTION` is asked for each new socket with the exact address libcurl
///   is about to connect to (each address of a name in turn). Refusing there means no socket
///   exists and no packet leaves, so a refused address never sees a connection attempt; and as
///   it judges the connected address, not the name, a public-looking name resolving to
///   127.0.0.1 (or rebinding between two lookups) is caught.
/// - `CURLOPT_PREREQFUNCTION` runs before each request is sent, on a new or a reused
///   connection, with the connection's address. The socket callback alone would miss a request
///   that reuses a pooled connection opened by an allowed transfer (a configured loopback feed)
///   for a URL that is not allowed; this one catches it, and records where every request went.
/// Behind a proxy both see the proxy, so only an address written in the URL can be judged.
extension CurlTransfer {
  /// True when a connection to `endpoint` is allowed; otherwise records the refusal.
  func admits(_ endpoint: Endpoint) -> Bool {
    guard let policy, !policy.allows(endpoint) else { return true }
    if refusal == nil {
      refusal = AddressRefusal(
        purpose: policy.purpose, url: request.url, redirectedTo: currentRedirectTarget(),
        address: endpoint.address.description, scope: endpoint.address.scope)
    }
    return false
  }

  /// The URL being fetched when a redirect is being followed; nil on the first hop.
  private func currentRedirectTarget() -> String? {
    guard let handle, !redirects.isEmpty || (300..<400).contains(currentStatus) else {
      return nil
    }
    var current: UnsafeMutablePointer<CChar>?
    kazaz_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &current)
    return current.map { String(cString: $0) }
  }

  /// Behind a proxy: a refusal when the URL names a non-public address itself (`localhost`
  /// counts as loopback); names are the proxy's to resolve.
  func literalRefusal(_ policy: AddressPolicy) -> AddressRefusal? {
    guard let endpoint = Self.literalEndpoint(request.url), !policy.allows(endpoint) else {
      return nil
    }
    return AddressRefusal(
      purpose: policy.purpose, url: request.url, address: endpoint.address.description,
      scope: endpoint.address.scope)
  }

  /// The server the requested URL reached (`FetchResponse.origin`).
  var origin: Endpoint? {
    proxied ? Self.literalEndpoint(request.url) : endpoints.first
  }

  /// The endpoint a URL names when its host is an address (or `localhost`), with the scheme's
  /// default port; nil for other names.
  static func literalEndpoint(_ url: String) -> Endpoint? {
    guard let components = URLComponents(string: url), let host = components.host?.lowercased()
    else { return nil }
    let isLocalhost = host == "localhost" || host.hasSuffix(".localhost")
    guard let address = isLocalhost ? IPAddress("127.0.0.1") : IPAddress(host) else { return nil }
    let port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
    return Endpoint(address: address, port: port)
  }
}

extension Endpoint {
  /// The address and port of a socket address libcurl hands over; nil unless IPv4 or IPv6.
  init?(_ address: UnsafePointer<curl_sockaddr>) {
    var bytes = [UInt8](repeating: 0, count: 16)
    var port: Int32 = 0
    let count = Int(kazaz_sockaddr_address(address, &bytes, &port))
    guard let ip = IPAddress(bytes: Array(bytes.prefix(count))) else { return nil }
    self.init(address: ip, port: Int(port))
  }
}

/// Policed transfers only: opens the socket libcurl asks for, unless the policy refuses the
/// address it is for. Refused: no socket, libcurl tries the name's next address or fails with
/// "couldn't connect", which the transfer reports as the refusal.
func curlOpenSocketCallback(
  _ context: UnsafeMutableRawPointer?, _ purpose: curlsocktype,
  _ address: UnsafeMutablePointer<curl_sockaddr>?
) -> curl_socket_t {
  guard let context, let address else { return CURL_SOCKET_BAD }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  if let endpoint = Endpoint(UnsafePointer(address)), !transfer.admits(endpoint) {
    return CURL_SOCKET_BAD
  }
  return kazaz_open_socket(address)
}

/// Every transfer: records where the request about to be sent goes; for a policed transfer,
/// aborts it when that is not allowed (a reused connection).
func curlPrereqCallback(
  _ context: UnsafeMutableRawPointer?, _ primaryIP: UnsafeMutablePointer<CChar>?,
  _ localIP: UnsafeMutablePointer<CChar>?, _ primaryPort: Int32, _ localPort: Int32
) -> Int32 {
  guard let context, let primaryIP, let address = IPAddress(String(cString: primaryIP)) else {
    return CURL_PREREQFUNC_OK
  }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  let endpoint = Endpoint(address: address, port: Int(primaryPort))
  transfer.endpoints.append(endpoint)
  if !transfer.proxied, !transfer.admits(endpoint) { return CURL_PREREQFUNC_ABORT }
  return CURL_PREREQFUNC_OK
}
