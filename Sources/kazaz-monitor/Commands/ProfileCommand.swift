import ArgumentParser
import Foundation
import KazazClassify
import KazazConfig
import KazazModel

/// `kazaz-monitor profile …`: tools for the classifier profile file itself.
struct ProfileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profile",
    abstract: "Check the classifier profile, or show which files make it.",
    subcommands: [ProfileLintCommand.self, ProfileShowCommand.self])
}

struct ProfileLintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Report profile entries that fit a few documents rather than the language.",
    discussion: """
      Reports, with the file and line of each entry: patterns that match only one document of \
      the corpora (single) or none (unused), people's and events' names outside the people and \
      organisations list (name), stems whose matches in a language they were not written for \
      are mostly other words (foreign), negative patterns nested in one another, which all \
      count (nested-negative), and Kazakh, Azerbaijani and Turkish stems that miss the voiced \
      form of their last consonant before a vowel, "қауіпсіздігі" for қауіпсіздік* \
      (alternation). Without --corpus only the name, nested-negative and alternation rules run.

      A finding is accepted by a comment in the profile: "# lint: reason" on the entry's line, \
      or "# lint(rule, rule): reason" for some rules only; on a line of its own, the comment \
      covers the entries below it up to the next blank line or the end of their list, except \
      entries weighing less than 0.2 (phrases that cancel a word), which need their own. The \
      exit status is 1 when a finding is not accepted or a lint comment is malformed.

      A corpus is a folder with docs/*.txt (and labels.json for the documents' languages); \
      DIR:LIST reads only the files LIST names (one per line), e.g. the tune part of an \
      evaluation set, so that a held-out part is never read.
      """)

  @OptionGroup var profileOptions: ProfileOptions

  @Option(
    name: .customLong("corpus"),
    help: "A corpus folder (DIR, or DIR:LIST for the files LIST names); repeatable.")
  var corpora: [String] = []

  @Flag(help: "Also print the findings the profile justifies, with their reasons.")
  var showJustified = false

  func run() throws {
    let path = try ProfileLocator.locate(explicit: profileOptions.profile)
    let source: (profile: ClassifierProfile, entries: [ProfileEntrySource], text: String)
    do {
      source = try ProfileLoader.loadSource(path: path)
    } catch {
      printError(error.description)
      throw ExitCode(78)
    }
    var loaded: [LintCorpus] = []
    for spec in corpora {
      do {
        loaded.append(try Self.corpus(spec))
      } catch {
        printError("\(error)")
        throw ExitCode.failure
      }
    }
    let report = ProfileLint(entries: source.entries, text: source.text, corpora: loaded).run()
    for finding in report.findings where showJustified || finding.justification == nil {
      var line =
        "\(path):\(finding.entry.line): \(finding.rule.rawValue): \"\(finding.entry.written)\" (\(finding.entry.section)) \(finding.message)"
      if let reason = finding.justification { line += " [justified: \(reason)]" }
      print(line)
    }
    for problem in report.problems { print("\(path): \(problem)") }
    let unjustified = report.unjustified
    var counts: [String] = []
    for rule in ProfileLint.Rule.allCases {
      let all = report.findings.filter { $0.rule == rule }
      guard !all.isEmpty else { continue }
      let open = all.filter { $0.justification == nil }.count
      counts.append("\(rule.rawValue) \(open) of \(all.count)")
    }
    let corpusNote =
      report.documents == 0
      ? "no corpus: the single, unused and foreign rules did not run"
      : "\(report.documents) documents"
    print(
      "\(source.entries.count) entries, \(corpusNote); \(unjustified.count) findings not justified"
        + (counts.isEmpty ? "" : " (\(counts.joined(separator: ", ")))")
        + (report.problems.isEmpty ? "" : "; \(report.problems.count) malformed lint comments"))
    if !unjustified.isEmpty || !report.problems.isEmpty { throw ExitCode.failure }
  }

  /// `DIR` or `DIR:LIST`.
  static func corpus(_ spec: String) throws -> LintCorpus {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return try LintCorpus.load(directory: URL(fileURLWithPath: spec))
    }
    guard let colon = spec.lastIndex(of: ":") else {
      throw ValidationError("\(spec): not a folder")
    }
    let directory = String(spec[..<colon])
    let list = String(spec[spec.index(after: colon)...])
    let names = LabelledCorpus.parseList(try String(contentsOfFile: list, encoding: .utf8))
    return try LintCorpus.load(directory: URL(fileURLWithPath: directory), selection: names)
  }
}
