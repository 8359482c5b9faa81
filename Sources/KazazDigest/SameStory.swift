import Foundation
import KazazModel

/// Merges items that are the same story told by several sources: the same story in the store
/// (near-duplicate text, or one event reported in several languages), or the same normalised
/// headline (without the site's name, `Headline`; case, punctuation and spacing ignored; at least `minimumTitleLength` characters, so
/// "News" headlines never merge). The best-ranked item stands for the story; the others become
/// "also reported by". Items with the same canonical URL never reach the digest twice: the store
/// keeps only the first.
enum SameStory {
  static let minimumTitleLength = 20

  struct Story {
    var item: StoredItem
    var others: [Digest.Source]
  }

  /// `ranked` is best first; the result keeps that order.
  static func merge(_ ranked: [StoredItem]) -> [Story] {
    var stories: [Story] = []
    var indexByKey: [String: Int] = [:]
    for item in ranked {
      let headline = item.title.map {
        Headline.tidy($0, feedTitle: item.feedTitle, feedURL: item.feedURL, language: item.language)
      }
      let keys = [item.storyID.map { "story:\($0)" }, normalizedTitle(headline)].compactMap { $0 }
      if let index = keys.lazy.compactMap({ indexByKey[$0] }).first {
        let source = Digest.Source(
          name: item.feedTitle ?? DigestText.host(of: item.feedURL), feedURL: item.feedURL,
          link: item.url)
        if source.feedURL != stories[index].item.feedURL
          && !stories[index].others.contains(where: { $0.feedURL == source.feedURL })
        {
          stories[index].others.append(source)
        }
        for key in keys where indexByKey[key] == nil { indexByKey[key] = index }
        continue
      }
      for key in keys { indexByKey[key] = stories.count }
      stories.append(Story(item: item, others: []))
    }
    return stories
  }

  static func normalizedTitle(_ title: String?) -> String? {
    guard let title else { return nil }
    let words = title.lowercased().split { !($0.isLetter || $0.isNumber) }
    let key = words.joined(separator: " ")
    return key.count >= minimumTitleLength ? key : nil
  }
}
