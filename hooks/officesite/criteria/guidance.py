"""Guidance per item: two optional fields of a criteria item, read and checked. Plain Python.

An item of a category page may say what each level looks like for it and give examples of
evidence, in the page's language:

    - id: "1.1"
      title: "…"
      guidance:              # optional: level id -> what that level looks like for this item
        basic: "…"
        advance: "…"
      evidence:              # optional: examples of evidence that show it
        - "…"

Both are set in every language's file of the category or in none, with the same level ids
and as many examples; level ids are those of levels.yml. The office fills them from OPDC's
manual (README, "Guidance per item"); the project ships them empty.
"""

from officesite.metadata import kind_of, list_problem, text_problem

GUIDANCE = "guidance"
EVIDENCE = "evidence"
GUIDANCE_FIELDS = (GUIDANCE, EVIDENCE)


# The item's guidance and evidence ({"guidance": {level id: text}, "evidence": (text, …)}),
# checked as text; `where` names the file and the item ("docs/pmqa/category-1.md: items[0]").
def read_guidance(raw: dict, where: str, problems: list) -> dict:
    guidance, evidence = raw.get(GUIDANCE), raw.get(EVIDENCE)
    read = {GUIDANCE: {}, EVIDENCE: ()}
    if guidance is not None:
        if not isinstance(guidance, dict) or not guidance:
            problems.append(f"{where}.{GUIDANCE}: expected what each level looks like, e.g. {{basic: …, advance: …}}, got {kind_of(guidance)}")
        else:
            for level_id, text in guidance.items():
                problem = text_problem(text)
                if problem:
                    problems.append(f"{where}.{GUIDANCE}.{level_id}: {problem}")
            read[GUIDANCE] = {str(level_id): text.strip() for level_id, text in guidance.items() if not text_problem(text)}
    if evidence is not None:
        problem = list_problem(evidence, "a list of examples of evidence, e.g. [\"…\", \"…\"]")
        if problem:
            problems.append(f"{where}.{EVIDENCE}: {problem}")
        else:
            problems += [f"{where}.{EVIDENCE}[{index}]: {text_problem(text)}" for index, text in enumerate(evidence) if text_problem(text)]
            read[EVIDENCE] = tuple(text.strip() for text in evidence if not text_problem(text))
    return read


# Level ids the levels file does not have, and guidance given in one language but not in
# another (or with other level ids, or another number of examples).
def guidance_problems(categories: dict, level_ids: list, languages) -> list[str]:
    problems = []
    for lang in languages.codes:
        for _, category in sorted(categories[lang].items()):
            for index, item in enumerate(category.items):
                problems += [
                    f"{category.source}: items[{index}].{GUIDANCE}.{level_id}: expected a level id of levels.yml ({', '.join(level_ids)}), got {level_id}"
                    for level_id in item.guidance
                    if level_id not in level_ids
                ]
    for lang in languages.others:
        for number, category in sorted(categories[lang].items()):
            reference = categories[languages.default].get(number)
            if reference is None or [i.id for i in reference.items] != [i.id for i in category.items]:
                continue  # disagreeing ids are reported on their own
            for index, (item, twin) in enumerate(zip(category.items, reference.items)):
                where = f"{category.source}: items[{index}]"
                if sorted(item.guidance) != sorted(twin.guidance):
                    problems.append(f"{where}.{GUIDANCE}: expected the levels of {reference.source} ({_ids(twin.guidance)}), got {_ids(item.guidance)}")
                if len(item.evidence) != len(twin.evidence):
                    problems.append(f"{where}.{EVIDENCE}: expected {len(twin.evidence)} example(s) as in {reference.source}, got {len(item.evidence)}")
    return problems


def _ids(guidance: dict) -> str:
    return ", ".join(guidance) or "none"
