/// The language of a digest's headings and fixed phrases. Feed text is never translated.
public enum DigestLanguage: String, Sendable, Equatable, CaseIterable {
  case en, ru
}
