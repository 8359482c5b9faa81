/// A classifier profile as plain data: which terms mark each side of the relation, the topics,
/// and the negative evidence, per language. Loaded from a human-edited file (see `KazazConfig`);
/// compiled into a matcher by `KazazClassify`.
public struct ClassifierProfile: Sendable, Equatable {
  /// A single pattern: words separated by spaces; a trailing `*` makes the last word a prefix.
  public struct Term: Sendable, Equatable, Hashable {
    public var pattern: String
    public var language: Language
    public var kind: TermKind
    public var weight: Double

    public init(pattern: String, language: Language, kind: TermKind, weight: Double) {
      self.pattern = pattern
      self.language = language
      self.kind = kind
      self.weight = weight
    }
  }

  /// The role a term plays in scoring.
  public enum TermKind: Sendable, Equatable, Hashable {
    case kazakhstan
    case azerbaijan
    /// A compound form naming both sides ("Kazakh-Azerbaijani", "Astana and Baku").
    case relation
    /// A phrase that refers back to the pair ("the two countries", "стороны", "bilateral"): it
    /// puts a sentence in bilateral context for topics, but weighs nothing for relevance.
    case context
    case topic(TopicID)
    /// Another country: many of them in one sentence mean a list, not a bilateral story.
    case otherCountry
    /// Sports-fixture vocabulary.
    case sports
    /// Accident and disaster vocabulary (a plane crash, its victims and investigation).
    case incident
    /// Multilateral events and organisations (a summit, the UN, the CIS, the SCO): the two
    /// countries meet there among others.
    case multilateral
    /// Words that name cooperation or partnership ("cooperation", "сотрудничество",
    /// "əməkdaşlıq"): a sentence holding one and several spheres lists the spheres of the pair's
    /// cooperation (`Thresholds.topicCooperationList`). They weigh nothing.
    case cooperation
    /// Who acts for politics and diplomacy: heads of state and government, foreign ministries,
    /// diplomats, parliaments and the interstate bodies they meet in.
    case leader
    /// An official of one sector (a defence, energy or transport minister or ministry, a state
    /// company's chief): their visits, talks and calls are their sector's business.
    case sectorOfficial
  }

  /// Decision thresholds and scoring parameters (the profile's `thresholds:` section).
  public struct Thresholds: Sendable, Equatable {
    /// Minimum overall score for an article to be relevant.
    public var relevance: Double
    /// Minimum weight each side must reach on its own.
    public var sideMinimum: Double
    /// Minimum ratio of the weaker side's weight to the stronger's: below it the article is
    /// about one country and names the other in passing.
    public var balance: Double
    /// A side named in a sentence with `n` other countries counts `listFocus / (listFocus + n)`
    /// of its weight there: roll-calls of many countries count for little.
    public var listFocus: Double
    /// Sports-fixture weight at which the score is halved (and cut to a tenth at twice this).
    public var sports: Double
    /// A side named in a sentence whose accident vocabulary weighs `w` counts
    /// `incidentFocus / (incidentFocus + w)` of its weight there: a crash report names the two
    /// countries as the airline's and the site's, not as partners.
    public var incidentFocus: Double
    /// Accident and disaster weight in the article (with region weights) at which its score is
    /// halved.
    public var incidents: Double
    /// Multilateral-event weight in the headline and lead (with region weights) at which the
    /// score is halved, unless the article reports a bilateral contact or names the pair as such.
    public var multilateral: Double
    /// Minimum score for a topic to be assigned.
    public var topic: Double
    /// A topic must also reach this fraction of the best topic's score.
    public var topicRelative: Double
    /// A topic needs one sentence in context whose topic terms weigh this much (as written in
    /// the profile, before region weights): a sentence of substance, not a list of spheres.
    public var topicSentence: Double
    /// A topic with one sentence in context whose terms weigh this much (as written, times the
    /// sentence's context) is assigned whatever the best topic's score: a distinctive term
    /// ("trade turnover", "investment fund") is substance even beside a much larger story.
    /// `.infinity` turns the rule off.
    public var topicClearSentence: Double
    /// The sentence of `topicClearSentence` must hold one term weighing this much (as the
    /// profile writes it): a distinctive term, not a run of light words ("students",
    /// "education", "training" in a sentence about a cultural event). 0 asks for no such term.
    public var topicClearTerm: Double
    /// A topic also has substance when its terms occur in this many sentences in context: an
    /// article that returns to a theme sentence after sentence is about it even when no one
    /// sentence weighs `topicSentence`. `Int.max` turns the rule off.
    public var topicSentences: Int
    /// A sentence in context holding the terms of this many topics lists spheres of the pair's
    /// cooperation ("in the political, trade, transport and cultural spheres"): each topic it
    /// names is assigned, as a reader of the list names them. `Int.max` turns the rule off.
    public var topicList: Int
    /// The same for a sentence that also names cooperation or partnership (a `cooperation`
    /// term): "partnership in transport, logistics, energy and digital technologies" is a list
    /// with fewer spheres than a bare run of sector words. `Int.max` turns the rule off.
    public var topicCooperationList: Int
    /// How much topic terms count in a sentence next to one that names a side (in the same
    /// paragraph). Sentences naming a side, and the headline, count fully; others not at all.
    public var topicNearby: Double
    /// How much politics-and-diplomacy terms count where sector officials act without a leader:
    /// in a sentence naming a sector official and no leader, and in a sentence naming neither
    /// when the article names sector officials more than leaders.
    public var sectorPolitics: Double

