import ArgumentParser
import Foundation
import KazazFetch
import KazazModel
import KazazService

/// `mail-test`: sends a test message through the configured SMTP server and shows the session.
struct MailTestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mail-test",
    abstract: "Send a test message through delivery.email and show the SMTP session.",
    discussion: """
      Sends one short message to each recipient in delivery.email.to (or to --to) the way \
      digests are sent, printing the SMTP conversation (the credentials hidden) and the \
      outcome. Exit status 0 when the server accepted every message, 1 otherwise.
      """)

  @OptionGroup var options: ConfigOptions

  @Option(help: "Send to this address instead of the configured recipients.")
  var to: String?

  func run() async throws {
    let config = try options.load()
    var recipient: MailAddress?
    if let to {
      guard let address = MailAddress(parsing: to) else {
        throw ValidationError("--to: \"\(to)\" is not an e-mail address")
      }
      recipient = address
    }
    let results: [(recipient: String, outcome: SMTPOutcome)]
    do {
      results = try await MailTest.run(config: config, to: recipient)
    } catch {
      printError("\(error)")
      throw ExitCode.failure
    }
    var failed = false
    for (address, outcome) in results {
      say("to \(address):")
      for line in outcome.transcript { say("  \(line)") }
      if let error = outcome.error {
        failed = true
        say("FAILED: \(error)")
      } else {
        say("OK: the server accepted the message for \(address)")
      }
    }
    if failed { throw ExitCode.failure }
  }
}
