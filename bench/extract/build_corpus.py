#!/usr/bin/env python3
"""Rebuilds the extraction page set from public repositories, outside this repository.

Each page is an HTML file from an openly licensed test suite with the text its authors expect:

  mozilla/readability        Apache-2.0  test/test-pages/<name>/source.html + expected.html
  AndyTheFactory/newspaper4k MIT         tests/data/html/<name>.html + tests/data/txt/<name>.txt

and Russian-language news pages saved by other projects (scrapers' samples, other extractors' test
pages), whose expected text was labelled by hand for this set (LABELLED_PAGES); those labels are
kept outside the repository, one LABELS/<id>.txt a page, and only the page's address is listed here.

Usage: build_corpus.py CLONES OUT [--labels LABELS]
  CLONES  a folder holding a clone of each repository, named owner+name (mozilla+readability, …),
          checked out at the commit in SOURCES (`git clone … && git checkout COMMIT`); bare
          clones work too, since files are read with `git show COMMIT:path`.
  OUT     where pages go: OUT/pages/<id>.html, OUT/pages/<id>.txt, OUT/manifest.tsv
  LABELS  the folder of hand-made labels; without it the labelled pages are left out.

Pages whose URL the project's held-out list names must be removed afterwards with the hold-out
check; pages without a real URL (synthetic markup tests) are skipped. The split column puts
whole sites into `tune` or `holdout` (about 30 % held out), decided by a hash of the site.
"""
import gzip, hashlib, html, json, os, re, subprocess, sys
from html.parser import HTMLParser

SOURCES = {
    "mozilla+readability": ("ab4027a", "Apache-2.0"),
    "AndyTheFactory+newspaper4k": (None, "MIT"),
}

BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
         "blockquote", "pre", "section", "article", "figure", "figcaption", "ul", "ol",
         "table", "dd", "dt", "hr"}