    public init(
      relevance: Double, sideMinimum: Double, topic: Double, balance: Double = 0,
      listFocus: Double = 2, sports: Double = 2, incidentFocus: Double = 0.5,
      incidents: Double = 2, multilateral: Double = .infinity, topicRelative: Double = 0,
      topicSentence: Double = 0, topicSentences: Int = .max, topicList: Int = .max,
      topicCooperationList: Int = .max, topicClearSentence: Double = .infinity,
      topicClearTerm: Double = 0, topicNearby: Double = 0.5, sectorPolitics: Double = 1
    ) {
      self.relevance = relevance
      self.sideMinimum = sideMinimum
      self.topic = topic
      self.balance = balance
      self.listFocus = listFocus
      self.sports = sports
      self.incidentFocus = incidentFocus
      self.incidents = incidents
      self.multilateral = multilateral
      self.topicRelative = topicRelative
      self.topicSentence = topicSentence
      self.topicSentences = topicSentences
      self.topicList = topicList
      self.topicCooperationList = topicCooperationList
      self.topicClearSentence = topicClearSentence
      self.topicClearTerm = topicClearTerm
      self.topicNearby = topicNearby
      self.sectorPolitics = sectorPolitics
    }
  }

  public struct RegionWeights: Sendable, Equatable {
    public var title: Double
    public var lead: Double
    public var body: Double

    public init(title: Double, lead: Double, body: Double) {
      self.title = title
      self.lead = lead
      self.body = body
    }

    public subscript(region: TextRegion) -> Double {
      switch region {
      case .title: title
      case .lead: lead
      case .body: body
      }
    }
  }

  /// A person or institution reported as a key fact, with the patterns that name it.
  public struct Entity: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case person, institution }
    /// Display name, the same in every language ("Ilham Aliyev").
    public var name: String
    public var kind: Kind
    public var patterns: [String]

    public init(name: String, kind: Kind, patterns: [String]) {
      self.name = name
      self.kind = kind
      self.patterns = patterns
    }
  }

  public var name: String
  public var version: String
  public var thresholds: Thresholds
  public var regions: RegionWeights
  /// Topics in the order the profile lists them (digests follow it).
  public var topicOrder: [TopicID]
  public var terms: [Term]
  /// People and institutions reported as key facts (the profile's `key_facts` section).
  public var entities: [Entity] = []

  public init(
    name: String, version: String, thresholds: Thresholds, regions: RegionWeights,
    topicOrder: [TopicID], terms: [Term]
  ) {
    self.name = name
    self.version = version
    self.thresholds = thresholds
    self.regions = regions
    self.topicOrder = topicOrder
    self.terms = terms
  }
}
