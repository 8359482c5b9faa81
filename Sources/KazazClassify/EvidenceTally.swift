import Foundation
import KazazModel

/// Accumulates matches for one article and turns them into a `Classification`.
///
/// The policy, step by step (weights and thresholds come from the profile):
///
/// - **Sentence focus.** A side named in a sentence that also names other countries is one item
///   of a roll-call, not the subject: its weight there is multiplied by
///   `focus / (focus + others)`, where `others` is the number of distinct other countries in the
///   sentence. A summit list of nine presidents leaves each side a fraction of its weight; a
///   trilateral sentence with one partner keeps two thirds.
/// - **Sides.** Each side sums its (focused) weight over the article. Both must reach
///   `side_minimum`, and the weaker must reach `balance` times the stronger: a Kazakh story that
///   names Azerbaijan once as background is one-sided.
/// - **Pair.** Co-occurrence of both sides in one sentence counts the weaker side's weight there;
///   co-occurrence in one paragraph counts half of it. At least one co-occurrence is required.
/// - **Focus and sport.** The score is diluted by the number of distinct other countries in the
///   article, and cut when sports-fixture vocabulary reaches `sports`.
/// - **Accidents.** A side named in a sentence of accident vocabulary weighing `w` (a crash, its
///   victims, a day of mourning) counts `incident_focus / (incident_focus + w)` there: a plane of
///   one country's airline crashing in the other names both sides as its airline and its site,
///   not as partners. Other sentences of the article (condolences, help with the
///   investigation) count as usual, but an article whose accident vocabulary reaches
///   `incidents` (with region weights) has its score halved: it is an accident report. Neither
///   applies when the headline or lead reports a contact between the two (`reportsContact`):
///   the presidents' call after a crash is about the call.
/// - **Multilateral events.** An article whose headline and lead name a multilateral event
///   (`multilateral`: a summit, the UN, the CIS) has its score halved unless a sentence names
///   the two as a pair with no other country (`namesPair`): a trip to a summit in the other
///   capital is the summit's story, a bilateral meeting on its sidelines is not.
/// - **Topics.** Topic terms count fully in sentences that name a side or refer back to the pair
///   ("the two countries"; the profile's `context` terms) and in the headline, by `topic_nearby`
///   in the rest of such a paragraph and next to such a sentence, and not at all elsewhere; in an
///   article judged relevant, a sentence naming an official role (a context term lighter than 1)
///   counts by that weight. A topic has substance when at least one sentence holds
///   `topic_sentence` of its raw term weight times its context (a sphere named in passing does
///   not make a topic) or when `topic_sentences` sentences in context hold its terms (a theme the
///   article returns to). A sentence in context naming `topic_list` topics besides politics and
///   regional integration (`settingTopics`) lists the spheres of the pair's cooperation, and so
///   does one naming `topic_cooperation_list` of them with a word for cooperation or partnership
///   (the profile's `cooperation` terms: "partnership in transport, energy and digital
///   technologies"): each topic it names is assigned. Otherwise a topic with substance is
///   assigned when its score reaches `topic` and `topic_relative` times the best topic's score
///   (a secondary topic needs a share of the story, not a passing mention), or, with a sentence
///   of `topic_clear_sentence` holding a term of `topic_clear_term` (a distinctive term),
///   `topic` alone. Politics and diplomacy, the frame of nearly every bilateral story, needs at
///   least `frameRelative` of the best topic's score even where `topic_relative` is set lower.
/// - **Primary topic.** `PrimaryTopic` chooses it from the assigned topics, their scores, the
///   headline's and lead's share of each, and who acts.
/// - **Who acts.** Politics is the business of leaders (heads of state and government, foreign
///   ministries, diplomats, parliaments: the profile's `officials.leaders`); when sector officials
///   (`officials.sector`: a defence or energy minister, a railway's chief) visit, meet or call,
///   the story is their sector's. Politics terms count `sector_politics` of their weight in a
///   sentence naming a sector official and no leader, and in a sentence naming neither when the
///   article names sector officials more than leaders and they act in it (the headline or the
///   lead names them, or two sentences do); and in such an article politics is not the primary
///   topic when another topic is assigned.
struct EvidenceTally {
  /// Per-sentence sums.
  struct SentenceWeights {
    var kazakhstan = 0.0
    var azerbaijan = 0.0
    var relation = 0.0
    /// The heaviest context term here weighing 1 or more (a phrase referring to a pair); 0 when
    /// there is none.
    var pairReferenceWeight = 0.0
    /// The strongest reduced-weight context term here (an official or institutional role:
    /// "minister", "ambassador", "delegation"), below 1; 0 when there is none.
    var roleContext = 0.0
    var otherCountries: Set<Int> = []
    var sports = 0.0
    /// Accident and disaster vocabulary here, as the profile writes the weights (for sentence
    /// focus) and with region and repeat factors (for the article).
    var incidents = 0.0
    var incidentWeight = 0.0
    /// Multilateral-event vocabulary here, with region and repeat factors.
    var multilateral = 0.0
    /// Leaders and sector officials named here, as the profile writes the weights.
    var leaders = 0.0
    var sectorOfficials = 0.0
    /// Whether a word here names cooperation or partnership.
    var cooperation = false

