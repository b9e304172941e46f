#!/usr/bin/env python3
"""Splices the sections measured in this run into the report already there.

    splice.py PREVIOUS FRESH MEASURED OUT

PREVIOUS is the report before this run, FRESH the report bench/run just assembled (every section
from target/bench, "Not measured yet" where target/bench has none), MEASURED a file with the
"### " headings of the sections this run measured and their --only words, one tab-separated pair
a line. OUT gets PREVIOUS with each
measured section's block (its "### " heading down to the next "## " or "### " heading) replaced by
FRESH's, a section new to PREVIOUS inserted with its chapter, the goals of the measured
sections added to "Goals at a glance", and the notes (bench/notes.md) brought up to date. Everything else in PREVIOUS (other sections, text written
by hand between them, the notes) stays as it was.
"""
import sys


def blocks(lines):
    """Maps each '### ' heading to its (start, end) line range, and each '## ' heading to its index."""
    sections, chapters = {}, {}
    current = None
    for i, line in enumerate(lines):
        if line.startswith("## ") or line.startswith("### "):
            if current is not None:
                sections[current] = (sections[current][0], i)
                current = None
            if line.startswith("### "):
                current = line.rstrip("\n")
                sections[current] = (i, len(lines))
            else:
                chapters[line.rstrip("\n")] = i
    return sections, chapters


def chapter_of(lines, index):
    for i in range(index, -1, -1):
        if lines[i].startswith("## "):
            return lines[i].rstrip("\n")
    return None


def main(previous_path, fresh_path, measured_path, out_path):
    previous = open(previous_path, encoding="utf-8").readlines()
    fresh = open(fresh_path, encoding="utf-8").readlines()
    measured = [l.rstrip("\n").split("\t") for l in open(measured_path, encoding="utf-8") if l.strip()]
    fresh_sections, _ = blocks(fresh)
    new_goals, old_goals, words = [], set(), set()
    for heading, word in measured:
        if heading not in fresh_sections:
            continue
        words.add(word)
        start, end = fresh_sections[heading]
        block = fresh[start:end]
        if block and block[-1].strip():
            block.append("\n")
        new_goals += ["- " + l.strip() + "\n" for l in block if is_goal(l)]
        sections, chapters = blocks(previous)
        if heading in sections:
            old_start, old_end = sections[heading]
            old_goals |= {"- " + l.strip() + "\n" for l in previous[old_start:old_end] if is_goal(l)}
            previous[old_start:old_end] = block
            continue
        chapter = chapter_of(fresh, start)
        if chapter in chapters:
            # At the end of its chapter: before the next chapter heading.
            at = next((i for i in range(chapters[chapter] + 1, len(previous))
                       if previous[i].startswith("## ")), len(previous))
            previous[at:at] = block
        else:
            at = next((chapters[c] for c in ("## JMH: hot paths", "## How the figures are defined")
                       if c in chapters), len(previous))
            previous[at:at] = [chapter + "\n", "\n"] + block
    # The notes (bench/notes.md, from "How the figures are defined" on) are the repository's own
    # text, not a measurement: always the current ones.
    notes = "## How the figures are defined\n"
    if notes in previous and notes in fresh:
        previous = previous[: previous.index(notes)] + fresh[fresh.index(notes):]
    # Goals at a glance: a measured section's goal lines replace the ones its old text gave, and
    # its "not measured yet" line.
    _, chapters = blocks(previous)
    if "## Goals at a glance" in chapters:
        start = chapters["## Goals at a glance"] + 1
        end = next(i for i in range(start, len(previous)) if previous[i].startswith("## "))
        listed = [l for l in previous[start:end] if l.startswith("- ")]
        kept = [l for l in listed if l not in old_goals
                and not any(l.startswith("- Not measured yet: run `bench/run --only %s`" % w)
                            for w in words)]
        previous[start:end] = ["\n"] + kept + [g for g in new_goals if g not in kept] + ["\n"]
    open(out_path, "w", encoding="utf-8").writelines(previous)


def is_goal(line):
    lower = line.lower()
    return not line.startswith("#") and ("goal" in lower or "not measured" in lower)


if __name__ == "__main__":
    main(*sys.argv[1:5])
