import ArgumentParser
import Foundation
import KazazClassify
import KazazConfig
import KazazModel
import KazazService

struct ReclassifyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reclassify",
    abstract: "Classify stored items again after the profile changed.",
    discussion: """
      Reclassifies the items whose stored classification was made by another profile version \
      (the profile's `version`), or every item with --all, in batches of one transaction each.
      """)

  @OptionGroup var options: ConfigOptions

  @Flag(help: "Reclassify every item, whatever profile version classified it.")
  var all = false

  @Option(help: "Items per transaction.")
  var batchSize = 500

  func run() async throws {
    let config = try options.load()
    let monitor = try Monitor.open(
      config: config, logger: LoggingBootstrap.logger(level: config.logLevel))
    defer { monitor.shutdown() }
    let summary = try monitor.reclassify(all: all, batchSize: batchSize)
    say(
      "reclassified \(summary.items) items with profile version \(monitor.profileVersion) "
        + "in \(summary.batches) batches: \(summary.relevant) relevant, \(summary.changed) changed verdict"
    )
  }
}
