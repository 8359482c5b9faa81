import KazazModel

/// Precision, recall and F1 from true positive, false positive and false negative counts.
///
/// Empty denominators follow the usual convention for sparse labels: with nothing predicted,
/// precision is 1 when nothing was missed either (and 0 otherwise); with nothing to find, recall is
/// 1 when nothing was predicted wrongly. F1 is 0 when precision and recall are both 0.
public struct PRF: Sendable, Hashable, Codable {
  public var truePositives = 0
  public var falsePositives = 0
  public var falseNegatives = 0

  public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.falseNegatives = falseNegatives
  }

  /// Adds one decision: `predicted` against `expected`.
  public mutating func add(predicted: Bool, expected: Bool) {
    switch (predicted, expected) {
    case (true, true): truePositives += 1
    case (true, false): falsePositives += 1
    case (false, true): falseNegatives += 1
    case (false, false): break
    }
  }

  public static func + (lhs: PRF, rhs: PRF) -> PRF {
    PRF(
      truePositives: lhs.truePositives + rhs.truePositives,
      falsePositives: lhs.falsePositives + rhs.falsePositives,
      falseNegatives: lhs.falseNegatives + rhs.falseNegatives)
  }

  public var precision: Double {
    let predicted = truePositives + falsePositives
    guard predicted > 0 else { return falseNegatives == 0 ? 1 : 0 }
    return Double(truePositives) / Double(predicted)
  }

  public var recall: Double {
    let expected = truePositives + falseNegatives
    guard expected > 0 else { return falsePositives == 0 ? 1 : 0 }
    return Double(truePositives) / Double(expected)
  }

  public var f1: Double {
    let p = precision
    let r = recall
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }

  enum CodingKeys: String, CodingKey {
    case truePositives = "tp"
    case falsePositives = "fp"
    case falseNegatives = "fn"
    case precision, recall, f1
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    truePositives = try container.decode(Int.self, forKey: .truePositives)
    falsePositives = try container.decode(Int.self, forKey: .falsePositives)
    falseNegatives = try container.decode(Int.self, forKey: .falseNegatives)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(truePositives, forKey: .truePositives)
    try container.encode(falsePositives, forKey: .falsePositives)
    try container.encode(falseNegatives, forKey: .falseNegatives)
    try container.encode(Self.rounded(precision), forKey: .precision)
    try container.encode(Self.rounded(recall), forKey: .recall)
    try container.encode(Self.rounded(f1), forKey: .f1)
  }

  static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

/// How often a single choice was right: the primary topic of the documents that are labelled with
/// one.
public struct Accuracy: Sendable, Hashable, Codable {
  public var documents = 0
  public var correct = 0

  public init(documents: Int = 0, correct: Int = 0) {
    self.documents = documents
    self.correct = correct
  }

  /// Correct choices over documents; 1 when there was nothing to choose.
  public var accuracy: Double { documents == 0 ? 1 : Double(correct) / Double(documents) }

  public mutating func add(correct isCorrect: Bool) {
    documents += 1
    if isCorrect { correct += 1 }
  }

  enum CodingKeys: String, CodingKey {
    case documents, correct, accuracy
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    documents = try container.decode(Int.self, forKey: .documents)
    correct = try container.decode(Int.self, forKey: .correct)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(documents, forKey: .documents)
    try container.encode(correct, forKey: .correct)
    try container.encode(PRF.rounded(accuracy), forKey: .accuracy)
  }
}

/// One labelled document with the classifier's verdict and the naive rule's.
public struct EvaluatedDocument: Sendable {
  public var label: LabelledDocument
  public var classification: Classification
  /// What `BothCountriesRule` says.
  public var baselineRelevant: Bool

  public init(label: LabelledDocument, classification: Classification, baselineRelevant: Bool) {
    self.label = label
    self.classification = classification
    self.baselineRelevant = baselineRelevant
  }
}

