import Foundation
import KazazModel
import Testing

@testable import KazazConfig

/// Pattern alternatives and the people and organisations list (`actors`) of a profile.
@Suite("Profile alternatives and actors")
struct ProfileSectionsTests {
  static func profile(_ rest: String) -> String {
    """
    version: "1"
    sides:
      kazakhstan:
        en: {"kazakhstan*": 1.3}
      azerbaijan:
        en: {"azerbaijan*": 1.3}
    topics:
    \(TopicID.all.map { "  \($0.rawValue): {}" }.joined(separator: "\n"))
    \(rest)
    """
  }

  @Test("Alternatives expand into every form; malformed braces are reported with their line")
  func alternatives() throws {
    #expect(
      try PatternAlternatives.expand("министр{|а|ом} обороны").get() == [
        "министр обороны", "министра обороны", "министром обороны",
      ])
    #expect(
      try PatternAlternatives.expand("{a|b} {c|d}*").get() == ["a c*", "a d*", "b c*", "b d*"])
    #expect(try PatternAlternatives.expand("plain*").get() == ["plain*"])
    #expect(throws: PatternAlternatives.Problem.self) {
      try PatternAlternatives.expand("a{b{c}}").get()
    }
    #expect(throws: PatternAlternatives.Problem.self) { try PatternAlternatives.expand("a}").get() }
    #expect(throws: PatternAlternatives.Problem.self) {
      try PatternAlternatives.expand(String(repeating: "{a|b}", count: 7)).get()
    }

    let text = Self.profile(
      """
      officials:
        sector:
          ru:
            "министр{|а|у} обороны": 1.0
            "министр{а обороны": 1.0
      """)
    do throws(ConfigError) {
      _ = try ProfileLoader.parse(text, displayName: "p.yaml")
      Issue.record("expected an error")
    } catch {
      let line = text.split(separator: "\n").firstIndex { $0.contains("министр{а ") }.map { $0 + 1 }
      #expect(
        error.problems.contains {
          $0.line == line && $0.message.contains("\"{\" without \"}\"")
        })
    }
    let good = Self.profile(
      """
      officials:
        sector:
          ru:
            "министр{|а|у} обороны": 1.0
      """)
    let (profile, entries) = try ProfileLoader.parseSource(good, displayName: "p.yaml")
    #expect(
      profile.terms.filter { $0.kind == .sectorOfficial }.map(\.pattern) == [
        "министр обороны", "министра обороны", "министру обороны",
      ])
    let forms = entries.filter { $0.section == "officials.sector.ru" }
    #expect(forms.count == 3 && Set(forms.map(\.written)) == ["министр{|а|у} обороны"])
    #expect(Set(forms.map(\.line)).count == 1)
  }

  @Test("The topic thresholds: a theme's sentence count and a clear sentence's weight")
  func topicThresholds() throws {
    let profile = try ProfileLoader.parse(
      Self.profile("").replacingOccurrences(
        of: "version: \"1\"",
        with:
          "version: \"1\"\nthresholds: { topic_sentences: 3, topic_clear_sentence: 2.5, topic_clear_term: 1.2, topic_list: 4, topic_cooperation_list: 3 }"
      ),
      displayName: "p.yaml")
    #expect(profile.thresholds.topicSentences == 3)
    #expect(profile.thresholds.topicClearSentence == 2.5)
    #expect(profile.thresholds.topicClearTerm == 1.2)
    #expect(profile.thresholds.topicList == 4)
    #expect(profile.thresholds.topicCooperationList == 3)
    let defaults = try ProfileLoader.parse(Self.profile(""), displayName: "p.yaml")
    #expect(defaults.thresholds.topicSentences == .max)
    #expect(defaults.thresholds.topicClearSentence == .infinity)
    #expect(defaults.thresholds.topicClearTerm == 0)
    #expect(defaults.thresholds.topicList == .max)
    #expect(defaults.thresholds.topicCooperationList == .max)
    for invalid in [
      "topic_sentences: 2.5", "topic_list: 1", "topic_list: 3.5", "topic_cooperation_list: 1",
      "topic_cooperation_list: 2.5",
    ] {
      #expect(throws: ConfigError.self, "\(invalid)") {
        try ProfileLoader.parse(
          Self.profile("").replacingOccurrences(
            of: "version: \"1\"", with: "version: \"1\"\nthresholds: { \(invalid) }"),
          displayName: "p.yaml")
      }
    }
  }

  @Test(
    "The cooperation section: words that weigh nothing and mark a sentence as about cooperation")
  func cooperationSection() throws {
    let text = Self.profile(
      """
      cooperation:
        ru:
          "сотрудничеств*": 1.0
          "партнерств*": 1.0
      """)
    let (profile, entries) = try ProfileLoader.parseSource(text, displayName: "p.yaml")
    #expect(
      profile.terms.filter { $0.kind == .cooperation }.map(\.pattern) == [
        "сотрудничеств*", "партнерств*",
      ])
    #expect(entries.filter { $0.section == "cooperation.ru" }.count == 2)
    do throws(ConfigError) {
      _ = try ProfileLoader.parse(
        Self.profile("cooperation:\n  xx:\n    \"a\": 1.0"), displayName: "p.yaml")
      Issue.record("expected an error for an unknown language")
    } catch {
      #expect(error.problems.contains { $0.message.contains("xx") && $0.line != nil })
    }
  }

  static let actors = """
    actors:
      as_of: "2025-06"
      people:
        - name: Ilham Aliyev
          side: azerbaijan
          office: President of Azerbaijan
          acts_as: leader
          source: president.az, as of 2025-06
          names: {"ilham aliyev": 1.3, "ильхам{|а|у} алиев*": 1.3}
          ambiguous: {"aliyev*": 0.4}
        - name: Alikhan Smailov
          side: kazakhstan
          office: Prime Minister of Kazakhstan (2022-2024)
          former: true
          source: primeminister.kz, as of 2024-02
          names: {"smailov*": 0.5}
      organisations:
        - name: SOCAR
          side: azerbaijan
          what: State Oil Company of the Azerbaijan Republic
          source: socar.az, as of 2025-06
          names: {"socar": 1.0}
          topics: {energy: 0.8}
    """

  @Test("Actors: each spelling marks its side, names a key fact, an official and its topics")
  func actorTerms() throws {
    let (profile, entries) = try ProfileLoader.parseSource(
      Self.profile(Self.actors), displayName: "p.yaml")
    func kinds(_ pattern: String) -> [ClassifierProfile.TermKind: Double] {
      Dictionary(
        profile.terms.filter { $0.pattern == pattern }.map { ($0.kind, $0.weight) },
        uniquingKeysWith: max)
    }
    #expect(kinds("ilham aliyev") == [.azerbaijan: 1.3, .leader: 1])
    #expect(kinds("ильхаму алиев*") == [.azerbaijan: 1.3, .leader: 1])
    // A common surname marks the side weakly and names no one.
    #expect(kinds("aliyev*") == [.azerbaijan: 0.4])
    // A former official keeps the side, with no office.
    #expect(kinds("smailov*") == [.kazakhstan: 0.5])
    #expect(kinds("socar") == [.azerbaijan: 1, .topic(TopicID(rawValue: "energy")): 0.8])
    #expect(
      profile.entities == [
        .init(
          name: "Ilham Aliyev", kind: .person,
          patterns: ["ilham aliyev", "ильхам алиев*", "ильхама алиев*", "ильхаму алиев*"]),
        .init(name: "Alikhan Smailov", kind: .person, patterns: ["smailov*"]),
        .init(name: "SOCAR", kind: .institution, patterns: ["socar"]),
      ])
    let actorEntries = entries.filter { $0.section.hasPrefix("actors") }
    #expect(!actorEntries.isEmpty && actorEntries.allSatisfy(\.isReferenceData))
    #expect(actorEntries.allSatisfy { $0.language == nil })
  }

  @Test("Actors: missing fields, a wrong side, role or date are reported")
  func actorErrors() {
    let text = Self.profile(
      """
      actors:
        as_of: "June 2025"
        people:
          - name: Nobody
            side: kyrgyzstan
            office: Minister
            acts_as: boss
            source: nowhere
            names: {"nobody": 1.0}
          - name: No Source
            side: kazakhstan
            office: Minister
            names: {"nosource": 1.0}
        organisations:
          - name: Some Company
            side: azerbaijan
            what: A company
            source: somewhere
            names: {"somecompany": 1.0}
            topics: {shipping: 1.0}
          - name: No Description
            side: azerbaijan
            source: somewhere
            names: {"nodescription": 1.0}
      """)
    do throws(ConfigError) {
      _ = try ProfileLoader.parse(text, displayName: "p.yaml")
      Issue.record("expected errors")
    } catch {
      let messages = error.problems.map(\.message)
      #expect(
        messages.contains { $0.contains("actors.as_of: expected the list's date as YYYY-MM") })
      #expect(messages.contains { $0.contains("Nobody.side: expected kazakhstan or azerbaijan") })
      #expect(messages.contains { $0.contains("Nobody.acts_as: expected leader or sector") })
      #expect(messages.contains { $0.contains("actors.people: missing \"source\"") })
      #expect(messages.contains { $0.contains("actors.organisations: missing \"what\"") })
      #expect(messages.contains { $0.contains("unknown key \"shipping\"") })
    }
  }
}
