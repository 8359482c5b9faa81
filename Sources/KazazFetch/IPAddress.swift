import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An IPv4 or IPv6 address as its bytes (4 or 16, network order): what libcurl is about to
/// connect to, or an address written in a URL.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
  public let bytes: [UInt8]

  /// Nil unless there are exactly 4 or 16 bytes.
  public init?(bytes: [UInt8]) {
    guard bytes.count == 4 || bytes.count == 16 else { return nil }
    self.bytes = bytes
  }

  /// Numeric text: IPv6 (with or without brackets; a `%zone` is ignored) or IPv4 in any form the
  /// C library's resolver accepts, as libcurl and proxies do (`127.1`, `0x7f000001`,
  /// `2130706433` are all 127.0.0.1). Nil for a name or junk.
  public init?(_ text: String) {
    var text = Substring(text)
    if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
    if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
    // Printable ASCII only: the C parsers would stop at a space and accept what precedes it.
    guard !text.isEmpty, text.utf8.count < 64, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
    else { return nil }
    if text.contains(":") {
      var address = in6_addr()
      guard inet_pton(AF_INET6, String(text), &address) == 1 else { return nil }
      self.bytes = withUnsafeBytes(of: address) { Array($0) }
    } else {
      var address = in_addr()
      guard inet_aton(String(text), &address) != 0 else { return nil }
      self.bytes = withUnsafeBytes(of: address) { Array($0) }
    }
  }

  public var description: String {
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
    let family = bytes.count == 4 ? AF_INET : AF_INET6
    let written = bytes.withUnsafeBytes { raw in
      inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count))
    }
    guard written != nil else { return bytes.map(String.init).joined(separator: ".") }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// What kind of network the address belongs to.
  public var scope: AddressScope {
    if bytes.count == 4 { return Self.scope(ipv4: bytes) }
    // IPv4 inside IPv6: mapped (::ffff:a.b.c.d), the deprecated compatible form (::a.b.c.d) and
    // the NAT64 well-known prefix (64:ff9b::a.b.c.d) reach the IPv4 address they carry.
    let prefix = bytes.prefix(12)
    let embedded = Array(bytes.suffix(4))
    if prefix.elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF])
      || prefix.elementsEqual([0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0])
    {
      return Self.scope(ipv4: embedded)
    }
    if prefix.allSatisfy({ $0 == 0 }) {
      if embedded == [0, 0, 0, 0] { return .unspecified }
      if embedded == [0, 0, 0, 1] { return .loopback }
      return Self.scope(ipv4: embedded)
    }
    let first = bytes[0]
    let second = bytes[1]
    if first == 0xFF { return .multicast }
    if first == 0xFE && second & 0xC0 == 0x80 { return .linkLocal }  // fe80::/10
    if first == 0xFE && second & 0xC0 == 0xC0 { return .privateNetwork }  // fec0::/10, site-local
    if first & 0xFE == 0xFC { return .privateNetwork }  // fc00::/7, unique local
    return .public
  }

  private static func scope(ipv4 bytes: [UInt8]) -> AddressScope {
    guard bytes.count == 4 else { return .reserved }
    let (a, b) = (bytes[0], bytes[1])
    switch a {
    case 0: return .unspecified  // 0.0.0.0/8: "this network"; connecting reaches this host
    case 10: return .privateNetwork
    case 127: return .loopback
    case 100 where b & 0xC0 == 64: return .sharedAddressSpace  // 100.64.0.0/10
    case 169 where b == 254: return .linkLocal
    case 172 where b & 0xF0 == 16: return .privateNetwork  // 172.16.0.0/12
    case 192 where b == 168: return .privateNetwork
    case 224...239: return .multicast
    case 240...255: return .reserved  // 240.0.0.0/4 and the broadcast address
    default: return .public
    }
  }
}

/// The kind of network an address belongs to. Only `public` addresses are open to what
/// publishers link to; the rest are the machine itself, its local networks, or no host at all.
public enum AddressScope: String, Sendable, Equatable, CaseIterable {
  case `public`
  case loopback
  case linkLocal
  case multicast
  case unspecified
  case privateNetwork
  /// 100.64.0.0/10, the carrier-grade NAT range: inside a provider's network.
  case sharedAddressSpace
  case reserved

  public var isPublic: Bool { self == .public }

  /// "a loopback address", for messages.
  public var phrase: String {
    switch self {
    case .public: "a public address"
    case .loopback: "a loopback address"
    case .linkLocal: "a link-local address"
    case .multicast: "a multicast address"
    case .unspecified: "an unspecified address"
    case .privateNetwork: "a private address"
    case .sharedAddressSpace: "a shared (carrier-grade NAT) address"
    case .reserved: "a reserved address"
    }
  }
}

/// Where a request was sent: an address and a port.
public struct Endpoint: Hashable, Sendable, CustomStringConvertible {
  public var address: IPAddress
  public var port: Int

  public init(address: IPAddress, port: Int) {
    self.address = address
    self.port = port
  }

  public var description: String {
    address.bytes.count == 16 ? "[\(address)]:\(port)" : "\(address):\(port)"
  }
}