class Text(HTMLParser):
    """The text of an expected.html, one block a line; scripts and styles left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.current, self.skip = [], [], 0

    def flush(self):
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)


def text_of(markup):
    parser = Text()
    parser.feed(markup)
    parser.close()
    parser.flush()
    return "\n".join(parser.lines)


def git_show(repo, commit, path):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout


def page_url(markup):
    for pattern in (r'<link[^>]+rel=["\']canonical["\'][^>]*href=["\']([^"\']+)',
                    r'<link[^>]+href=["\']([^"\']+)["\'][^>]*rel=["\']canonical',
                    r'<meta[^>]+property=["\']og:url["\'][^>]*content=["\']([^"\']+)',
                    r'<meta[^>]+content=["\']([^"\']+)["\'][^>]*property=["\']og:url'):
        found = re.search(pattern, markup, re.I)
        if found and found.group(1).startswith("http") and "fakehost" not in found.group(1):
            return html.unescape(found.group(1).strip())
    return None


def page_language(markup):
    found = re.search(r'<html[^>]*\blang=["\']?([A-Za-z]{2})', markup, re.I)
    return found.group(1).lower() if found else ""


def site_of(url):
    host = re.sub(r"^https?://", "", url).split("/")[0].lower()
    host = host[4:] if host.startswith("www.") else host
    parts = host.split(".")
    return ".".join(parts[-3:]) if len(parts) > 2 and len(parts[-1]) == 2 and parts[-2] in (
        "co", "com", "org", "net") else ".".join(parts[-2:])


def split_of(site):
    return "holdout" if int(hashlib.sha256(site.encode()).hexdigest(), 16) % 10 < 3 else "tune"


def resolve(repo, commit):
    ref = commit or "HEAD"
    return subprocess.run(["git", "-C", repo, "rev-parse", ref], check=True,
                          capture_output=True, text=True).stdout.strip()


# Real pages whose markup names no canonical URL, with the address the page itself links as its
# own (checked by hand).
KNOWN_URLS = {"archive-of-our-own": "https://archiveofourown.org/works/11808918"}


def readability(clones):
    repo = os.path.join(clones, "mozilla+readability")
    commit = resolve(repo, SOURCES["mozilla+readability"][0])
    names = subprocess.run(["git", "-C", repo, "ls-tree", "--name-only", commit,
                            "test/test-pages/"], check=True, capture_output=True,
                           text=True).stdout.split()
    for folder in names:
        name = folder.rsplit("/", 1)[-1]
        source = git_show(repo, commit, f"{folder}/source.html")
        markup = source.decode("utf-8", "replace")
        url = page_url(markup) or KNOWN_URLS.get(name)
        if not url:
            continue
        expected = text_of(git_show(repo, commit, f"{folder}/expected.html").decode("utf-8"))
        try:
            meta = json.loads(git_show(repo, commit, f"{folder}/expected-metadata.json"))
        except Exception:
            meta = {}
        lang = (meta.get("lang") or page_language(markup) or "en")[:2].lower()
        yield (f"rdb-{name}", lang, url, "mozilla/readability", commit,
               f"{folder}/source.html", "Apache-2.0", source, expected)


NEWSPAPER_PAGES = {
    "thai_article": ("https://prachatai.com/journal/2019/01/80642", "th"),
    "arabic_article": ("http://arabic.cnn.com/2013/middle_east/8/2/syria.clashes/index.html", "ar"),
    "spanish_article": ("http://ultimahora.es/mallorca/noticia/noticias/local/fiscalia-anticorrupcion-estudia-recurre-imputacion-infanta.html", "es"),
    "chinese_article": ("http://news.sohu.com/20050601/n225789219.shtml", "zh"),
    "japanese_article": ("https://www.nikkei.com/article/DGXMZO31897660Y8A610C1000000/?n_cid=DSTPCS001", "ja"),
    "japanese_article2": ("http://www.afpbb.com/articles/-/3178894", "ja"),
    "chinese_article_001": ("https://china.chinadaily.com.cn/a/202311/17/WS65571297a310d5acd876f404.html", "zh"),
    "chinese_article_002": ("http://www.news.cn/fortune/2023-11/17/c_1129981476.htm", "zh"),
    "latvian_article": ("https://www.lsm.lv/raksts/zinas/arzemes/norvegija-pec-zemes-nogruvuma-pieci-bojagajusie.a387519/", "lv"),
    "burmese_article": ("https://www.bbc.com/burmese/burma-45989453", "my"),
    "cnn_article": ("http://www.cnn.com/2013/11/27/travel/weather-thanksgiving/index.html", "en"),
    "cnn_001": ("https://www.cnn.com/2023/11/06/politics/alito-prelogar-supreme-court-analysis/index.html", "en"),
    "cnn_002": ("https://www.cnn.com/2023/11/06/politics/takeaways-trump-engoron-testimony-fraud-trial/index.html", "en"),
    "cnn_test_nlp": ("https://edition.cnn.com/2016/12/18/politics/bob-gates-rex-tillerson-trump-russia/index.html", "en"),
    "article_with_br": ("https://www.sott.net/article/434715-The-American-friends-New-court-files-expose-Sheldon-Adelsons-security-team-involved-in-US-spy-operation-against-Julian-Assange", "en"),
    "fox13now_001": ("https://www.fox13now.com/2013/12/30/new-year-new-laws-obamacare-pot-guns-and-drones", "en"),
    "time_001": ("https://time.com/6330957/james-hansen-climate-warning-geoengineering-study/", "en"),
    "video_article_01": ("http://www.cleveland.com/food/index.ssf/2014/12/let_me_google_that_for_you_201.html", "en"),
    "video_article_02": ("https://www.oneesports.gg/league-of-legends/t1-worlds-2023-champion/", "en"),
}


def newspaper(clones):
    repo = os.path.join(clones, "AndyTheFactory+newspaper4k")
    commit = resolve(repo, SOURCES["AndyTheFactory+newspaper4k"][0])
    for name, (url, lang) in NEWSPAPER_PAGES.items():
        try:
            source = git_show(repo, commit, f"tests/data/html/{name}.html")
            expected = git_show(repo, commit, f"tests/data/txt/{name}.txt").decode("utf-8")
        except subprocess.CalledProcessError:
            continue
        yield (f"np4k-{name.replace('_', '-')}", lang, url, "AndyTheFactory/newspaper4k",
               commit, f"tests/data/html/{name}.html", "MIT", source, expected)


# Pages labelled by hand: id, lang, URL (the page's canonical link), repository, commit, path,
# licence of the repository ("unstated" where it names none). Paths ending in .gz are stored
# gzip-compressed and are decompressed. The ltropin pages were saved by that project's tool, which
# rewrote every link as "text [URL]" (no <a> elements left); they are real page layouts but
# without link markup.
LABELLED_PAGES = [
    ("ru-lenta-baikal", "ru", "https://lenta.ru/articles/2019/09/12/baikal/", "ltropin/mini_readability", "e6298241d3a4e100291f2a563456ee04d2315364", "builded/lenta.ru/articles/2019/09/12/saved_page/baikal.html", "unstated"),
    ("ru-lenta-knopkodavi", "ru", "https://lenta.ru/news/2019/09/12/knopkodavi/", "ltropin/mini_readability", "e6298241d3a4e100291f2a563456ee04d2315364", "builded/lenta.ru/news/2019/09/12/saved_page/knopkodavi.html", "unstated"),
    ("ru-rt-pensiya", "ru", "https://russian.rt.com/russia/article/668008-pensiya-rossiya-rost", "ltropin/mini_readability", "e6298241d3a4e100291f2a563456ee04d2315364", "builded/russian.rt.com/russia/article/saved_page/668008-pensiya-rossiya-rost.html", "unstated"),
    ("ru-rt-zelenskii-obmen", "ru", "https://russian.rt.com/ussr/article/667979-zelenskii-obmen-rossiya-ukraina", "ltropin/mini_readability", "e6298241d3a4e100291f2a563456ee04d2315364", "builded/russian.rt.com/ussr/article/saved_page/667979-zelenskii-obmen-rossiya-ukraina.html", "unstated"),
    ("ru-iz-erdogan-s400", "ru", "https://iz.ru/921351/2019-09-13/erdogan-otmetil-iskrennii-podkhod-rossii-pri-postavkakh-s-400", "ltropin/mini_readability", "94d730ee8b01be62b959feebd29980d96e365fa0", "builded/iz.ru/921351/2019-09-13/saved_page/erdogan-otmetil-iskrennii-podkhod-rossii-pri-postavkakh-s-400.html", "unstated"),
    ("ru-iz-zavorotniuk", "ru", "https://iz.ru/921366/2019-09-13/zavorotniuk-vveli-v-medikamentoznuiu-komu", "ltropin/mini_readability", "94d730ee8b01be62b959feebd29980d96e365fa0", "builded/iz.ru/921366/2019-09-13/saved_page/zavorotniuk-vveli-v-medikamentoznuiu-komu.html", "unstated"),
    ("ru-rt-molekula-boli", "ru", "https://russian.rt.com/science/article/667520-uchyonye-obnaruzhili-molekulu-boli", "ltropin/mini_readability", "94d730ee8b01be62b959feebd29980d96e365fa0", "builded/russian.rt.com/science/article/saved_page/667520-uchyonye-obnaruzhili-molekulu-boli.html", "unstated"),
    ("ru-gazeta-army", "ru", "https://www.gazeta.ru/army/2019/09/13/12648013.shtml", "ltropin/mini_readability", "94d730ee8b01be62b959feebd29980d96e365fa0", "builded/www.gazeta.ru/army/2019/09/13/saved_page/12648013.html", "unstated"),
    ("ru-gazeta-business", "ru", "https://www.gazeta.ru/business/2019/09/12/12644353.shtml", "ltropin/mini_readability", "94d730ee8b01be62b959feebd29980d96e365fa0", "builded/www.gazeta.ru/business/2019/09/12/saved_page/12644353.html", "unstated"),
    ("ru-gazeta-social", "ru", "https://www.gazeta.ru/social/2019/09/13/12647887.shtml", "ltropin/mini_readability", "94d730ee8b01be62b959feebd29980d96e365fa0", "builded/www.gazeta.ru/social/2019/09/13/saved_page/12647887.html", "unstated"),
    ("ru-lenta-roditeli-seti", "ru", "https://lenta.ru/articles/2018/08/23/roditeli_cet/", "chistyakov/mini_readability", "50165779210393ac1a3d67681df9aaf452e45a42", "mini_readability/tests/samples/lenta_ru_articles_2018_08_23.html", "unstated"),
    ("ru-slon-moratorii", "ru", "https://slon.ru/posts/52033", "mvasilkov/readability2", "3b55ef30b489702abaf0ca841dd31644615e067a", "usage/https-slon-ru-posts-52033.html", "unstated"),
    ("ru-kommersant-troning", "ru", "https://www.kommersant.ru/doc/7715044", "flairNLP/fundus", "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8", "tests/resources/parser/test_data/ru/Kommersant_2025_05_14.html.gz", "MIT"),
    ("ru-pravda-oask", "ru", "https://www.pravda.com.ua/rus/articles/2026/01/08/8015225/", "flairNLP/fundus", "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8", "tests/resources/parser/test_data/ua/Pravda_2026_01_08.html.gz", "MIT"),
    ("ru-football-podolski", "ru", "https://football.ua/germany/311510-podolski-zavershil-kareru-v-sbornojj.html", "adbar/trafilatura", "e90b0ef51ab026fdb905fb6c5b3c84dd3d784fd5", "tests/eval/football.ua.podolski.html", "Apache-2.0"),
    ("ru-meduza-twitter-archive", "ru", "https://meduza.io/news/2017/12/27/biblioteka-kongressa-perestanet-sobirat-vse-zapisi-iz-tvittera-ona-nakopila-arhiv-za-12-let", "kirillak/amp", "53155e6016963c7b59730bf596e844ce5bc709af", "meduza.html", "unstated"),
]


def labelled(clones, labels):
    for pid, lang, url, repository, commit, path, licence in LABELLED_PAGES:
        source = git_show(os.path.join(clones, repository.replace("/", "+")), commit, path)
        if path.endswith(".gz"):
            source = gzip.decompress(source)
        with open(os.path.join(labels, pid + ".txt"), encoding="utf-8") as f:
            expected = f.read()
        yield (pid, lang, url, repository, commit, path, licence, source, expected)


def main():
    args = sys.argv[1:]
    labels = None
    if "--labels" in args:
        at = args.index("--labels")
        labels = args[at + 1]
        del args[at:at + 2]
    clones, out = args[0], args[1]
    os.makedirs(os.path.join(out, "pages"), exist_ok=True)
    rows = []
    pages = list(readability(clones)) + list(newspaper(clones))
    if labels:
        pages += list(labelled(clones, labels))
    for page in pages:
        pid, lang, url, repo, commit, path, licence, source, expected = page
        with open(os.path.join(out, "pages", pid + ".html"), "wb") as f:
            f.write(source)
        with open(os.path.join(out, "pages", pid + ".txt"), "w", encoding="utf-8") as f:
            f.write(expected.strip() + "\n")
        site = site_of(url)
        rows.append((pid, lang, site, split_of(site), url, repo, commit, path, licence))
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tlang\tsite\tsplit\turl\trepository\tcommit\tpath\tlicence\n")
        for row in sorted(rows):
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} pages in {out}")


if __name__ == "__main__":
    main()