    var namesSide: Bool { kazakhstan + azerbaijan + relation > 0 }
    /// A phrase referring back to the pair ("the two countries", "our countries", "joint").
    var pairReference: Bool { pairReferenceWeight >= 1 }
    /// A phrase that names a pair by itself ("bilateral", "the two countries", "the sides").
    var pairTerm: Bool { pairReferenceWeight >= EvidenceTally.pairTermWeight }
  }

  /// Evidence is tallied per (pattern, evidence kind, region), packed into one integer.
  private static func key(pattern: Int, slot: Int, region: TextRegion) -> Int {
    (pattern * CompiledProfile.slotCount + slot) * 3 + Self.regionIndex(region)
  }

  private static func regionIndex(_ region: TextRegion) -> Int {
    switch region {
    case .title: 0
    case .lead: 1
    case .body: 2
    }
  }

  private static let regions: [TextRegion] = [.title, .lead, .body]

  /// Each further occurrence of the same term counts this much less (geometric decay).
  static let repeatDecay = 0.5
  /// How much an article's each distinct other country weighs against the two sides' weight.
  static let otherCountryDilution = 1.5
  /// The frame topic: visits, talks, meetings and delegations surround nearly every bilateral
  /// story, so beside a stronger topic it needs at least `frameRelative` of that topic's score
  /// to be a subject of its own, even where the profile sets `topic_relative` lower (with the
  /// shipped 0.25 the relative test is the stricter one; 0.3 and 0.35 were measured: one
  /// development-corpus politics label lost for about one decision gained per later set).
  static let frameTopic = TopicID(rawValue: "politics-diplomacy")
  static let frameRelative = 0.2
  /// Sentences naming sector officials that make them the article's actors even when neither
  /// the headline nor the lead names them (`namesSectorOfficialsMostly`).
  static let sectorActorSentences = 2
  /// Topics that are the setting of the pair's relation rather than a sphere of it: the frame
  /// topic, and regional integration, whose organisations and regions ("within the OTS", "Central
  /// Asia") stand beside the spheres of a list without being one. A list neither counts nor
  /// assigns them; they need substance of their own (docs/labelling.md, section 5).
  static let settingTopics: Set<TopicID> = [frameTopic, TopicID(rawValue: "regional-integration")]
  /// Politics terms in one sentence of the headline or lead that make it the report of a contact
  /// between the two sides (`reportsContact`): "talks" or "a phone call", not "president".
  static let contactWeight = 1.0
  /// Context terms this heavy name a pair by themselves ("bilateral", "the two countries");
  /// lighter ones from 1 on only refer back to it ("our countries", "joint").
  static let pairTermWeight = 1.5

  let compiled: CompiledProfile
  var sentences: [SentenceWeights]
  /// Per sentence and topic (`sentence * topicCount + topic`, topics as in
  /// `CompiledProfile.topics`): topic weights with region and repeat factors applied.
  private var topicWeights: [Double]
  /// The same, as the profile writes the term weights (for the substance test).
  private var rawTopicWeights: [Double]
  /// The heaviest single term of each, as the profile writes it (`topic_clear_term`).
  private var heaviestTerms: [Double]
  private let topicCount: Int
  /// Per tally key: how often it occurred and what it contributed in all.
  private var tallies: [Int: (count: Int, contribution: Double)] = [:]
  /// Key-fact entities named, by profile index: mentions and first position.
  private(set) var entityMentions: [Int: (count: Int, first: Int)] = [:]

