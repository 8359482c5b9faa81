import ArgumentParser
import Foundation
import KazazConfig
import KazazService
import KazazStore

struct BackupCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract:
      "Write a consistent, compacted copy of the store to PATH (safe while the daemon runs).")

  @OptionGroup var options: ConfigOptions

  @Argument(help: "The backup file to create (must not exist).")
  var path: String

  func run() async throws {
    let config = try options.load()
    let monitor = try Monitor.openForQueries(
      config: config, logger: LoggingBootstrap.logger(level: config.logLevel))
    defer { monitor.shutdown() }
    do {
      try monitor.backup(to: path)
    } catch {
      printError("\(path): \(error)")
      throw ExitCode.failure
    }
    say(path)
  }
}

struct IngestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Add local plain-text articles to the store, as items of the manual source.",
    discussion:
      "The first non-empty line of a file is its headline. A file added twice is stored once.")

  @OptionGroup var options: ConfigOptions

  @Argument(help: "Article files (UTF-8 or windows-1251).")
  var paths: [String]

  func run() async throws {
    let config = try options.load()
    var articles: [(path: String, text: String)] = []
    for path in paths {
      do {
        articles.append((path, try ArticleFile.read(path)))
      } catch {
        printError("\(path): cannot read the file")
        throw ExitCode.failure
      }
    }
    let monitor = try Monitor.open(
      config: config, logger: LoggingBootstrap.logger(level: config.logLevel))
    defer { monitor.shutdown() }
    let commit = try monitor.ingest(articles: articles)
    say(
      "\(commit.inserted) added (\(commit.relevant) relevant), \(commit.duplicates) already stored")
  }
}

struct PruneCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prune",
    abstract: "Apply the retention policy now (the daemon does this daily).")

  @OptionGroup var options: ConfigOptions

  func run() async throws {
    let config = try options.load()
    let monitor = try Monitor.open(
      config: config, logger: LoggingBootstrap.logger(level: config.logLevel))
    defer { monitor.shutdown() }
    let report = try monitor.applyRetention()
    say(
      "\(report.prunedItems) irrelevant items pruned\(report.vacuumed ? "; store compacted" : "")")
  }
}
