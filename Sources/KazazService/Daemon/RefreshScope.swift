/// Which feeds a refresh cycle polls: the due ones, every configured one, or named ones (by
/// configured URL) — or a union of these, when requests are coalesced into one cycle.
public struct RefreshScope: Sendable, Equatable, CustomStringConvertible {
  public var all: Bool
  public var due: Bool
  public var feeds: Set<String>

  public init(all: Bool = false, due: Bool = false, feeds: Set<String> = []) {
    self.all = all
    self.due = due
    self.feeds = feeds
  }

  /// The feeds whose schedule says they are due: the daemon's own cycles.
  public static let due = RefreshScope(due: true)
  /// Every configured feed: a manual refresh.
  public static let all = RefreshScope(all: true)

  public static func feeds(_ urls: [String]) -> RefreshScope { RefreshScope(feeds: Set(urls)) }

  public var isEmpty: Bool { !all && !due && feeds.isEmpty }

  /// A cycle over `self` also serves a request for `other`.
  public func covers(_ other: RefreshScope) -> Bool {
    if all { return true }
    if other.all { return false }
    return (due || !other.due) && other.feeds.isSubset(of: feeds)
  }

  public func union(_ other: RefreshScope) -> RefreshScope {
    RefreshScope(all: all || other.all, due: due || other.due, feeds: feeds.union(other.feeds))
  }

  public var description: String {
    if all { return "all feeds" }
    var parts: [String] = []
    if due { parts.append("due feeds") }
    if !feeds.isEmpty { parts.append(feeds.sorted().joined(separator: ", ")) }
    return parts.isEmpty ? "nothing" : parts.joined(separator: " + ")
  }
}
