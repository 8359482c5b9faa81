/// The HTML digest's only stylesheet, inlined: readable on a phone (one column, fluid width,
/// 16px text), in a mail client, and in light or dark mode (`prefers-color-scheme`).
enum HTMLStyle {
  static let css = """
    :root{color-scheme:light dark;--bg:#f6f7f9;--card:#fff;--fg:#1c2330;--muted:#5b6576;\
    --line:#dde1e7;--accent:#0b6bcb;--accent2:#00a3a3;--spike:#c2410c;--tag:#e8f0fb}
    @media (prefers-color-scheme:dark){:root{--bg:#0f141a;--card:#171e27;--fg:#e6e9ee;\
    --muted:#9aa5b4;--line:#2a3340;--accent:#5aa9ff;--accent2:#3fd0c9;--spike:#ff8a4c;\
    --tag:#1d2a3b}}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,\
    "Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;-webkit-text-size-adjust:100%;\
    overflow-wrap:anywhere}
    main{max-width:760px;margin:0 auto;padding:16px}
    header h1{font-size:1.45rem;line-height:1.25;margin:.2em 0}
    header .period{color:var(--muted);margin:.2em 0 .8em;font-size:.9rem}
    .counts{display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:0 0 8px;list-style:none}
    .counts li{flex:1 1 90px;background:var(--card);border:1px solid var(--line);\
    border-radius:10px;padding:8px 12px;font-size:.85rem;color:var(--muted)}
    .counts b{display:block;font-size:1.5rem;color:var(--fg)}
    .counts .spike b{color:var(--spike)}
    h2{font-size:1.15rem;margin:1.6em 0 .6em;padding-bottom:.25em;border-bottom:2px solid var(--line)}
    h2 .n{color:var(--muted);font-weight:normal}
    .story{background:var(--card);border:1px solid var(--line);border-radius:10px;\
    padding:12px 14px;margin:0 0 10px}
    .story h3{font-size:1.02rem;margin:0 0 4px;line-height:1.35}
    .story a{color:var(--accent);text-decoration:none}
    .story a:hover{text-decoration:underline}
    .meta,.also,.topics{color:var(--muted);font-size:.85rem;margin:2px 0}
    .lead{margin:6px 0}
    .figures{list-style:none;padding:0;margin:8px 0 4px;display:flex;flex-wrap:wrap;gap:6px}
    .figures li{border-radius:6px;padding:2px 9px;font-size:.82rem;background:var(--tag);\
    border-left:3px solid var(--accent2);font-weight:600}
    .figures .subject{font-weight:normal;color:var(--muted)}
    .topics{display:flex;flex-wrap:wrap;gap:4px 6px;align-items:center}
    .tag{display:inline-block;border-radius:8px;padding:0 8px;font-size:.78rem;\
    border:1px solid var(--line)}
    .tag.primary{font-weight:600;color:var(--fg);background:var(--tag);border-color:var(--tag)}
    .more{font-size:.78rem}
    details.why{color:var(--muted);font-size:.85rem;margin:4px 0}
    details.why summary{cursor:pointer;width:max-content;max-width:100%}
    details.why ul{margin:4px 0 6px;padding-left:1.2em}
    details.why b{font-weight:600;color:var(--fg)}
    ol.stories{padding:0;margin:0;list-style:none}
    .empty{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px}
    figure{margin:0 0 14px;background:var(--card);border:1px solid var(--line);\
    border-radius:10px;padding:10px 12px}
    figcaption{font-size:.85rem;color:var(--muted);margin-bottom:6px}
    svg{display:block;width:100%;max-width:560px;height:auto}
    svg text{fill:var(--fg);font:12px system-ui,sans-serif}
    svg .axis{fill:var(--muted);font-size:10px}
    svg .bar{fill:var(--accent)}
    svg .bar.spike{fill:var(--spike)}
    svg .track{fill:var(--line)}
    svg .grid{stroke:var(--line);stroke-width:1}
    svg .line{fill:none;stroke:var(--accent2);stroke-width:2.5;stroke-linejoin:round}
    svg .avg{stroke:var(--muted);stroke-width:1;stroke-dasharray:4 3}
    svg .dot{fill:var(--accent2)}
    svg .dot.today{fill:var(--accent);stroke:var(--card);stroke-width:2}
    table{width:100%;border-collapse:collapse;font-size:.9rem;background:var(--card);\
    overflow-wrap:normal}
    th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .nowrap,time{white-space:nowrap}
    @media (max-width:480px){svg text{font-size:14px}svg .axis{font-size:12px}\
    th,td{padding:6px 5px}}
    .spike-note{color:var(--spike);font-weight:600}
    .note{color:var(--muted);font-size:.85rem}
    ul.feeds{padding-left:1.2em}
    footer{color:var(--muted);font-size:.8rem;margin:2em 0 1em;text-align:center}
    """
}
