#!/usr/bin/env python3
"""Rebuilds the extraction page set from public repositories, outside this repository.

Each page is an HTML file from an openly licensed test suite with the text its authors expect:

  mozilla/readability        Apache-2.0  test/test-pages/<name>/source.html + expected.html
  AndyTheFactory/newspaper4k MIT         tests/data/html/<name>.html + tests/data/txt/<name>.txt

and Russian-language news pages saved by other projects (scrapers' samples, other extractors' test
pages), whose expected text was labelled by hand for this set (LABELLED_PAGES); those labels are
kept outside the repository, one LABELS/<id>.txt a page, and only the page's address is listed here.

Pages of kind `reduced` (REDUCED_PAGES, ids `tg-…`) are Kazakh-outlet news articles from the
archives of Telegram's data-clustering contest, held by two public repositories: saved as HTML
reduced to the article (head meta tags, one <article> with headline, lead, <p> paragraphs,
figures and a related-links box), so they test language, charset and paragraph handling, not
boilerplate removal. They are labelled by hand as the Russian pages are. Every other page is of
kind `full`; the manifest's `kind` column tells them apart (score.py --kind).

Usage: build_corpus.py CLONES OUT [--labels LABELS]...
  CLONES  a folder holding a clone of each repository, named owner+name (mozilla+readability, …),
          checked out at the commit in SOURCES (`git clone … && git checkout COMMIT`); bare
          clones work too, since files are read with `git show COMMIT:path`.
  OUT     where pages go: OUT/pages/<id>.html, OUT/pages/<id>.txt, OUT/manifest.tsv
  LABELS  a folder of hand-made labels (may be given more than once; a page's label is taken from
          the first folder that holds it); without it the labelled pages are left out.

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


# Reduced pages (kind `reduced`): the contest's article files, same fields as LABELLED_PAGES. The
# repositories keep them in their history only (deleted later), hence the pinned commits.
REDUCED_PAGES = [
    ("tg-kk-zakon-4995325", "kk", "https://kaz.zakon.kz/4995325-ba-yt-s-ltanov-ba-any-neg-zs-z-su-ne-r.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/16/7897126139712871246.html", "unstated"),
    ("tg-kk-zakon-4995344", "kk", "https://kaz.zakon.kz/4995344-almatyda-z-pay-ambar-ha-zholy-atty.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/17/7897126140420339413.html", "unstated"),
    ("tg-kk-zakon-4995243", "kk", "https://kaz.zakon.kz/4995243-aza-standa-balalar-arasynda-sirek.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/10/7897126141244710703.html", "unstated"),
    ("tg-kk-zakon-4995337", "kk", "https://kaz.zakon.kz/4995337-ara-andy-oblysy-politsiya-departament.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/16/7897126139862696672.html", "unstated"),
    ("tg-kk-zakon-4995251", "kk", "https://kaz.zakon.kz/4995251-eldeg-traktorlar-men-kombayndar-bden.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/11/7897126140878406648.html", "unstated"),
    ("tg-kk-zakon-4995280", "kk", "https://kaz.zakon.kz/4995280-ayag-zd-zh-g-t-oralda-b-r-k-nde-60.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/12/7897126140996890103.html", "unstated"),
    ("tg-kk-nur-1827795", "kk", "https://kaz.nur.kz/1827795-avstraliada-klemi-tauykty-zmyrtkasyndaj-brsak-zaudy-video.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/13/1110025507471892986.html", "unstated"),
    ("tg-kk-nur-1827735", "kk", "https://kaz.nur.kz/1827735-salt-bzgan-zokpyn-kyz-zatyp-zrgen-ajdar-trgambek-eldi-synyna-zauap-berdi.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/14/1110025507186739331.html", "unstated"),
    ("tg-kk-tengri-384319", "kk", "https://tengrinews.kz/private_finance/kolma-kol-akshadan-bas-tartuga-tehnikalyik-jagyinan-384319/", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/10/3440873159192348331.html", "unstated"),
    ("tg-kk-tengri-384331", "kk", "https://tengrinews.kz/allsports/komp-tastaymyin-kuat-nayman-hamitovtn-kyizu-talkyilangan-384331/", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/11/3440873159422163326.html", "unstated"),
    ("tg-kk-tengri-383079", "kk", "https://tengrinews.kz/show/k-pop-nagyiz-bum-korey-anshs-lee-joengmin-the-efir-konagyi-383079/", "MarcoBuster/data-clustering-contest", "428a2b93937397439f9c15b754e13995afc01a42", "data/20191101/12/3440873159660136678.html", "MIT"),
    ("tg-ru-zakon-4995240", "ru", "https://www.zakon.kz/4995240-fond-damu-eshche-28-7-mlrd-tenge.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/10/6314206743579332466.html", "unstated"),
    ("tg-ru-zakon-4995332", "ru", "https://www.zakon.kz/4995332-v-almaty-budut-borotsya-s-rostom-tsen.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/16/6314206744116344422.html", "unstated"),
    ("tg-ru-zakon-4995269", "ru", "https://www.zakon.kz/4995269-elena-kruglyhina-o-tselyah.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/12/6314206744452229009.html", "unstated"),
    ("tg-ru-zakon-4995348", "ru", "https://www.zakon.kz/4995348-uzhe-nedelyu-idut-poiski-propavshey-v.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/17/6314206744241923688.html", "unstated"),
    ("tg-ru-tengri-384326", "ru", "https://tengrinews.kz/kazakhstan_news/jile-po-5-20-25-kak-na-programmu-otreagiruet-ryinok-384326/", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/11/3440873158233700903.html", "unstated"),
    ("tg-ru-tengri-384355", "ru", "https://tengrinews.kz/events/sotrudnitsa-kafe-tainstvenno-propala-v-almatyi-384355/", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/19/3440873159540456503.html", "unstated"),
    ("tg-ru-tengri-384343", "ru", "https://tengrinews.kz/kazakhstan_news/liftyi-rabotavshie-desyatki-let-zamenyat-karagandinskoy-384343/", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/14/3440873159163099620.html", "unstated"),
    ("tg-ru-tengri-383085", "ru", "https://tengrinews.kz/kazakhstan_news/askar-mamin-provel-peregovoryi-s-prezidentom-uzbekistana-383085/", "MarcoBuster/data-clustering-contest", "428a2b93937397439f9c15b754e13995afc01a42", "data/20191101/12/3440873158478552800.html", "MIT"),
    ("tg-ru-nur-1827768", "ru", "https://www.nur.kz/1827768-ipoteka-dla-zensin-mozet-poavitsa-v-kazahstane.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/11/7822123886014214359.html", "unstated"),
    ("tg-ru-nur-1827758", "ru", "https://www.nur.kz/1827758-nedelu-iskali-propavsego-skolnika-v-taldykorgane.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/12/7822123887618854935.html", "unstated"),
    ("tg-ru-nur-1827324", "ru", "https://www.nur.kz/1827324-smert-5-letnej-devocki-v-aktobe-stali-izvestny-podrobnosti-tragedii.html", "MarcoBuster/data-clustering-contest", "428a2b93937397439f9c15b754e13995afc01a42", "data/20191115/00/7822123886669042644.html", "MIT"),
    ("tg-ru-nur-1827805", "ru", "https://politics.nur.kz/1827805-skandalnoe-video-s-panym-akimom-iz-sko-poavilos-v-seti.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/16/1774429404108354161.html", "unstated"),
    ("tg-ru-yk-53663", "ru", "https://yk.kz/news/show/53663", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/11/5382480496231568895.html", "unstated"),
    ("tg-ru-yk-53668", "ru", "https://yk.kz/news/show/53668", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/14/5382480495117711708.html", "unstated"),
    ("tg-ru-total-talgo", "ru", "https://total.kz/ru/news/proisshestviya/o_novoi_popitke_iznasilovaniya_v_talgo_zayavili_obshchestvenniki_date_2019_11_08_18_12_38", "MarcoBuster/data-clustering-contest", "428a2b93937397439f9c15b754e13995afc01a42", "data/20191108/18/4683986232082735508.html", "MIT"),
    ("tg-ru-total-teolog", "ru", "https://total.kz/ru/news/religiya/teolog_rasskazal_o_halyalprostitutsii_v_kazahstane_date_2019_11_01_12_41_01", "MarcoBuster/data-clustering-contest", "428a2b93937397439f9c15b754e13995afc01a42", "data/20191101/12/4683986231343098290.html", "MIT"),
    ("tg-ru-vlast-36098", "ru", "https://vlast.kz/novosti/36098-nur-otan-protiv-grazdanskih-aktivistov-sud-prinal-storonu-partii-vlasti.html", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/12/1775449382230661988.html", "unstated"),
    ("tg-ru-kazpravda-assambleya", "ru", "https://www.kazpravda.kz/news/politika/nursultan-nazarbaev-dal-ryad-poruchenii-po-rabote-assamblei-naroda-kazahstana", "halingeorge/tgnews", "d44b539f2329e167598a998597fc31caf79937f8", "data_test/20191118/12/7416372398426445206.html", "unstated"),
]


def label_of(folders, pid):
    for folder in folders:
        path = os.path.join(folder, pid + ".txt")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return f.read()
    raise FileNotFoundError(f"no label for {pid} in {', '.join(folders)}")


def labelled(clones, labels, pages):
    for pid, lang, url, repository, commit, path, licence in pages:
        source = git_show(os.path.join(clones, repository.replace("/", "+")), commit, path)
        if path.endswith(".gz"):
            source = gzip.decompress(source)
        expected = label_of(labels, pid)
        yield (pid, lang, url, repository, commit, path, licence, source, expected)


def main():
    args = sys.argv[1:]
    labels = []
    while "--labels" in args:
        at = args.index("--labels")
        labels.append(args[at + 1])
        del args[at:at + 2]
    clones, out = args[0], args[1]
    os.makedirs(os.path.join(out, "pages"), exist_ok=True)
    rows = []
    pages = [(page, "full") for page in list(readability(clones)) + list(newspaper(clones))]
    if labels:
        pages += [(page, "full") for page in labelled(clones, labels, LABELLED_PAGES)]
        pages += [(page, "reduced") for page in labelled(clones, labels, REDUCED_PAGES)]
    for page, kind in pages:
        pid, lang, url, repo, commit, path, licence, source, expected = page
        with open(os.path.join(out, "pages", pid + ".html"), "wb") as f:
            f.write(source)
        with open(os.path.join(out, "pages", pid + ".txt"), "w", encoding="utf-8") as f:
            f.write(expected.strip() + "\n")
        site = site_of(url)
        rows.append((pid, lang, site, split_of(site), url, repo, commit, path, licence, kind))
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tlang\tsite\tsplit\turl\trepository\tcommit\tpath\tlicence\tkind\n")
        for row in sorted(rows):
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} pages in {out}")


if __name__ == "__main__":
    main()
