import Foundation
import KazazModel
import KazazTesting
import Testing

@testable import KazazConfig

/// The operator's override merged on top of a profile: additions, weights, thresholds, disabled
/// entries, errors with the override's lines, and the effective version.
@Suite("Profile override")
struct ProfileOverrideTests {
  static let energy = TopicID(rawValue: "energy")

  static func base(version: String = "7") -> String {
    ProfileSectionsTests.profile(ProfileSectionsTests.actors)
      .replacingOccurrences(of: "version: \"1\"", with: "version: \"\(version)\"")
      .replacingOccurrences(
        of: "  energy: {}",
        with: "  energy:\n    en: {\"oil*\": 0.8, \"pipeline{|s}\": 1.2}")
        + """

        key_facts:
          people:
            "Jane Doe": ["jane doe", "doe jane"]
        """
  }

  static func merge(_ override: String, base: String = base()) throws(ConfigError)
    -> EffectiveProfile
  {
    try EffectiveProfile.parse(
      profile: Array(base.utf8), path: "kazaz.yaml", override: Array(override.utf8),
      overridePath: "profile.override.yaml")
  }

  static func weights(_ profile: ClassifierProfile, _ pattern: String) -> [Double] {
    profile.terms.filter { $0.pattern == pattern }.map(\.weight)
  }