  init(compiled: CompiledProfile, sentenceCount: Int) {
    self.compiled = compiled
    sentences = Array(repeating: SentenceWeights(), count: sentenceCount)
    topicCount = compiled.topics.count
    topicWeights = Array(repeating: 0, count: sentenceCount * topicCount)
    heaviestTerms = Array(repeating: 0, count: sentenceCount * topicCount)
    rawTopicWeights = topicWeights
  }

  /// Records every match. Matches of one kind nested in a longer one ("aliyev" inside
  /// "ilham aliyev", "kazakh" inside "kazakhstan") are the same mention and count once.
  /// A stem covers the whole word it matched: in "құрық портынан" the match of `құрық порт*`
  /// reaches to the end of "портынан", so an entry listing that word whole is nested in it.
  mutating func record(matches: [TermMatcher.Match], document: NormalizedDocument) {
    let ordered = matches.map { (word: Self.toWordEnd($0, in: document.bytes), written: $0) }
      .sorted {
        ($0.word.start, -$0.word.end, -$0.written.end) < (
          $1.word.start, -$1.word.end, -$1.written.end
        )
      }
      .map(\.word)
    var lastKept = [TermMatcher.Match?](repeating: nil, count: CompiledProfile.slotCount)
    var lastEntity: [Int: TermMatcher.Match] = [:]
    var lastSideName: TermMatcher.Match?
    for match in ordered {
      for entity in compiled.entities[match.pattern] {
        if let kept = lastEntity[entity], kept.start <= match.start, match.end <= kept.end {
          continue
        }
        lastEntity[entity] = match
        let seen = entityMentions[entity]
        entityMentions[entity] = ((seen?.count ?? 0) + 1, seen?.first ?? match.start)
      }
      let index = document.sentenceIndex(at: match.start)
      let sentence = document.sentences[index]
      let regionWeight = compiled.profile.regions[sentence.region]
      for role in compiled.roles[match.pattern] {
        if let kept = lastKept[role.slot], kept.start <= match.start, match.end <= kept.end,
          role.evidence != .negative || kept.pattern == match.pattern
        {
          continue
        }
        // A country inside a longer name of one side ("Tbilisi" in "Baku–Tbilisi–Ceyhan", a
        // pipeline of Azerbaijan's) is part of that name, not a mention of the country.
        if role.kind == .otherCountry, let name = lastSideName, name.start <= match.start,
          match.end <= name.end, name.end - name.start > match.end - match.start
        {
          continue
        }
        lastKept[role.slot] = match
        if role.kind == .kazakhstan || role.kind == .azerbaijan || role.kind == .relation {
          lastSideName = match
        }
        add(
          role: role, pattern: match.pattern, index: index, region: sentence.region,
          regionWeight: regionWeight)
      }
    }
  }

  /// `match` extended to the end of the word its last byte lies in (a stem's match ends where
  /// the stem does).
  static func toWordEnd(_ match: TermMatcher.Match, in bytes: [UInt8]) -> TermMatcher.Match {
    var match = match
    while match.end < bytes.count, bytes[match.end] != 0x20 { match.end += 1 }
    return match
  }

