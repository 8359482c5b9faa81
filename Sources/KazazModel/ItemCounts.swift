/// How many items a period brought: all new items, the relevant ones, and the relevant ones per
/// topic and per language. The store counts; digests compare a day with the days before it.
public struct ItemCounts: Sendable, Equatable {
  public var total: Int
  public var relevant: Int
  public var byTopic: [TopicID: Int]
  public var byLanguage: [Language: Int]

  public init(
    total: Int = 0, relevant: Int = 0, byTopic: [TopicID: Int] = [:],
    byLanguage: [Language: Int] = [:]
  ) {
    self.total = total
    self.relevant = relevant
    self.byTopic = byTopic
    self.byLanguage = byLanguage
  }
}
