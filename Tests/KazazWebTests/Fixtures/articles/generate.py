#!/usr/bin/env python3
"""Builds the extraction test pages: NAME.html (a news page in one of several real-world agency
layouts, with menus, "read also" blocks, "most read" lists, comments, cookie banners) and
NAME.expected.txt (the article text, one paragraph per line). Run from this folder:
python3 generate.py. The texts are in articles.py."""
import html, json
from articles import ARTICLES

NL = "\n"

NOISE = {
 "en": dict(
  menu=["Home", "Politics", "Economy", "World", "Sport", "Culture", "Opinion", "Video"],
  most=["Central bank keeps base rate unchanged", "New airport terminal opens in Shymkent",
        "Tenge strengthens against the dollar", "Hockey team wins away match in Omsk",
        "Parliament approves budget amendments"],
  most_title="Most read", related_title="Related news", read_also="Read also:",
  comments_title="Comments", comments=[
   "I have been waiting for this for years, finally some real progress on the route.",
   "Nice words, but let us see what actually happens, the last agreement changed nothing.",
   "Does anyone know whether passenger ferries will also run on this line?"],
  form="Leave a comment", name_label="Your name", send="Send",
  cookie="We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.",
  cookie_ok="Accept", footer="© 2026 News Agency. All rights reserved. Reproduction only with a hyperlink to the source.",
  contacts="Contacts | Advertising | About us | Privacy policy", tags="Tags:", share="Share:",
  subscribe="Subscribe to our newsletter and get the main news of the day every morning.",
  photo="Photo: press service", error="Found a mistake? Select it and press Ctrl+Enter"),
 "ru": dict(
  menu=["Главная", "Политика", "Экономика", "Общество", "В мире", "Спорт", "Культура", "Видео"],
  most=["Нацбанк сохранил базовую ставку", "В Шымкенте открыли новый терминал аэропорта",
        "Тенге укрепился к доллару", "Хоккеисты выиграли выездной матч в Омске",
        "Мажилис одобрил поправки в бюджет"],
  most_title="Самое читаемое", related_title="Новости по теме", read_also="Читайте также:",
  comments_title="Комментарии", comments=[
   "Давно пора, наконец-то что-то сдвинулось с места, посмотрим, как будет работать.",
   "Красивые слова, но после прошлого соглашения ничего не изменилось, цены только растут.",
   "А пассажирский паром будет ходить по этой линии или только грузовые суда?"],
  form="Оставить комментарий", name_label="Ваше имя", send="Отправить",
  cookie="Мы используем файлы cookie, чтобы сайт работал удобнее. Продолжая пользоваться сайтом, вы соглашаетесь с этим.",
  cookie_ok="Принять", footer="© 2026 Информационное агентство. Все права защищены. При использовании материалов гиперссылка обязательна.",
  contacts="Контакты | Реклама | О нас | Политика конфиденциальности", tags="Теги:", share="Поделиться:",
  subscribe="Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать главные новости.",
  photo="Фото: пресс-служба", error="Нашли ошибку в тексте? Выделите ее и нажмите Ctrl+Enter"),
}

def paragraphs(body):
    return [line.strip() for line in body.strip().split("\n") if line.strip()]

def expected(body):
    out = []
    for line in paragraphs(body):
        for marker in ("## ", "- ", "> "):
            if line.startswith(marker):
                line = line[len(marker):]
        out.append(line)
    return "\n".join(out) + "\n"

def with_link(text, href="/news/12345"):
    """Wraps the fourth to sixth words of a paragraph in a link, as agencies do."""
    words = text.split(" ")
    if len(words) < 10:
        return html.escape(text, quote=False)
    a, b, c = " ".join(words[:3]), " ".join(words[3:6]), " ".join(words[6:])
    return f'{html.escape(a, quote=False)} <a href="{href}">{html.escape(b, quote=False)}</a> {html.escape(c, quote=False)}'

