import KazazModel

/// The counts of a digest's period set against the days before it.
///
/// Policy: the baseline is the average over the previous `baselineDays` days *that have any
/// items at all* — a day with nothing polled means the daemon was not running, and counting it
/// as zero would make every ordinary day look like a spike after downtime or on a new install.
/// A count is a spike when it is at least `spikeFactor` × the average and at least
/// `spikeMinimum` items (so 1 → 3 items on a quiet topic is not news).
public struct DigestStatistics: Sendable, Equatable {
  public struct Figure: Sendable, Equatable {
    public var count: Int
    /// Nil when there is no earlier day with data.
    public var average: Double?
    public var isSpike: Bool
  }

  public struct TopicFigure: Sendable, Equatable {
    public var topic: TopicID
    public var figure: Figure
  }

  public struct LanguageFigure: Sendable, Equatable {
    public var language: Language
    public var figure: Figure
  }

  /// One day of the trend chart.
  public struct TrendPoint: Sendable, Equatable {
    public var day: String
    public var relevant: Int
  }

  /// The counts of one earlier day, labelled like digests.
  public struct Day: Sendable, Equatable {
    public var day: String
    public var counts: ItemCounts

    public init(day: String, counts: ItemCounts) {
      self.day = day
      self.counts = counts
    }
  }

  public static let baselineDays = 7
  public static let trendDays = 14
  public static let spikeFactor = 2.0
  public static let spikeMinimum = 3

  public var items: Figure
  public var relevant: Figure
  /// Topics with items in the period or on average, in the profile's order.
  public var topics: [TopicFigure]
  /// Languages with relevant items in the period or on average, most first.
  public var languages: [LanguageFigure]
  /// The last `trendDays` days, oldest first, ending with this period.
  public var trend: [TrendPoint]
  /// How many earlier days with data the averages use.
  public var baselineDayCount: Int

  public var hasSpike: Bool {
    relevant.isSpike || topics.contains { $0.figure.isSpike }
      || languages.contains { $0.figure.isSpike }
  }

  /// Compares `current` (labelled `day`) with `history`, the earlier days, oldest first.
  public static func make(
    day: String, current: ItemCounts, history: [Day], topicOrder: [TopicID]
  ) -> DigestStatistics {
    let baseline = history.suffix(baselineDays).filter { $0.counts.total > 0 }.map(\.counts)
    func figure(_ count: Int, _ value: (ItemCounts) -> Int) -> Figure {
      guard !baseline.isEmpty else { return Figure(count: count, average: nil, isSpike: false) }
      let average = Double(baseline.map(value).reduce(0, +)) / Double(baseline.count)
      let rounded = (average * 10).rounded() / 10
      let spike = count >= spikeMinimum && Double(count) >= spikeFactor * average
      return Figure(count: count, average: rounded, isSpike: spike)
    }
    let topics = topicOrder.compactMap { topic -> TopicFigure? in
      let value = figure(current.byTopic[topic] ?? 0) { $0.byTopic[topic] ?? 0 }
      return value.count > 0 || (value.average ?? 0) > 0
        ? TopicFigure(topic: topic, figure: value) : nil
    }
    let languages = Language.allCases.compactMap { language -> LanguageFigure? in
      let value = figure(current.byLanguage[language] ?? 0) { $0.byLanguage[language] ?? 0 }
      return value.count > 0 || (value.average ?? 0) > 0
        ? LanguageFigure(language: language, figure: value) : nil
    }
    .sorted { ($0.figure.count, $1.language.rawValue) > ($1.figure.count, $0.language.rawValue) }
    let trend =
      history.suffix(trendDays - 1).map { TrendPoint(day: $0.day, relevant: $0.counts.relevant) }
      + [TrendPoint(day: day, relevant: current.relevant)]
    return DigestStatistics(
      items: figure(current.total) { $0.total }, relevant: figure(current.relevant) { $0.relevant },
      topics: topics, languages: languages, trend: trend, baselineDayCount: baseline.count)
  }
}
