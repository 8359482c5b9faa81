import Foundation
import KazazModel
import KazazText

/// Every human-readable line the commands print goes through `say` or `printError`, which show
/// terminal controls as visible escapes (`TerminalText`): titles, links, authors and error
/// messages come from feeds and must not drive the reader's terminal. Fields printed within one
/// line are made safe on their own as well (`terminalSafe`), so that a line break inside a title
/// cannot start a line of output that the command did not write. JSON output goes through
/// `sayJSON`, which keeps it valid JSON.

/// Prints `text` (one or more lines) on standard output.
func say(_ text: String) {
  print(TerminalText.safe(text, keepingLineBreaks: true))
}

/// Prints one line of JSON on standard output.
func sayJSON(_ line: String) {
  print(TerminalText.safeJSON(line))
}

extension String {
  /// The string as one line, safe to print on a terminal.
  var terminalSafe: String { TerminalText.safe(self) }
}

extension Optional<String> {
  /// The string as one line, safe to print on a terminal, or `placeholder` when absent.
  func terminalSafe(or placeholder: String) -> String {
    self.map { TerminalText.safe($0) } ?? placeholder
  }
}
