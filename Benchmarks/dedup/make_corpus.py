"""Builds the near-duplicate evaluation corpus from the THUCNews sample.

    python3 Benchmarks/dedup/make_corpus.py [CORPUS] [--variants-per-base N] [--seed S]

Reads CORPUS (default ../shared/corpora/thucnews-val.tsv, `label<TAB>text`), and writes
Benchmarks/data/eval.jsonl ({"id", "text"} per line): every real article as b000000..b000999,
plus N (default 2) variants per article, v000000.., each made from its base by one or two
realistic edits drawn with a seeded RNG:

  drop_sentence   one or more sentences removed          add_sentence  sentences from another article inserted
  boilerplate     a news-site header and/or footer       char_subst    2-4 % of CJK characters replaced
  punct_width     full-width punctuation <-> ASCII       segmented     spaces every 1-3 characters
  html            sentences wrapped in <p> tags          truncate      the last 10-40 % cut off
  repeat_body     the body carried twice

and, for every fourth article (drawn with a second RNG, so the variants above do not move),
an excerpt x000000..: a short repost made of a contiguous run of 20-50 % of its sentences,
which lies inside its base (containment ~1) at a Jaccard similarity far below the thresholds.

Benchmarks/data/variants.tsv records `variant<TAB>base<TAB>edits`. Generated text stays under
Benchmarks/data/ (git-ignored): the corpus text must never be committed.
"""
import argparse
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "Benchmarks", "data")

EDITS = ["drop_sentence", "add_sentence", "boilerplate", "char_subst", "punct_width",
         "segmented", "html", "truncate", "repeat_body"]
HEADERS = ["当前位置：首页 > 新闻中心 > 正文", "新浪网 2010年09月12日 08:30 来源：新浪财经",
           "【环球网综合报道】", "本报讯（记者 王磊）", "点击查看大图"]
FOOTERS = ["（责任编辑：张鹏）", "本文版权所有，未经授权不得转载。", "扫一扫下载客户端，阅读更多精彩内容。",
           "相关阅读：更多精彩新闻请关注本站。", "分享到：微博 微信 QQ空间"]
WIDTH = {"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")", "“": '"', "”": '"'}
SENT = re.compile(r"(?<=[。！？!?])")


def sentences(text):
    return [s for s in SENT.split(text) if s]


def edit(kind, text, rng, pool):
    sents = sentences(text)
    if kind == "drop_sentence":
        if len(sents) < 3:
            return text[: max(1, len(text) * 9 // 10)]
        k = max(1, len(sents) // rng.choice([10, 8, 5]))
        start = rng.randrange(1, len(sents) - k + 1) if len(sents) - k > 1 else 1
        return "".join(sents[:start] + sents[start + k:])
    if kind == "add_sentence":
        other = sentences(rng.choice(pool))
        k = max(1, min(len(other), len(sents) // rng.choice([10, 8, 5])))
        at = rng.randrange(1, len(sents) + 1)
        j = rng.randrange(0, len(other) - k + 1)
        return "".join(sents[:at] + other[j:j + k] + sents[at:])
    if kind == "boilerplate":
        which = rng.choice(["header", "footer", "both"])
        head = rng.choice(HEADERS) + "\n" if which != "footer" else ""
        foot = "\n" + rng.choice(FOOTERS) if which != "header" else ""
        return head + text + foot
    if kind == "char_subst":
        chars = list(text)
        cjk = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
        for i in rng.sample(cjk, int(len(cjk) * rng.uniform(0.02, 0.04))):
            chars[i] = chr(rng.randrange(0x4E00, 0x9FA6))
        return "".join(chars)
    if kind == "punct_width":
        if rng.random() < 0.5:
            return "".join(WIDTH.get(c, c) for c in text)
        back = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
        return "".join(back.get(c, c) for c in text)
    if kind == "segmented":
        out, i = [], 0
        while i < len(text):
            n = rng.randint(1, 3)
            out.append(text[i:i + n])
            i += n
        return " ".join(out)
    if kind == "html":
        groups = [sents[i:i + 3] for i in range(0, len(sents), 3)] or [[text]]
        return "<div class=\"article\">" + "".join("<p>" + "".join(g) + "</p>" for g in groups) + "</div>"
    if kind == "truncate":
        return text[: int(len(text) * rng.uniform(0.6, 0.9))]
    if kind == "repeat_body":
        return text + text
    raise ValueError(kind)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=os.path.join(ROOT, "..", "shared", "corpora", "thucnews-val.tsv"))
    ap.add_argument("--variants-per-base", type=int, default=2)
    ap.add_argument("--seed", type=int, default=20261122)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with open(args.corpus, encoding="utf-8") as f:
        texts = [line.rstrip("\n").split("\t", 1)[1] for line in f if "\t" in line]
    os.makedirs(DATA, exist_ok=True)
    n = 0
    with open(os.path.join(DATA, "eval.jsonl"), "w", encoding="utf-8") as out, \
            open(os.path.join(DATA, "variants.tsv"), "w", encoding="utf-8") as tsv:
        tsv.write("variant\tbase\tedits\n")
        for b, text in enumerate(texts):
            out.write(json.dumps({"id": f"b{b:06d}", "text": text}, ensure_ascii=False) + "\n")
        for b, text in enumerate(texts):
            for _ in range(args.variants_per_base):
                kinds = [rng.choice(EDITS)]
                if rng.random() < 0.25:  # a second, different edit now and then
                    kinds.append(rng.choice([k for k in EDITS if k not in kinds]))
                # markup-changing edits go last so text edits do not cut inside them
                kinds.sort(key=lambda k: k in ("segmented", "html"))
                if "segmented" in kinds and "html" in kinds:
                    kinds.remove("html")
                v = text
                for k in kinds:
                    v = edit(k, v, rng, texts)
                vid = f"v{n:06d}"
                n += 1
                out.write(json.dumps({"id": vid, "text": v}, ensure_ascii=False) + "\n")
                tsv.write(f"{vid}\tb{b:06d}\t{'+'.join(kinds)}\n")
        excerpts = write_excerpts(texts, random.Random(args.seed + 1), out, tsv)
    print(f"wrote {len(texts) + n + excerpts} documents ({len(texts)} real, {n} variants, "
          f"{excerpts} excerpts) to {DATA}/eval.jsonl")


def write_excerpts(texts, rng, out, tsv):
    """An excerpt of every fourth article with at least 5 sentences; returns how many."""
    n = 0
    for b in range(0, len(texts), 4):
        sents = sentences(texts[b])
        if len(sents) < 5:
            continue
        k = max(1, int(len(sents) * rng.uniform(0.2, 0.5)))
        start = rng.randrange(0, len(sents) - k + 1)
        xid = f"x{n:06d}"
        n += 1
        out.write(json.dumps({"id": xid, "text": "".join(sents[start:start + k])}, ensure_ascii=False) + "\n")
        tsv.write(f"{xid}\tb{b:06d}\texcerpt\n")
    return n


if __name__ == "__main__":
    main()