  private mutating func add(
    role: CompiledProfile.Role, pattern: Int, index: Int, region: TextRegion, regionWeight: Double
  ) {
    let key = Self.key(pattern: pattern, slot: role.slot, region: region)
    let seen = tallies[key]?.count ?? 0
    let weight = role.weight * regionWeight * pow(Self.repeatDecay, Double(seen))
    tallies[key] = (seen + 1, (tallies[key]?.contribution ?? 0) + weight)
    switch role.kind {
    case .kazakhstan: sentences[index].kazakhstan += weight
    case .azerbaijan: sentences[index].azerbaijan += weight
    case .relation: sentences[index].relation += weight
    case .context:
      // A context term weighing 1 or more refers back to the pair; a lighter one names an
      // official role, which speaks for a side only once the article is about the pair.
      if role.weight >= 1 {
        sentences[index].pairReferenceWeight = max(
          sentences[index].pairReferenceWeight, role.weight)
      } else {
        sentences[index].roleContext = max(sentences[index].roleContext, role.weight)
      }
    case .topic:
      topicWeights[index * topicCount + role.topic] += weight
      rawTopicWeights[index * topicCount + role.topic] += role.weight
      heaviestTerms[index * topicCount + role.topic] = max(
        heaviestTerms[index * topicCount + role.topic], role.weight)
    case .otherCountry: sentences[index].otherCountries.insert(pattern)
    case .sports: sentences[index].sports += weight
    case .incident:
      sentences[index].incidents += role.weight
      sentences[index].incidentWeight += weight
    case .multilateral: sentences[index].multilateral += weight
    case .leader: sentences[index].leaders += role.weight
    case .sectorOfficial: sentences[index].sectorOfficials += role.weight
    // A weight of 0 is an organisation's name ("Shanghai Cooperation Organisation").
    case .cooperation: if role.weight > 0 { sentences[index].cooperation = true }
    }
  }

  /// How much a side named in this sentence counts, given the other countries named with it and
  /// the accident vocabulary around it.
  func sentenceFocus(_ weights: SentenceWeights, contact: Bool = false) -> Double {
    let thresholds = compiled.profile.thresholds
    let focus = thresholds.listFocus / (thresholds.listFocus + Double(weights.otherCountries.count))
    guard weights.incidents > 0, !contact else { return focus }
    return focus * thresholds.incidentFocus / (thresholds.incidentFocus + weights.incidents)
  }

  func verdict(document: NormalizedDocument, language: Language) -> Classification {
    let thresholds = compiled.profile.thresholds
    let contact = reportsContact(document: document)
    var kazakhstan = 0.0
    var azerbaijan = 0.0
    for weights in sentences {
      let focus = sentenceFocus(weights, contact: contact)
      kazakhstan += (weights.kazakhstan + weights.relation) * focus
      azerbaijan += (weights.azerbaijan + weights.relation) * focus
    }
    let pair = pairScore(document: document, contact: contact)
    let weaker = min(kazakhstan, azerbaijan)
    let balance = weaker / max(max(kazakhstan, azerbaijan), 1)
    let others = Set(sentences.flatMap(\.otherCountries)).count
    let sports = sentences.reduce(0) { $0 + $1.sports }
    let incidents = sentences.reduce(0) { $0 + $1.incidentWeight }

    // Focus: the two sides should dominate the other countries the article names.
    let focus =
      (kazakhstan + azerbaijan)
      / (kazakhstan + azerbaijan + Self.otherCountryDilution * Double(others) + 0.001)
    // A sports fixture between the two countries is a match report, not cooperation.
    let sportsPenalty =
      sports >= 2 * thresholds.sports ? 0.1 : (sports >= thresholds.sports ? 0.5 : 1)
    // An accident report is halved; a condolence call that speaks of the partnership survives.
    let incidentPenalty = incidents >= thresholds.incidents && !contact ? 0.5 : 1
    // A multilateral event announced in the headline or lead is not a bilateral story, unless
    // the article names the two as a pair (a bilateral meeting on the sidelines); announced
    // twice over (the headline and the lead), it is the summit's story.
    let multilateral = namesPair() ? 0 : multilateralLead(document: document)
    let multilateralPenalty =
      multilateral >= 2 * thresholds.multilateral
      ? 0.25 : (multilateral >= thresholds.multilateral ? 0.5 : 1)
    let score =
      (pair + weaker * (0.5 + balance)) * focus * sportsPenalty * incidentPenalty
      * multilateralPenalty
    let relevant =
      weaker >= thresholds.sideMinimum && balance >= thresholds.balance && pair > 0
      && score >= thresholds.relevance

    let sectorStory = namesSectorOfficialsMostly(document: document)
    let topics = assignedTopics(
      topicScores(document: document, relevant: relevant, sectorStory: sectorStory))
    let rounded = { (value: Double) in (value * 100).rounded() / 100 }
    let scores = Dictionary(uniqueKeysWithValues: topics.map { ($0.0, rounded($0.1.score)) })
    return Classification(
      relevant: relevant, score: rounded(score), language: language,
      topics: topics.map(\.0), evidence: evidenceList(), profileVersion: compiled.profile.version,
      topicScores: scores,
      primaryTopic: PrimaryTopic.choose(
        from: topics.map(\.0), scores: scores,
        leadScores: Dictionary(
          uniqueKeysWithValues: topics.map { ($0.0, rounded($0.1.leadScore)) }),
        sectorStory: sectorStory))
  }

