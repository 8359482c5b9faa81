import ArgumentParser
import Foundation
import KazazClassify
import KazazConfig
import KazazModel

struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score the classifier on a labelled set (a folder with labels.json and docs/).",
    discussion: """
      Borderline documents are excluded. Prints relevance precision, recall and F1 (overall and \
      per language), the same for the naive rule "both countries are named", topic scores \
      micro-averaged over the relevant documents (overall and per language) and per topic, \
      topics per document, the primary-topic accuracy (where the labels carry "primary"; per \
      language too), and every misclassified file with its evidence.
      """)

  @Flag(help: "Print the report as one JSON object.")
  var json = false

  @OptionGroup var profileOptions: ProfileOptions

  @Option(help: "Evaluate only the files named in LIST (one file name per line, # comments).")
  var files: String?

  @Flag(help: "With --files: evaluate every file except those listed.")
  var exclude = false

  @Argument(help: "The labelled set's folder.")
  var directory: String

  func run() throws {
    let (profilePath, classifier) = try profileOptions.loadClassifier()
    if exclude && files == nil { throw ValidationError("--exclude needs --files LIST") }
    let folder = URL(fileURLWithPath: directory)
    var documents: [LabelledDocument]
    do {
      documents = try LabelledCorpus.labels(in: folder)
      if let files {
        let list = try String(contentsOfFile: files, encoding: .utf8)
        documents = LabelledCorpus.select(
          documents, names: LabelledCorpus.parseList(list), excluding: exclude)
      }
    } catch {
      printError("\(error)")
      throw ExitCode.failure
    }
    let baseline = BothCountriesRule()
    var evaluated: [EvaluatedDocument] = []
    for document in documents {
      let path = folder.appendingPathComponent(document.file).path
      let text: String
      do {
        text = try ArticleFile.read(path)
      } catch {
        printError("\(path): \(error)")
        throw ExitCode.failure
      }
      evaluated.append(
        EvaluatedDocument(
          label: document, classification: classifier.classify(text: text),
          baselineRelevant: baseline.mentionsBoth(text)))
    }
    let report = EvaluationReport(evaluated)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      sayJSON(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      say("profile: \(profilePath) (version \(classifier.profile.version))")
      say(report.renderText())
    }
  }
}