  @Test("Entries are added, shipped entries get the override's weight, thresholds are set")
  func addAndChange() throws {
    let effective = try Self.merge(
      """
      thresholds:
        relevance: 9.5
        topic_sentences: 2
      regions: {title: 4}
      sides:
        kazakhstan:
          en: {"kazakhstan*": 2.0, "qazaq*": 0.9}
      topics:
        energy:
          en: {"green hydrogen": 1.5, "oil*": 0.3}
      """)
    let profile = effective.profile
    #expect(profile.thresholds.relevance == 9.5 && profile.thresholds.topicSentences == 2)
    #expect(profile.thresholds.sideMinimum == 2)  // untouched
    #expect(profile.regions.title == 4 && profile.regions.lead == 2)
    #expect(Self.weights(profile, "kazakhstan*") == [2.0])
    #expect(Self.weights(profile, "qazaq*") == [0.9])
    #expect(Self.weights(profile, "oil*") == [0.3])
    #expect(
      profile.terms.contains {
        $0.pattern == "green hydrogen" && $0.kind == .topic(Self.energy) && $0.language == .en
      })
    #expect(profile.terms.count == (try Self.merge("")).profile.terms.count + 2)
    #expect(
      effective.changes == [
        "set thresholds.relevance 9.5", "set thresholds.topic_sentences 2", "set regions.title 4",
        "weight sides.kazakhstan.en \"kazakhstan*\" 1.3 → 2.0",
        "add sides.kazakhstan.en \"qazaq*\" 0.9",
        "add topics.energy.en \"green hydrogen\" 1.5",
        "weight topics.energy.en \"oil*\" 0.8 → 0.3",
      ])
    #expect(effective.warnings.isEmpty)
  }

  @Test("The cooperation words can be added to, and disabled, like any section")
  func cooperationWords() throws {
    let base = Self.base().replacingOccurrences(
      of: "topics:\n", with: "cooperation:\n  en: {\"cooperat*\": 1.0}\ntopics:\n")
    let added = try Self.merge(
      "cooperation:\n  en: {\"partnership*\": 1.0}\nthresholds: {topic_cooperation_list: 3}",
      base: base)
    #expect(
      added.profile.terms.filter { $0.kind == .cooperation }.map(\.pattern).sorted() == [
        "cooperat*", "partnership*",
      ])
    #expect(added.profile.thresholds.topicCooperationList == 3)
    let disabled = try Self.merge("disable:\n  cooperation.en: [\"cooperat*\"]", base: base)
    #expect(!disabled.profile.terms.contains { $0.kind == .cooperation })
    #expect(disabled.warnings.isEmpty)
  }

  @Test("Disabled entries go, with every form, role and key-fact name; a missing one warns")
  func disable() throws {
    let override = """
      disable:
        topics.energy.en: ["pipeline{|s}", "gas"]
        actors.people.Ilham Aliyev.names: ["ilham aliyev"]
        key_facts.people.Jane Doe: "doe jane"
      """
    let effective = try Self.merge(override)
    let profile = effective.profile
    #expect(Self.weights(profile, "pipeline").isEmpty && Self.weights(profile, "pipelines").isEmpty)
    #expect(Self.weights(profile, "oil*") == [0.8])
    // The actor's spelling loses its side and leader roles and its key-fact name; the other
    // spellings stay.
    #expect(Self.weights(profile, "ilham aliyev").isEmpty)
    #expect(!Self.weights(profile, "ильхам алиев*").isEmpty)
    let aliyev = try #require(profile.entities.first { $0.name == "Ilham Aliyev" })
    #expect(!aliyev.patterns.contains("ilham aliyev") && aliyev.patterns.contains("ильхам алиев*"))
    #expect(profile.entities.first { $0.name == "Jane Doe" }?.patterns == ["jane doe"])
    #expect(!effective.entries.contains { $0.written == "pipeline{|s}" })
    // "gas" is not in the profile: a warning at its line and column, nothing else.
    #expect(
      effective.warnings.map(\.description) == [
        "profile.override.yaml:2:38: disable.topics.energy.en: the profile has no entry \"gas\" here; nothing disabled"
      ])
    #expect(effective.changes.count == 3)
  }

  @Test("Unknown sections, topics and languages, and bad weights are errors with file:line")
  func errors() throws {
    let override = """
      thresholds:
        relevanse: 7
      topic:
        energy: {en: {"x": 1}}
      topics:
        enrgy: {en: {"x": 1}}
        energy:
          en: {"wind": -1, "sun": heavy, "solar*": 1}
      disable:
        topics.enrgy.en: ["oil*"]
        sides.kazakhstan.xx: ["kazakhstan*"]
        topic.energy.en: ["oil*"]
      """
    do throws(ConfigError) {
      _ = try Self.merge(override)
      Issue.record("expected errors")
    } catch {
      let found = error.problems.map { "\($0.line ?? 0): \($0.message)" }
      let expected = [
        "2: thresholds: unknown key \"relevanse\" (did you mean \"relevance\"?)",
        "3: override: unknown key \"topic\" (did you mean \"topics\"?)",
        "6: topics: unknown key \"enrgy\" (did you mean \"energy\"?)",
        "8: topics.energy.en: \"wind\": weight -1.0 is outside 0 to 100",
        "8: topics.energy.en.sun: expected a number, found \"heavy\"",
        "10: disable: topics.enrgy.en: unknown topic \"enrgy\" (did you mean \"energy\"?)",
        "11: disable: sides.kazakhstan.xx: unknown language \"xx\" (expected one of: en, ru, kk, az, tr)",
      ]
      for line in expected { #expect(found.contains(line), "\(found)") }
      #expect(found.contains { $0.hasPrefix("12: disable: unknown section \"topic.energy.en\"") })
      #expect(error.problems.allSatisfy { $0.file == "profile.override.yaml" })
      #expect(found.count == expected.count + 1, "\(found)")
    }
  }

  @Test("The version: the profile's plus a hash of what the override declares")
  func version() throws {
    #expect(try Self.merge("# only comments\n").profile.version == "7")
    let one = try Self.merge("topics:\n  energy:\n    en: {\"wind\": 1.0}\n").profile.version
    let reformatted = try Self.merge(
      "# my change\ntopics:\n  energy:\n    en:\n      \"wind\": 1.0  # turbines\n"
    ).profile.version
    let other = try Self.merge("topics:\n  energy:\n    en: {\"wind\": 1.1}\n").profile.version
    #expect(one.hasPrefix("7+") && one.count == "7+".count + 8)
    #expect(reformatted == one)
    #expect(other != one)
    // A newer profile with the same override: the new version, the same override part.
    let upgraded = try Self.merge(
      "topics:\n  energy:\n    en: {\"wind\": 1.0}\n", base: Self.base(version: "8")
    ).profile.version
    #expect(upgraded == "8" + one.dropFirst(1))
  }

  @Test("The shipped profile is looked for in the documented order")
  func searchOrder() throws {
    let directory = try TemporaryDirectory()
    let executable = directory.path("opt/bin/kazaz-monitor")
    let share = directory.path("share-override")
    let candidates = ShippedProfile.candidates(
      environment: ["KAZAZ_SHARE_DIR": share.path], executable: executable
    ).map(\.path)
    #expect(
      candidates == [
        share.appendingPathComponent("profiles/kazaz.yaml").path,
        directory.path("opt/share/kazaz-monitor/profiles/kazaz.yaml").path,
        "/usr/local/share/kazaz-monitor/profiles/kazaz.yaml",
        "/usr/share/kazaz-monitor/profiles/kazaz.yaml",
      ])
    _ = try directory.write("version: \"1\"\n", to: "opt/share/kazaz-monitor/profiles/kazaz.yaml")
    #expect(
      ShippedProfile.locate(environment: ["KAZAZ_SHARE_DIR": share.path], executable: executable)
        == directory.path("opt/share/kazaz-monitor/profiles/kazaz.yaml").standardizedFileURL)
    // A relative KAZAZ_SHARE_DIR is ignored.
    #expect(
      ShippedProfile.candidates(environment: ["KAZAZ_SHARE_DIR": "share"], executable: executable)
        .count == 3)
    // A development build finds its checkout's profile before any installed one.
    let built = ProjectPaths.root().appendingPathComponent(".build/debug/kazaz-monitor")
    let development = ShippedProfile.candidates(environment: [:], executable: built).map(\.path)
    #expect(development[1] == ProjectPaths.profile.standardizedFileURL.path, "\(development)")
  }

  @Test("A config without profile: uses the shipped one; the override beside it is found")
  func configDefaults() throws {
    let directory = try TemporaryDirectory()
    let config = try directory.write("state_dir: state\nfeeds: []\n", to: "config.yaml")
    let plain = try ConfigLoader.load(path: config.path)
    #expect(!plain.profileNamed && plain.profileOverridePath == nil)
    #expect(plain.profilePath == ShippedProfile.locate())
    let override = try directory.write("thresholds: {relevance: 8}\n", to: "profile.override.yaml")
    let withOverride = try ConfigLoader.load(path: config.path)
    #expect(withOverride.profileOverridePath == override.standardizedFileURL)
    #expect(try withOverride.loadProfile().profile.thresholds.relevance == 8)

    let missing = try directory.write(
      "state_dir: state\nprofile_override: elsewhere.yaml\nfeeds: []\n", to: "other.yaml")
    #expect {
      try ConfigLoader.load(path: missing.path)
    } throws: { error in
      (error as? ConfigError)?.problems.contains {
        $0.line == 2 && $0.message.hasPrefix("profile_override: no such file")
      } == true
    }
  }
}