def body_html(body, link_every=2, tag_p="p"):
    out, in_list = [], False
    for i, line in enumerate(paragraphs(body)):
        if line.startswith("- "):
            if not in_list:
                out.append("<ul>"); in_list = True
            out.append(f"<li>{html.escape(line[2:], quote=False)}</li>")
            continue
        if in_list:
            out.append("</ul>"); in_list = False
        if line.startswith("## "):
            out.append(f"<h2>{html.escape(line[3:], quote=False)}</h2>")
        elif line.startswith("> "):
            out.append(f"<blockquote><p>{html.escape(line[2:], quote=False)}</p></blockquote>")
        else:
            text = with_link(line) if i % link_every == 1 else html.escape(line, quote=False)
            out.append(f"<{tag_p}>{text}</{tag_p}>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)

def menu(n, cls="main-menu"):
    items = "".join(f'<li><a href="/{i}">{html.escape(x)}</a></li>' for i, x in enumerate(n["menu"]))
    return f'<ul class="{cls}">{items}</ul>'

def most_read(n, cls="most-read"):
    items = "".join(f'<li><a href="/news/{900+i}">{html.escape(x)}</a><span class="date">24.11.2026</span></li>'
                    for i, x in enumerate(n["most"]))
    return f'<div class="{cls}"><h3>{n["most_title"]}</h3><ol>{items}</ol></div>'

def comments(n):
    items = "".join(
        f'<div class="comment-item"><div class="comment-author">user{i}</div><p class="comment-text">{html.escape(c)}</p></div>'
        for i, c in enumerate(n["comments"]))
    return (f'<section id="comments" class="article-comments"><h3>{n["comments_title"]} (3)</h3>{items}'
            f'<form action="/comment" method="post"><p>{n["form"]}</p><label>{n["name_label"]}</label>'
            f'<input name="name"><textarea name="text"></textarea><button>{n["send"]}</button></form></section>')

def head(a, charset_tag, extra=""):
    return (f'<!DOCTYPE html>\n<html lang="{a["lang"]}">\n<head>\n{charset_tag}\n'
            f'<title>{html.escape(a["title"])} | NewsAgency</title>\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n{extra}'
            f'<link rel="stylesheet" href="/static/site.css">\n'
            f'<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>\n'
            f'</head>\n')

def layout_agency(a, n):
    meta = (f'<meta property="og:title" content="{html.escape(a["title"])}">\n'
            f'<meta property="article:published_time" content="{a["date"]}">\n'
            f'<meta name="author" content="{html.escape(a["author"])}">\n')
    ps = paragraphs(a["body"])
    first, rest = "\n".join(ps[:2]), "\n".join(ps[2:])
    return head(a, '<meta charset="utf-8">', meta) + f'''<body class="page-article">
<div class="cookie-notice" id="cookie-banner"><p>{n["cookie"]}</p><button>{n["cookie_ok"]}</button></div>
<header class="site-header"><a class="logo" href="/"><img src="/logo.svg" alt="NewsAgency"></a>{menu(n)}
<form class="search-form"><input name="q"></form></header>
<div class="breadcrumbs"><a href="/">{n["menu"][0]}</a> / <a href="/economy">{n["menu"][2]}</a></div>
<div class="container">
<div class="col-main">
<h1 class="article-title">{html.escape(a["title"])}</h1>
<div class="article-meta"><span class="author">{html.escape(a["author"])}</span> <span class="date">20 November 2026, 09:15</span></div>
<figure class="article-image"><img src="/img/1.jpg" alt=""><figcaption>{n["photo"]}</figcaption></figure>
<div class="article-body">
{body_html(first)}
<p class="read-also-inline"><strong>{n["read_also"]}</strong> <a href="/news/777">{html.escape(n["most"][1])}</a></p>
{body_html(rest, link_every=3)}
<p class="error-report">{n["error"]}</p>
</div>
<div class="tags">{n["tags"]} <a href="/tag/1">Kazakhstan</a> <a href="/tag/2">Azerbaijan</a></div>
<div class="share-buttons">{n["share"]} <a href="#">Facebook</a> <a href="#">Telegram</a> <a href="#">X</a></div>
<div class="subscribe-box"><p>{n["subscribe"]}</p></div>
{comments(n)}
</div>
<aside class="col-side">{most_read(n)}<div class="banner-300"><a href="/ads"><img src="/b.gif"></a></div></aside>
</div>
<footer class="site-footer"><p>{n["contacts"]}</p><p>{n["footer"]}</p></footer>
</body>
</html>
'''

def layout_html5(a, n):
    return head(a, '<meta charset="utf-8">', f'<meta property="og:title" content="{html.escape(a["title"])}">\n') + f'''<body>
<nav class="top">{menu(n, "nav-list")}</nav>
<main>
<article>
<header><h1>{html.escape(a["title"])}</h1>
<p class="byline">{html.escape(a["author"])} · <time datetime="{a["date"]}">{a["date"][:10]}</time></p></header>
{body_html(a["body"])}
<footer class="article-footer"><a href="/tag/1">#news</a></footer>
</article>
<aside class="related"><h2>{n["related_title"]}</h2><ul>{"".join(f'<li><a href="/n/{i}">{html.escape(x)}</a></li>' for i, x in enumerate(n["most"][:3]))}</ul></aside>
</main>
<footer><p>{n["footer"]}</p></footer>
<div class="gdpr-consent"><p>{n["cookie"]}</p></div>
</body>
</html>
'''

def layout_blog(a, n):
    return head(a, '<meta charset="utf-8">', f'<meta name="author" content="{html.escape(a["author"])}">\n<meta name="pubdate" content="{a["date"]}">\n') + f'''<body>
<div id="page">
<div id="masthead"><div class="site-title"><a href="/">Corridor Notes</a></div>{menu(n, "menu")}</div>
<div id="content" class="site-content">
<div class="post hentry">
<h1 class="entry-title">{html.escape(a["title"])}</h1>
<div class="entry-meta">Posted by {html.escape(a["author"])} on {a["date"][:10]}</div>
<div class="entry-content">
{body_html(a["body"])}
</div>
<div class="sharedaddy"><h3>{n["share"]}</h3><a href="#">Facebook</a><a href="#">Telegram</a></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>{n["related_title"]}</h3><p><a href="/p/1">{html.escape(n["most"][0])}</a></p><p><a href="/p/2">{html.escape(n["most"][3])}</a></p></div>
{comments(n)}
</div>
<div id="secondary" class="widget-area sidebar">
<div class="widget"><h3>{n["most_title"]}</h3><ul>{"".join(f'<li><a href="/p/{i}">{html.escape(x)}</a></li>' for i, x in enumerate(n["most"]))}</ul></div>
<div class="widget"><p>{n["subscribe"]}</p></div>
</div>
</div>
<div id="colophon" class="site-footer"><p>{n["footer"]}</p></div>
</div>
</body>
</html>
'''

def layout_jsonld(a, n):
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "NewsAgency", "url": "https://news.example/"},
        {"@type": "NewsArticle", "headline": a["title"], "datePublished": a["date"],
         "author": [{"@type": "Person", "name": a["author"]}], "articleBody": expected(a["body"]).strip()}]}
    script = '<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + '</script>\n'
    lead = paragraphs(a["body"])[0]
    return head(a, '<meta charset="utf-8">', script) + f'''<body>
<div id="app">
<header class="app-header">{menu(n)}</header>
<div class="app-loading"><p>Loading…</p></div>
<div class="teaser"><h1>{html.escape(a["title"])}</h1><p class="lead">{html.escape(lead[:90])}…</p></div>
<div class="popular-now">{most_read(n, "list")}</div>
</div>
<noscript>Please enable JavaScript to read this article.</noscript>
<script src="/static/app.js"></script>
</body>
</html>
'''

