#!/usr/bin/env python3
"""Merge Orca's speech log and the driver's marks; print one line per utterance.

usage: format.py SPEECH.jsonl MARKS.jsonl
env:   SR_FORMAT=text|jsonl  SR_INTERRUPTS=1  SR_ALL=1 (also show speech from
       before the driver started, e.g. Orca's start-up and the browser frame)
"""
import json, os, sys

def load(path):
    out = []
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    try:
                        out.append(json.loads(line))
                    except ValueError:
                        pass
    except FileNotFoundError:
        pass
    return out

speech, marks = load(sys.argv[1]), load(sys.argv[2])
starts = [m["t"] for m in marks if m["type"] == "start"]
t0 = starts[0] if starts else (speech[0]["t"] if speech else 0)
show_all = os.environ.get("SR_ALL") == "1"
show_int = os.environ.get("SR_INTERRUPTS") == "1"
fmt = os.environ.get("SR_FORMAT", "text")

events = sorted(speech + marks, key=lambda e: e["t"])  # stable: same-ms order kept
for e in events:
    rel = e["t"] - t0
    if rel < 0 and not show_all:
        continue
    if e["type"] == "interrupt" and not show_int:
        continue
    if e["type"] in ("start", "end") and fmt == "text":
        continue
    if fmt == "jsonl":
        print(json.dumps(dict(e, ms=rel), ensure_ascii=False))
        continue
    if e["type"] == "speech":
        text = e["text"].strip().replace("\n", "\\n")
        if e.get("voice"):
            text += f"  [voice={e['voice']}]"
    elif e["type"] == "interrupt":
        text = "-- (interrupt: Orca stops current speech) --"
    else:
        text = f"# {e['text']}"
    print(f"{rel:7d}  {text}")
