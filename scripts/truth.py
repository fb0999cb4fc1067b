#!/usr/bin/env python3
"""Scores a build of a generated dossier against the generator's truth.

usage: truth.py TRUTH_JSONL DOSSIER_JSON [--show wrong|none] [--limit N]

TRUTH_JSONL is what `gen_dossier.py N OUT --truth` writes beside the articles: per article its
title, date, people and quotes with their speakers. The quotes of an article are matched in order
(the same text may be quoted twice), by folded text; a speaker is right when its name (the
person's, or the name given to a speaker no person stands for) ends with the true speaker's
surname. Dates are compared to the day: the generator also writes dates with a month alone, which
sitegen keeps as a month. Prints one line of counts; with --show, the quotes whose speaker is wrong or missing,
with the text around them. A synthetic truth: it measures the rules on the generator's patterns
only, never on a real clipping's.
"""
import json
import re
import sys
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFD", s or "")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    show = argv[argv.index("--show") + 1] if "--show" in argv else None
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else 20
    truth = [json.loads(line) for line in open(argv[1], encoding="utf-8")]
    d = json.load(open(argv[2], encoding="utf-8"))
    people = {p["id"]: p for p in d["people"]}
    articles = {a["id"]: a for a in d["articles"]}
    by_article = {}
    for q in d["quotes"]:
        by_article.setdefault(q["article"], []).append(q)
    count = {"right": 0, "wrong": 0, "none": 0, "missed": 0}
    extra = titles = dates = people_tp = people_fp = people_fn = shown = 0
    for t in truth:
        a = articles.get(t["id"])
        predicted = sorted(by_article.get(t["id"], []), key=lambda q: q["start"])
        pos = matched = 0
        for tq in t["quotes"]:
            want = fold(tq["text"])
            for i in range(pos, len(predicted)):
                q = predicted[i]
                got = fold(q["text"])
                if got and (got == want or got in want or want in got):
                    pos = i + 1
                    matched += 1
                    name = people[q["speaker"]]["name"] if q.get("speaker") in people else q.get("speaker_name")
                    kind = "none" if not name else ("right" if fold(name).split()[-1:] == fold(tq["speaker"]).split()[-1:] else "wrong")
                    count[kind] += 1
                    if kind == show and shown < limit:
                        shown += 1
                        print(f"{t['id']} {q['rule']}: {name!r}, want {tq['speaker']!r}; cue {q['cue']!r}; {q['text'][:60]!r}")
                    break
            else:
                count["missed"] += 1
        extra += len(predicted) - matched
        if a:
            titles += fold(a.get("title")) == fold(t["title"])
            dates += (a.get("date") or "")[:10] == t["date"][:10]
            got_people = {fold(people[p]["name"]) if p in people else fold(p) for p in a.get("people", [])}
            want_people = {fold(p) for p in t["people"]}
            people_tp += len(got_people & want_people)
            people_fp += len(got_people - want_people)
            people_fn += len(want_people - got_people)
    found = count["right"] + count["wrong"] + count["none"]
    print(f"{len(truth)} articles; quotes found {found} of {found + count['missed']}, {extra} extra; "
          f"speakers right {count['right']} ({count['right'] / max(1, found):.2%}), wrong {count['wrong']}, none {count['none']}; "
          f"people {people_tp} right, {people_fp} extra, {people_fn} missed; titles {titles}, dates (day) {dates}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
