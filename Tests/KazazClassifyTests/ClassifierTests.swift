import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

/// Scoring behaviour on a small, explicit profile, so the tests pin the algorithm rather than
/// the production term lists.
@Suite("Classifier scoring")
struct ClassifierTests {
  static let profileText = """
    version: "test-1"
    name: test
    thresholds: { relevance: 6.0, side_minimum: 2.0, topic: 2.0 }
    regions: { title: 3.0, lead: 2.0, body: 1.0 }
    sides:
      kazakhstan:
        en: { "kazakhstan*": 1.0, "kazakh*": 0.8, "astana": 0.8, "tokayev*": 1.0 }
        ru: { "казахстан*": 1.0, "астан*": 0.8, "токаев*": 1.0 }
      azerbaijan:
        en: { "azerbaijan*": 1.0, "baku": 0.8, "ilham aliyev": 1.2, "aliyev*": 0.4 }
        ru: { "азербайджан*": 1.0, "баку": 0.8, "алиев*": 0.8 }
    relation:
      en: { "kazakh azerbaijani*": 3.0, "astana and baku": 3.0 }
      ru: { "казахстанско азербайджанск*": 3.0 }
    topics:
      politics-diplomacy: { en: { "talks": 1.5, "president*": 1.0, "visit*": 1.0 } }
      trade-economy: { en: { "trade turnover": 2.0, "trade*": 1.0, "export*": 1.0 }, ru: { "товарооборот*": 2.0 } }
      investment-finance: { en: { "investment*": 1.0 } }
      energy: { en: { "oil": 1.0 } }
      transport-logistics: { en: { "middle corridor": 2.0 } }
      digital-telecom: { en: { "fibre optic": 2.0 } }
      culture-humanitarian: { en: { "culture": 1.0 } }
      education-science: { en: { "universit*": 1.0 } }
      media-information: { en: { "news agenc*": 1.0 } }
      youth-sports: { en: { "youth": 1.0 } }
      religion: { en: { "mosque*": 1.0 } }
      regional-integration: { en: { "organization of turkic states": 2.0 } }
      reconstruction: { en: { "fuzuli": 2.0 } }
      agriculture: { en: { "wheat": 1.0 } }
      security-defense: { en: { "defence minister*": 2.0 } }
    negative:
      other_countries:
        en: { "russia*": 1.0, "china": 1.0, "uzbekistan*": 1.0, "kyrgyzstan*": 1.0, "tajikistan*": 1.0, "armenia*": 1.0, "turkmenistan*": 1.0, "belarus*": 1.0 }
      sports:
        en: { "football": 1.0, "match*": 1.0, "goal*": 1.0, "fifa": 1.0 }
    """

  let classifier: Classifier

  init() throws {
    classifier = Classifier(profile: try ProfileLoader.parse(Self.profileText, displayName: "test"))
  }

  @Test("The matcher is compiled on the first classification, once, and copies share it")
  func compiledOnFirstUse() throws {
    let fresh = Classifier(
      profile: try ProfileLoader.parse(Self.profileText, displayName: "test"))
    let copy = fresh
    #expect(!fresh.isCompiled)
    #expect(fresh.profile.version == classifier.profile.version)
    let first = copy.classify(title: "Kazakhstan and Azerbaijan sign a deal", body: "")
    #expect(fresh.isCompiled, "a copy compiled it for both")
    #expect(first == classifier.classify(title: "Kazakhstan and Azerbaijan sign a deal", body: ""))
  }

  @Test("A bilateral story is relevant, with its topics and evidence")
  func bilateral() {
    let result = classifier.classify(
      title: "Kazakhstan and Azerbaijan agree to raise trade turnover",
      body: """
        ASTANA. President Tokayev held talks with Ilham Aliyev, who arrived on a state visit.
        The sides discussed trade turnover between Kazakhstan and Azerbaijan and exports of wheat.
        """)
    #expect(result.relevant)
    #expect(result.language == .en)
    #expect(result.topics.contains(TopicID(rawValue: "trade-economy")))
    #expect(result.topics.contains(TopicID(rawValue: "politics-diplomacy")))
    #expect(result.evidence.contains { $0.kind == .kazakhstan && $0.region == .title })
    #expect(result.evidence.contains { $0.term == "ilham aliyev" && $0.kind == .azerbaijan })
    #expect(result.profileVersion == "test-1")
  }