  /// Whether the headline or the lead reports a contact between the two sides: a sentence that
  /// names both of them and a leader, no other country, and politics terms weighing
  /// `contactWeight` as the profile writes them (a phone call, talks, condolences). Such an
  /// article is about the contact even when an accident is its occasion.
  func reportsContact(document: NormalizedDocument) -> Bool {
    guard let politics = compiled.topics.firstIndex(of: Self.frameTopic) else { return false }
    return sentences.indices.contains { index in
      let weights = sentences[index]
      return document.sentences[index].region != .body && weights.leaders > 0
        && weights.otherCountries.isEmpty
        && (weights.relation > 0 || (weights.kazakhstan > 0 && weights.azerbaijan > 0))
        && rawTopicWeights[index * topicCount + politics] >= Self.contactWeight
    }
  }

  /// Multilateral-event vocabulary in the headline and the lead.
  func multilateralLead(document: NormalizedDocument) -> Double {
    sentences.indices.filter { document.sentences[$0].region != .body }
      .reduce(0) { $0 + sentences[$1].multilateral }
  }

  /// Whether a sentence names the two as a pair, with no other country in it: a relation term
  /// ("Kazakh-Azerbaijani", "Astana-Baku"); a reference to a pair ("the two countries", "our
  /// countries", "joint") beside both sides' names; or a phrase that names a pair by itself
  /// ("bilateral", "the sides") right after a sentence naming both ("The ministers met. The
  /// sides discussed bilateral ties"). A list of members is not a pair; "our countries" in a
  /// summit speech means every member, and "a series of bilateral meetings" any partner.
  func namesPair() -> Bool {
    func namesBoth(_ weights: SentenceWeights) -> Bool {
      weights.kazakhstan > 0 && weights.azerbaijan > 0 && weights.otherCountries.isEmpty
    }
    return sentences.indices.contains { index in
      let weights = sentences[index]
      guard weights.otherCountries.isEmpty else { return false }
      return weights.relation > 0 || (weights.pairReference && namesBoth(weights))
        || (weights.pairTerm && index > 0 && namesBoth(sentences[index - 1]))
    }
  }

  /// Co-occurrence of both sides in one sentence (full weight) or one paragraph (half weight),
  /// each weighted by sentence focus.
  private func pairScore(document: NormalizedDocument, contact: Bool) -> Double {
    var total = 0.0
    var paragraphKazakhstan: [Int: Double] = [:]
    var paragraphAzerbaijan: [Int: Double] = [:]
    for (index, weights) in sentences.enumerated() {
      let paragraph = document.sentences[index].paragraph
      let focus = sentenceFocus(weights, contact: contact)
      let kz = (weights.kazakhstan + weights.relation) * focus
      let az = (weights.azerbaijan + weights.relation) * focus
      total += min(kz, az)
      paragraphKazakhstan[paragraph, default: 0] += kz
      paragraphAzerbaijan[paragraph, default: 0] += az
    }
    for (paragraph, kz) in paragraphKazakhstan {
      total += 0.5 * min(kz, paragraphAzerbaijan[paragraph] ?? 0)
    }
    return total
  }

