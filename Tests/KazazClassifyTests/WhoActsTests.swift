import Foundation
import KazazConfig
import KazazModel
import Testing

@testable import KazazClassify

/// Politics is what leaders do: the visits, talks and calls of sector officials are their
/// sector's business (the profile's `officials` lists and `sector_politics`).
@Suite("Leaders and sector officials")
struct WhoActsTests {
  static let politics = TopicID(rawValue: "politics-diplomacy")
  static let security = TopicID(rawValue: "security-defense")
  static let energy = TopicID(rawValue: "energy")

  /// The test profile with officials and `sector_politics` (or without both).
  static func classifier(officials: Bool = true) throws -> Classifier {
    var text = ClassifierTests.profileText
      .replacingOccurrences(
        of: "thresholds: { relevance: 6.0, side_minimum: 2.0, topic: 2.0 }",
        with: """
          thresholds: { relevance: 6.0, side_minimum: 2.0, topic: 2.0, balance: 0.2,
                        list_focus: 2.0, sports: 2.0, topic_relative: 0.1, topic_sentence: 1.2,
                        topic_nearby: 0.5\(officials ? ", sector_politics: 0.2" : "") }
          """
      )
      .replacingOccurrences(
        of: #"energy: { en: { "oil": 1.0 } }"#,
        with: #"energy: { en: { "oil": 1.0, "oil transit": 2.0, "socar": 1.0 } }"#)
    text += """

      context:
        en: { "the sides": 1, "minister*": 0.8 }
      """
    if officials {
      text += """

        officials:
          leaders:
            en: { "president*": 1, "ambassador*": 1, "prime minister*": 1,
                  "deputy prime minister*": 0 }
          sector:
            en: { "defence minister*": 1, "energy minister*": 1, "president of socar": 1 }
        """
    }
    return Classifier(profile: try ProfileLoader.parse(text, displayName: "test"))
  }

  static let ministersMeet = (
    title: "Kazakhstan and Azerbaijan defence ministers hold talks",
    body: """
    The defence minister of Azerbaijan arrived in Astana on a visit to Kazakhstan. \
    He held talks with the defence minister of Kazakhstan.

    The sides held talks on a visit plan and signed a military cooperation plan.
    """
  )

  @Test("Sector ministers meeting give their sector, not politics")
  func sectorMinisters() throws {
    let result = try Self.classifier().classify(
      title: Self.ministersMeet.title, body: Self.ministersMeet.body)
    #expect(result.relevant)
    #expect(result.topics == [Self.security])
    #expect(result.evidence.contains { $0.kind == .sectorOfficial })
    // Without officials in the profile, the same talks and visit are politics as before.
    let before = try Self.classifier(officials: false).classify(
      title: Self.ministersMeet.title, body: Self.ministersMeet.body)
    #expect(before.topics.contains(Self.politics))
  }

  @Test(
    "A leader receiving the sector minister keeps politics",
    arguments: [
      ("President Tokayev", "President Tokayev received the defence minister of Azerbaijan."),
      ("Prime minister", "The prime minister of Kazakhstan received the defence minister of Baku."),
      ("Ambassador", "The ambassador of Azerbaijan met the defence minister of Kazakhstan."),
    ])
  func leaderActs(leader: String, sentence: String) throws {
    let result = try Self.classifier().classify(
      title: "\(leader) receives the defence minister of Azerbaijan",
      body: sentence + " The sides held talks in Astana on a visit plan.\n\n"
        + "Kazakhstan and Azerbaijan signed a plan.")
    #expect(result.relevant)
    #expect(result.topics.contains(Self.politics), "\(result.topics)")
    #expect(result.topics.contains(Self.security))
    // Named more often than the leader, sector officials make the unnamed talks theirs.
    let sector = try Self.classifier().classify(
      title: "Kazakhstan and Azerbaijan defence ministers hold talks",
      body: sentence + " The sides held talks in Astana on a visit plan.\n\n"
        + "Kazakhstan and Azerbaijan signed a plan of the defence ministers.")
    #expect(!sector.topics.contains(Self.politics), "\(sector.topics)")
  }

  @Test(
    "A sector official cited once in the body is the story's source, not its actor",
    arguments: [
      ("once in the body", false),
      ("in the lead", true),
      ("in two sentences", true),
    ])
  func citedOnce(placement: String, sectorStory: Bool) throws {
    let quote = "Oil transit grew this year, the energy minister of Kazakhstan said."
    // Over the lead's length, so that what follows is the body.
    let opening = """
      Kazakhstan and Azerbaijan held talks in Astana on a visit plan. Kazakhstan and Azerbaijan \
      agreed to meet again next year in Baku, and the two delegations drew up a calendar of \
      meetings for the months to come. Kazakhstan and Azerbaijan also agreed on the venues of \
      the meetings and on the order in which the delegations will travel.
      """
    let body =
      switch placement {
      case "in the lead": "\(quote) \(opening)\n\nThe sides held talks on trade."
      case "in two sentences":
        "\(opening)\n\nThe sides held talks on trade. \(quote) The energy minister of "
          + "Kazakhstan also met the energy minister of Azerbaijan."
      default: "\(opening)\n\nThe sides held talks on trade. \(quote)"
      }
    let result = try Self.classifier().classify(
      title: "Kazakhstan and Azerbaijan hold talks", body: body)
    #expect(result.relevant)
    #expect(result.topics.contains(Self.politics) == !sectorStory, "\(result.topics)")
  }

  @Test("Talks with no official named stay politics")
  func nobodyNamed() throws {
    let result = try Self.classifier().classify(
      title: "Kazakhstan and Azerbaijan hold talks",
      body: "Kazakhstan and Azerbaijan held talks in Astana on a visit plan.")
    #expect(result.topics == [Self.politics])
  }

  @Test("A company's president is a sector official; a deputy prime minister is neither")
  func nestedOfficials() throws {
    let classifier = try Self.classifier()
    let company = classifier.classify(
      title: "Kazakhstan and Azerbaijan discuss oil transit",
      body: """
        The president of SOCAR held talks in Astana with Kazakhstan on oil transit via \
        Azerbaijan. The sides held talks on a visit plan.
        """)
    #expect(company.relevant)
    #expect(company.topics == [Self.energy])
    // The deputy prime minister is not the prime minister: the energy minister leads.
    let deputy = classifier.classify(
      title: "Kazakhstan and Azerbaijan discuss oil transit",
      body: """
        The deputy prime minister and the energy minister of Kazakhstan held talks with \
        Azerbaijan on oil transit. The sides held talks on a visit plan.
        """)
    #expect(deputy.topics == [Self.energy])
    let prime = classifier.classify(
      title: "Kazakhstan and Azerbaijan discuss oil transit",
      body: """
        The prime minister and the energy minister of Kazakhstan held talks with Azerbaijan \
        on oil transit. The sides held talks on a visit plan.
        """)
    #expect(prime.topics.contains(Self.politics))
  }

  @Test("The officials lists and sector_politics are read from the profile")
  func loaded() throws {
    let profile = try Self.classifier().profile
    #expect(profile.thresholds.sectorPolitics == 0.2)
    #expect(profile.terms.contains { $0.pattern == "ambassador*" && $0.kind == .leader })
    #expect(
      profile.terms.contains { $0.pattern == "president of socar" && $0.kind == .sectorOfficial })
    #expect(try Self.classifier(officials: false).profile.thresholds.sectorPolitics == 1)
    #expect(throws: ConfigError.self) {
      try ProfileLoader.parse(
        ClassifierTests.profileText + "\nofficials: { ministers: { en: { \"x\": 1 } } }\n",
        displayName: "test")
    }
  }
}