  @Test("Only one side present: not relevant, whatever the volume")
  func oneSide() {
    let result = classifier.classify(
      title: "Kazakhstan raises its key rate",
      body:
        "Kazakhstan's central bank in Astana raised the rate. Kazakhstan inflation is high. Tokayev commented."
    )
    #expect(!result.relevant)
    #expect(!result.evidence.contains { $0.kind == .azerbaijan })
  }

  @Test("Both sides only inside a list of many countries: not relevant")
  func summitList() {
    let result = classifier.classify(
      title: "CIS summit opens in Dushanbe",
      body: """
        Leaders of Russia, Belarus, Kazakhstan, Azerbaijan, Armenia, Kyrgyzstan, Tajikistan and \
        Uzbekistan gathered for the summit. The heads of state will discuss regional security.
        """)
    #expect(!result.relevant)
  }

  @Test("Sides named only in the title still count, with the title's weight")
  func titleOnly() {
    let result = classifier.classify(
      title: "Kazakh-Azerbaijani talks in Astana and Baku", body: "The talks were constructive.")
    #expect(result.evidence.allSatisfy { $0.region == .title || $0.kind != .relation })
    let relation = result.evidence.first { $0.kind == .relation }
    #expect(relation != nil)
    #expect((relation?.contribution ?? 0) >= 9.0)  // 3.0 × title weight 3.0
    #expect(result.relevant)
  }

  @Test("A football fixture between the two countries is not cooperation")
  func football() {
    let result = classifier.classify(
      title: "Kazakhstan vs Azerbaijan: football friendly preview",
      body: """
        Kazakhstan host Azerbaijan in a football match in Astana. The FIFA ranking favours \
        Kazakhstan; Azerbaijan scored one goal in their last match. Baku fans will travel.
        """)
    #expect(!result.relevant)
  }

  @Test("Russian compound relation forms and inflections")
  func russian() {
    let result = classifier.classify(
      title: "Казахстанско-азербайджанские переговоры",
      body: "В Астане Токаев встретился с Алиевым. Товарооборот Казахстана и Азербайджана вырос.")
    #expect(result.relevant)
    #expect(result.language == .ru)
    #expect(result.topics.contains(TopicID(rawValue: "trade-economy")))
  }

  @Test("A nested match of the same side counts once")
  func nestedMatches() {
    let result = classifier.classify(title: "", body: "Ilham Aliyev spoke.")
    let azerbaijan = result.evidence.filter { $0.kind == .azerbaijan }
    #expect(azerbaijan.map(\.term) == ["ilham aliyev"])
  }

  @Test("A word listed whole inside the word a stem phrase matched counts once")
  func wordInsideStemPhrase() throws {
    let text = Self.profileText.replacingOccurrences(
      of: "\"middle corridor\": 2.0",
      with: "\"middle corridor\": 2.0, \"kuryk port*\": 1.5, \"ports\": 0.8")
    let stems = Classifier(profile: try ProfileLoader.parse(text, displayName: "test"))
    let transport = TopicID(rawValue: "transport-logistics")
    let terms = { (body: String) in
      stems.classify(title: "", body: body).evidence.filter { $0.kind == .topic(transport) }
        .map(\.term)
    }
    #expect(terms("Ships leave the Kuryk ports daily.") == ["kuryk port*"])
    #expect(terms("Ships leave the ports daily.") == ["ports"])
  }
}

/// The five seed documents are what the product was conceived for: the shipped profile must find
/// all of them relevant.
@Suite("Seed articles with the shipped profile")
struct SeedArticlesTests {
  @Test("Every seed is relevant, with politics-diplomacy among its topics")
  func seeds() throws {
    let profile = try ProfileLoader.load(path: ProjectPaths.profile.path)
    let classifier = Classifier(profile: profile)
    let files = try FileManager.default.contentsOfDirectory(atPath: ProjectPaths.seeds.path)
      .filter { $0.hasSuffix(".txt") }.sorted()
    #expect(files.count == 5)
    for file in files {
      let text = try String(
        contentsOf: ProjectPaths.seeds.appendingPathComponent(file), encoding: .utf8)
      let result = classifier.classify(text: text)
      #expect(result.relevant, "\(file)")
      #expect(result.topics.contains(TopicID(rawValue: "politics-diplomacy")), "\(file)")
    }
  }
}