/// Scores of a classifier on a labelled set, following the set's convention: borderline documents
/// are excluded; relevance is precision/recall/F1 of `relevant`; topics are micro-averaged over
/// the documents labelled relevant (a topic counts once per document); the primary topic is
/// scored on the documents labelled relevant that carry one (a document the classifier judged
/// irrelevant has no primary topic, so it counts as a wrong choice).
public struct EvaluationReport: Sendable, Codable {
  /// A document the classifier got wrong, with the evidence behind its verdict.
  public struct Miss: Sendable, Codable {
    public var file: String
    public var lang: String
    public var expected: String
    public var predictedRelevant: Bool
    public var score: Double
    /// Topics the labels give and the classifier missed (relevant documents only).
    public var missingTopics: [TopicID]
    /// Topics the classifier gave that the labels do not (relevant documents only).
    public var extraTopics: [TopicID]
    /// The labelled primary topic and the classifier's, when the labels give one and the two
    /// differ.
    public var expectedPrimary: TopicID?
    public var predictedPrimary: TopicID?
    public var evidence: [Evidence]

    enum CodingKeys: String, CodingKey {
      case file, lang, expected, score, evidence
      case predictedRelevant = "predicted_relevant"
      case missingTopics = "missing_topics"
      case extraTopics = "extra_topics"
      case expectedPrimary = "expected_primary"
      case predictedPrimary = "predicted_primary"
    }
  }

  public var documents = 0
  public var borderline = 0
  public var relevance = PRF()
  public var relevanceByLanguage: [String: PRF] = [:]
  public var baseline = PRF()
  public var baselineByLanguage: [String: PRF] = [:]
  public var topicsMicro = PRF()
  /// Topic decisions pooled per language (micro-averaged over its relevant documents).
  public var topicsByLanguage: [String: PRF] = [:]
  public var topics: [TopicID: PRF] = [:]
  /// Primary-topic choices on the documents labelled relevant with a primary topic.
  public var primary = Accuracy()
  public var primaryByLanguage: [String: Accuracy] = [:]
  /// Topics per document labelled relevant: as labelled, and as the classifier gave them.
  public var labelledTopicCount = 0
  public var predictedTopicCount = 0
  public var relevantDocuments = 0
  /// Relevance errors (wrong verdict).
  public var misclassified: [Miss] = []
  /// Relevant documents judged relevant whose topics differ from the labels.
  public var topicErrors: [Miss] = []

  public init(_ evaluated: [EvaluatedDocument]) {
    for document in evaluated.sorted(by: { $0.label.file < $1.label.file }) {
      documents += 1
      let label = document.label
      guard label.label != .borderline else {
        borderline += 1
        continue
      }
      let expected = label.label == .relevant
      let predicted = document.classification.relevant
      relevance.add(predicted: predicted, expected: expected)
      relevanceByLanguage[label.lang, default: PRF()].add(predicted: predicted, expected: expected)
      baseline.add(predicted: document.baselineRelevant, expected: expected)
      baselineByLanguage[label.lang, default: PRF()].add(
        predicted: document.baselineRelevant, expected: expected)

      var missing: [TopicID] = []
      var extra: [TopicID] = []
      var wrongPrimary = false
      if expected {
        relevantDocuments += 1
        labelledTopicCount += label.topics.count
        predictedTopicCount += document.classification.topics.count
        if let labelled = label.primary {
          let correct = document.classification.primaryTopic == labelled
          primary.add(correct: correct)
          primaryByLanguage[label.lang, default: Accuracy()].add(correct: correct)
          wrongPrimary = !correct
        }
        let gold = Set(label.topics)
        let given = Set(document.classification.topics)
        for topic in gold.union(given) {
          let (predicted, expected) = (given.contains(topic), gold.contains(topic))
          topics[topic, default: PRF()].add(predicted: predicted, expected: expected)
          topicsByLanguage[label.lang, default: PRF()].add(
            predicted: predicted, expected: expected)
        }
        missing = gold.subtracting(given).sorted()
        extra = given.subtracting(gold).sorted()
      }
      let miss = Miss(
        file: label.file, lang: label.lang, expected: label.label.rawValue,
        predictedRelevant: predicted, score: document.classification.score,
        missingTopics: missing, extraTopics: extra,
        expectedPrimary: wrongPrimary ? label.primary : nil,
        predictedPrimary: wrongPrimary ? document.classification.primaryTopic : nil,
        evidence: document.classification.evidence)
      if predicted != expected {
        misclassified.append(miss)
      } else if !missing.isEmpty || !extra.isEmpty || wrongPrimary {
        topicErrors.append(miss)
      }
    }
    topicsMicro = topics.values.reduce(PRF(), +)
  }