def layout_sidebar(a, n):
    # The outer wrapper is named after its sidebar: it must not be dropped as furniture.
    return head(a, '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
                f'<meta property="og:title" content="{html.escape(a["title"])}">\n<meta property="article:published_time" content="{a["date"]}">\n') + f'''<body>
<div id="top-menu" class="navbar">{menu(n)}</div>
<div class="layout content-with-sidebar">
<div class="news-item">
<h1>{html.escape(a["title"])}</h1>
<div class="news-date">{a["date"][:10]}</div>
<div class="news-text">
{body_html(a["body"])}
</div>
<div class="news-source">Source: <a href="https://gov.example">official website</a></div>
</div>
<div class="sidebar">
{most_read(n, "block-popular")}
<div class="widget-subscribe"><p>{n["subscribe"]}</p></div>
<div class="widget-poll"><p>Should the Caspian ferries run on a fixed timetable, even if some sail half empty, to make the route predictable?</p><label><input type="radio"> Yes</label><label><input type="radio"> No</label></div>
</div>
</div>
<div class="footer"><p>{n["footer"]}</p><p>{n["contacts"]}</p></div>
</body>
</html>
'''

def layout_related_mid(a, n):
    ps = paragraphs(a["body"])
    half = (len(ps) + 1) // 2
    related = "".join(f'<li><a href="/n/{i}">{html.escape(x)}</a></li>' for i, x in enumerate(n["most"][:3]))
    part1, part2 = body_html(NL.join(ps[:half])), body_html(NL.join(ps[half:]), link_every=4)
    return head(a, '<meta charset="UTF-8">', f'<meta property="og:title" content="{html.escape(a["title"])}">\n<meta name="author" content="{html.escape(a["author"])}">\n<meta itemprop="datePublished" content="{a["date"]}">\n') + f'''<body>
<div class="header">{menu(n, "header-menu")}<div class="currency">USD 472.10 EUR 498.30 RUB 5.12</div></div>
<div class="main">
<div class="material" itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{html.escape(a["title"])}</h1>
<div class="material-body" itemprop="articleBody">
{part1}
<div class="related-inline"><div class="related-title">{n["related_title"]}</div><ul>{related}</ul></div>
{part2}
</div>
<div class="social-share">{n["share"]} <a href="#">VK</a> <a href="#">Telegram</a></div>
</div>
<div class="right-column">{most_read(n, "mostread")}</div>
</div>
<div class="bottom"><p>{n["footer"]}</p></div>
<div class="cookies-bar">{n["cookie"]} <a href="#">{n["cookie_ok"]}</a></div>
</body>
</html>
'''