  /// How much topic terms count in each sentence: fully where a side or a reference to the pair
  /// is named (and in the headline), `topic_nearby` elsewhere in such a paragraph and in the
  /// sentences just before and after, and not at all elsewhere. In an article judged relevant,
  /// a sentence that names an official or institutional role (a context term lighter than 1:
  /// "the ministers", "the ambassador", "the delegation") counts by that term's weight: in a
  /// story about the pair, its officials speak for the two sides even when the sentence names
  /// them rather than the countries.
  func topicContext(document: NormalizedDocument, relevant: Bool = false) -> [Double] {
    let nearby = compiled.profile.thresholds.topicNearby
    var context = [Double](repeating: 0, count: sentences.count)
    var paragraphs: Set<Int> = []
    for (index, weights) in sentences.enumerated()
    where weights.namesSide || weights.pairReference || document.sentences[index].region == .title {
      context[index] = 1
      paragraphs.insert(document.sentences[index].paragraph)
      for neighbour in [index - 1, index + 1] where sentences.indices.contains(neighbour) {
        context[neighbour] = max(context[neighbour], nearby)
      }
    }
    for (index, sentence) in document.sentences.enumerated()
    where paragraphs.contains(sentence.paragraph) {
      context[index] = max(context[index], nearby)
    }
    if relevant {
      for (index, weights) in sentences.enumerated() {
        context[index] = max(context[index], weights.roleContext)
      }
    }
    return context
  }

  /// One topic's evidence in an article.
  struct TopicScore {
    /// Its terms in bilateral context, with region, repeat and context factors.
    var score = 0.0
    /// The part of `score` from the headline and the lead.
    var leadScore = 0.0
    /// Sentences in context that hold its terms.
    var sentences = 0
    /// The heaviest of them holding a term of `topic_clear_term`: its terms as written, times
    /// its context (`topic_clear_sentence`).
    var heaviestSentence = 0.0
    /// Whether one of them weighs `topic_sentence`, or `topic_sentences` of them hold its terms.
    var substance = false
    /// Whether a sentence in context names it among `topic_list` or more topics (or
    /// `topic_cooperation_list` with a cooperation word): a list of the spheres of the pair's
    /// cooperation.
    var listed = false
  }

  /// Topic scores in bilateral context, with the headline's and lead's share and whether each
  /// topic has substance, by position in `CompiledProfile.topics` (nil for a topic with no term
  /// in context). `sectorStory`: whether sector officials are the article's actors
  /// (`namesSectorOfficialsMostly`).
  private func topicScores(
    document: NormalizedDocument, relevant: Bool, sectorStory: Bool
  ) -> [TopicScore?] {
    let thresholds = compiled.profile.thresholds
    let context = topicContext(document: document, relevant: relevant)
    let politics = compiled.topics.firstIndex(of: Self.frameTopic) ?? -1
    let spheres = compiled.topics.indices.filter {
      !Self.settingTopics.contains(compiled.topics[$0])
    }
    let actors = politicsFactors(sectorStory: sectorStory)
    var result = [TopicScore?](repeating: nil, count: topicCount)
    let cooperationList = min(thresholds.topicList, thresholds.topicCooperationList)
    for index in sentences.indices where context[index] > 0 {
      // Setting topics are not counted: "the presidents discussed energy" is not a list, and
      // neither is "energy and transport within the OTS".
      let named = spheres.filter { rawTopicWeights[index * topicCount + $0] > 0 }
      let list =
        named.count >= (sentences[index].cooperation ? cooperationList : thresholds.topicList)
      for topic in 0..<topicCount {
        let weight = topicWeights[index * topicCount + topic]
        // Only topics whose terms occur in this sentence (every term weighs more than zero).
        guard weight != 0 || rawTopicWeights[index * topicCount + topic] != 0 else { continue }
        let factor = context[index] * (topic == politics ? actors[index] : 1)
        var entry = result[topic] ?? TopicScore()
        entry.score += weight * factor
        if document.sentences[index].region != .body { entry.leadScore += weight * factor }
        if weight * factor > 0 { entry.sentences += 1 }
        // Substance is said about the pair: next to it, it takes proportionally more.
        let sentence = rawTopicWeights[index * topicCount + topic] * factor
        if heaviestTerms[index * topicCount + topic] >= thresholds.topicClearTerm {
          entry.heaviestSentence = max(entry.heaviestSentence, sentence)
        }
        if sentence >= thresholds.topicSentence || entry.sentences >= thresholds.topicSentences {
          entry.substance = true
        }
        if list && named.contains(topic) { entry.listed = true }
        result[topic] = entry
      }
    }
    return result
  }