  enum CodingKeys: String, CodingKey {
    case documents, borderline, relevance, baseline, topics, misclassified
    case relevanceByLanguage = "relevance_by_language"
    case baselineByLanguage = "baseline_by_language"
    case topicsMicro = "topics_micro"
    case topicsByLanguage = "topics_by_language"
    case primaryByLanguage = "primary_topic_by_language"
    case topicErrors = "topic_errors"
    case primary = "primary_topic"
    case labelledTopicCount = "labelled_topics"
    case predictedTopicCount = "predicted_topics"
    case relevantDocuments = "relevant_documents"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    documents = try container.decode(Int.self, forKey: .documents)
    borderline = try container.decode(Int.self, forKey: .borderline)
    relevance = try container.decode(PRF.self, forKey: .relevance)
    relevanceByLanguage = try container.decode([String: PRF].self, forKey: .relevanceByLanguage)
    baseline = try container.decode(PRF.self, forKey: .baseline)
    baselineByLanguage = try container.decode([String: PRF].self, forKey: .baselineByLanguage)
    topicsMicro = try container.decode(PRF.self, forKey: .topicsMicro)
    let byName = try container.decode([String: PRF].self, forKey: .topics)
    topics = Dictionary(uniqueKeysWithValues: byName.map { (TopicID(rawValue: $0.key), $0.value) })
    misclassified = try container.decode([Miss].self, forKey: .misclassified)
    topicErrors = try container.decode([Miss].self, forKey: .topicErrors)
    primary = try container.decodeIfPresent(Accuracy.self, forKey: .primary) ?? Accuracy()
    topicsByLanguage =
      try container.decodeIfPresent([String: PRF].self, forKey: .topicsByLanguage) ?? [:]
    primaryByLanguage =
      try container.decodeIfPresent([String: Accuracy].self, forKey: .primaryByLanguage) ?? [:]
    labelledTopicCount = try container.decodeIfPresent(Int.self, forKey: .labelledTopicCount) ?? 0
    predictedTopicCount =
      try container.decodeIfPresent(Int.self, forKey: .predictedTopicCount) ?? 0
    relevantDocuments = try container.decodeIfPresent(Int.self, forKey: .relevantDocuments) ?? 0
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(documents, forKey: .documents)
    try container.encode(borderline, forKey: .borderline)
    try container.encode(relevance, forKey: .relevance)
    try container.encode(relevanceByLanguage, forKey: .relevanceByLanguage)
    try container.encode(baseline, forKey: .baseline)
    try container.encode(baselineByLanguage, forKey: .baselineByLanguage)
    try container.encode(topicsMicro, forKey: .topicsMicro)
    let byName = Dictionary(uniqueKeysWithValues: topics.map { ($0.key.rawValue, $0.value) })
    try container.encode(byName, forKey: .topics)
    try container.encode(misclassified, forKey: .misclassified)
    try container.encode(topicErrors, forKey: .topicErrors)
    try container.encode(primary, forKey: .primary)
    try container.encode(topicsByLanguage, forKey: .topicsByLanguage)
    try container.encode(primaryByLanguage, forKey: .primaryByLanguage)
    try container.encode(labelledTopicCount, forKey: .labelledTopicCount)
    try container.encode(predictedTopicCount, forKey: .predictedTopicCount)
    try container.encode(relevantDocuments, forKey: .relevantDocuments)
  }
}