def layout_agency_ru(a, n):
    # windows-1251, declared by http-equiv: the Russian agency page of the seeds' shape.
    extra = ""
    if "jsonld" in a["slug"]:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
              "datePublished": a["date"], "author": {"@type": "Person", "name": a["author"]}}
        extra = '<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + '</script>\n'
    ps = paragraphs(a["body"])
    part1, part2 = body_html(NL.join(ps[1:3])), body_html(NL.join(ps[3:]), link_every=3)
    return head(a, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', extra) + f'''<body>
<div id="header"><div class="logo">Агентство</div>{menu(n, "menu-top")}<div class="date-now">25.11.2026</div></div>
<table class="layout"><tr>
<td class="left-col">{menu(n, "rubrics")}</td>
<td class="center-col">
<div class="news-view">
<div class="news-date">{a["date"][8:10]}.{a["date"][5:7]}.{a["date"][:4]}, {a["date"][11:16]}</div>
<h1>{html.escape(a["title"])}</h1>
<div class="photo"><img src="/p.jpg"><div class="photo-source">{n["photo"]}</div></div>
<div class="news-text">
<p><b>{html.escape(ps[0])}</b></p>
{part1}
<div class="read-also"><b>{n["read_also"]}</b> <a href="/n/55">{html.escape(n["most"][2])}</a></div>
{part2}
<p>{n["error"]}</p>
</div>
<div class="news-tags">{n["tags"]} <a href="/t/1">Азербайджан</a></div>
</div>
{comments(n)}
<div class="news-related"><h3>{n["related_title"]}</h3>{"".join(f'<p><a href="/n/{i}">{html.escape(x)}</a></p>' for i, x in enumerate(n["most"][:3]))}</div>
</td>
<td class="right-col">{most_read(n, "popular-news")}<div class="opinion-poll"><h3>Ваше мнение</h3><p>Считаете ли вы, что транспортный налог должен использоваться строго по назначению, а отчетность по нему должна быть в открытом доступе?</p></div></td>
</tr></table>
<div id="footer"><p>{n["footer"]}</p></div>
</body>
</html>
'''

def layout_table_ru(a, n):
    # Old-style: text in a div separated by <br><br>, meta charset, no <p>.
    ps = paragraphs(a["body"])
    text = ("<br><br>" + NL).join(html.escape(p, quote=False) for p in ps)
    return head(a, '<meta charset="windows-1251">', f'<meta name="author" content="{html.escape(a["author"])}">\n') + f'''<body bgcolor="#ffffff">
<table width="100%"><tr><td colspan="2" class="top">{menu(n, "topmenu")}</td></tr>
<tr><td width="200" valign="top" class="leftmenu">{menu(n, "menu-left")}{most_read(n, "mostread")}</td>
<td valign="top">
<h1>{html.escape(a["title"])}</h1>
<div class="date">{a["date"][:10]}</div>
<div class="text">
{text}
</div>
<div class="print"><a href="?print=1">Версия для печати</a></div>
{comments(n)}
</td></tr></table>
<div class="copyright">{n["footer"]}</div>
</body>
</html>
'''

LAYOUTS = {k[len("layout_"):]: v for k, v in globals().items() if k.startswith("layout_")}

for a in ARTICLES:
    page = LAYOUTS[a["layout"]](a, NOISE[a["lang"]])
    encoding = a.get("encoding", "utf-8")
    with open(a["slug"] + ".html", "wb") as f:
        f.write(page.encode(encoding))
    with open(a["slug"] + ".expected.txt", "w", encoding="utf-8") as f:
        f.write(expected(a["body"]))
    # What the page itself declares (meta tags, JSON-LD, <time>), to check metadata extraction.
    declares = {"agency": "tpa", "html5": "tp", "blog": "tpa", "jsonld": "tpa", "sidebar": "tp",
                "related_mid": "tpa", "table_ru": "ta",
                "agency_ru": "tpa" if "jsonld" in a["slug"] else "t"}[a["layout"]]
    meta = {"title": a["title"]}
    if "p" in declares: meta["published"] = a["date"]
    if "a" in declares: meta["author"] = a["author"]
    with open(a["slug"] + ".meta.json", "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
        f.write("\n")
print(len(ARTICLES), "pages")