  /// Whether the officials the article names are mostly of one sector (a defence or energy
  /// minister, a railway's chief) rather than leaders, and act in it: their meeting is their
  /// sector's story. Sector officials act when the headline or the lead names them or when
  /// `sectorActorSentences` sentences do; a ministry cited once in the body for a figure is the
  /// story's source, not its actor.
  func namesSectorOfficialsMostly(document: NormalizedDocument) -> Bool {
    let named = sentences.indices.filter { sentences[$0].sectorOfficials > 0 }
    let act =
      named.count >= Self.sectorActorSentences
      || named.contains { document.sentences[$0].region != .body }
    return act
      && sentences.reduce(0) { $0 + $1.sectorOfficials } > sentences.reduce(0) { $0 + $1.leaders }
  }

  /// How much politics terms count in each sentence, by who acts there: fully where a leader is
  /// named, `sector_politics` where a sector official is named without one, and, where neither
  /// is, `sector_politics` when sector officials are the article's actors (`sectorStory`, from
  /// `namesSectorOfficialsMostly`: a defence minister's visit, "the sides held talks") and fully
  /// otherwise.
  func politicsFactors(sectorStory: Bool) -> [Double] {
    let sector = compiled.profile.thresholds.sectorPolitics
    let unnamed = sectorStory ? sector : 1
    return sentences.map { weights in
      if weights.leaders > 0 { return 1 }
      return weights.sectorOfficials > 0 ? sector : unnamed
    }
  }

  /// Topics that pass the absolute, relative and substance tests, strongest first, with their
  /// evidence.
  private func assignedTopics(_ scores: [TopicScore?]) -> [(TopicID, TopicScore)] {
    let thresholds = compiled.profile.thresholds
    let best = scores.compactMap { $0 }.filter(\.substance).map(\.score).max() ?? 0
    let minimum = max(thresholds.topic, thresholds.topicRelative * best)
    let frameMinimum = max(minimum, Self.frameRelative * best)
    return scores.indices.compactMap { index -> (TopicID, TopicScore)? in
      guard let entry = scores[index] else { return nil }
      if entry.listed { return (compiled.topics[index], entry) }
      guard entry.substance else { return nil }
      let clear = entry.heaviestSentence >= thresholds.topicClearSentence
      let topicMinimum =
        compiled.topics[index] == Self.frameTopic
        ? frameMinimum : (clear ? thresholds.topic : minimum)
      guard entry.score >= topicMinimum else { return nil }
      return (compiled.topics[index], entry)
    }
    .sorted { ($0.1.score, $1.0) > ($1.1.score, $0.0) }
  }

  /// Every tallied term, strongest contribution first; ties by term, then by the tally key
  /// (evidence kind and region), so that the order never depends on hashing.
  private func evidenceList() -> [Evidence] {
    let ranked = tallies.map { key, tally in
      (
        key: key, rank: compiled.termRanks[key / 3 / CompiledProfile.slotCount],
        contribution: (tally.contribution * 100).rounded() / 100, count: tally.count
      )
    }
    .sorted { ($0.contribution, $1.rank, $1.key) > ($1.contribution, $0.rank, $0.key) }
    return ranked.map { entry in
      let region = Self.regions[entry.key % 3]
      let slot = (entry.key / 3) % CompiledProfile.slotCount
      let pattern = entry.key / 3 / CompiledProfile.slotCount
      let kind = compiled.roles[pattern].first { $0.slot == slot }?.evidence ?? .negative
      return Evidence(
        kind: kind, term: compiled.displayPatterns[pattern], region: region, count: entry.count,
        contribution: entry.contribution)
    }
  }

  static func evidenceKind(_ kind: ClassifierProfile.TermKind) -> EvidenceKind {
    switch kind {
    case .kazakhstan: .kazakhstan
    case .azerbaijan: .azerbaijan
    case .relation: .relation
    case .context: .context
    case .topic(let topic): .topic(topic)
    case .otherCountry, .sports, .incident, .multilateral: .negative
    case .leader: .leader
    case .sectorOfficial: .sectorOfficial
    case .cooperation: .cooperation
    }
  }
}
