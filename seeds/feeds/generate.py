#!/usr/bin/env python3
"""Builds the demo feeds that carry the seed articles.

seeds.rss       RSS 2.0, UTF-8: all five seed articles.
seeds-ru.atom   Atom 1.0, windows-1251: the Russian seed articles (the same links, so the
                store recognises them as the same articles seen in a second feed).

Each item links to its seed document relatively (../NAME.txt), which exercises relative-link
resolution against the feed's own URL. The item text is the seed document, unchanged.
Run from anywhere: python3 seeds/feeds/generate.py
"""
import html
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SEEDS = HERE.parent

# (file, headline, publication date RFC 822, ISO 8601, language)
ARTICLES = [
    ("000_147e4d85de009f7b.txt",
     "Kazakhstan contributes to restoration of Azerbaijan's liberated territories",
     "Tue, 24 Oct 2023 10:00:00 +0400", "2023-10-24T10:00:00+04:00", "en"),
    ("001_c14ffcdf8b389b8e.txt",
     "Days of Kazakhstan's Culture held in Baku to strengthen Kazakh-Azerbaijani ties",
     "Thu, 07 Dec 2023 09:00:00 +0500", "2023-12-07T09:00:00+05:00", "en"),
    ("002_58e26b7787be12d2.txt",
     "Kazakh media on President Ilham Aliyev's visit to Kazakhstan",
     "Tue, 11 Apr 2023 12:00:00 +0400", "2023-04-11T12:00:00+04:00", "en"),
    ("003_4f549373d339ee6f.txt",
     "Президенты Казахстана и Азербайджана провели переговоры",
     "Mon, 10 Apr 2023 18:16:00 +0600", "2023-04-10T18:16:00+06:00", "ru"),
    ("004_9f607f64556bb836.txt",
     "В Баку состоялось заседание Казахстанско-азербайджанского экспертного совета",
     "Sat, 30 Mar 2024 12:00:00 +0400", "2024-03-30T12:00:00+04:00", "ru"),
]


def text_of(name):
    return (SEEDS / name).read_text(encoding="utf-8")


def rss():
    items = []
    for name, title, rfc822, _, _ in ARTICLES:
        body = text_of(name).replace("]]>", "]]]]><![CDATA[>")
        items.append(f"""    <item>
      <title>{html.escape(title, quote=False)}</title>
      <link>../{name}</link>
      <guid isPermaLink="false">kazaz-seed-{name[:3]}</guid>
      <pubDate>{rfc822}</pubDate>
      <description><![CDATA[{body}]]></description>
    </item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>kazaz-monitor seed articles</title>
    <link>https://github.com/kazaz-monitor/kazaz-monitor</link>
    <description>The five articles the product was conceived from, as a feed.</description>
    <language>en</language>
    <ttl>60</ttl>
{chr(10).join(items)}
  </channel>
</rss>
"""


def atom():
    entries = []
    for name, title, _, iso, lang in ARTICLES:
        if lang != "ru":
            continue
        entries.append(f"""  <entry>
    <title>{html.escape(title, quote=False)}</title>
    <link rel="alternate" href="../{name}"/>
    <id>urn:kazaz-monitor:seed:{name[:3]}</id>
    <published>{iso}</published>
    <updated>{iso}</updated>
    <content type="text">{html.escape(text_of(name), quote=False)}</content>
  </entry>""")
    return f"""<?xml version="1.0" encoding="windows-1251"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
  <title>Сид-статьи kazaz-monitor (по-русски)</title>
  <id>urn:kazaz-monitor:seeds:ru</id>
  <updated>2024-03-30T12:00:00+04:00</updated>
{chr(10).join(entries)}
</feed>
"""


(HERE / "seeds.rss").write_text(rss(), encoding="utf-8")
# Characters outside windows-1251 (Kazakh letters, some symbols) become numeric references.
(HERE / "seeds-ru.atom").write_bytes(atom().encode("cp1251", errors="xmlcharrefreplace"))
print("wrote", HERE / "seeds.rss", "and", HERE / "seeds-ru.atom")
