"""Writes a synthetic corpus of saved question pages, the same every time.

The fixtures hold a dozen questions, one or two per month: too few for a chart. This script
takes one real 17th-legislature page (fixtures/seeds/003_…) and writes COUNT copies of it with
the question number, the publication date and the ministry varied (fixed random seed), one
file per question, as a folder of saved pages would be.

    python make_corpus.py corpus/ [COUNT]
"""

import random
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parents[2] / "fixtures" / "seeds" / "003_70cf9cf3550011d2.txt"

# (ministry, weight): real ministry names of the 17th legislature.
MINISTRIES = [
    ("Santé, familles, autonomie et personnes handicapées", 9),
    ("Économie, finances et souveraineté industrielle et numérique", 5),
    ("Intérieur", 4),
    ("Agriculture et souveraineté alimentaire", 4),
    ("Éducation nationale", 3),
    ("Transition écologique, biodiversité, forêt, mer et pêche", 3),
    ("Travail et emploi", 2),
    ("Armées", 1),
]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


def tuesdays_2025():
    """(month, day) of every Tuesday of 2025 (the Journal officiel's questions come out on Tuesdays)."""
    days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    day_of_year = 7
    while day_of_year <= 365:
        month, day = 0, day_of_year
        while day > days[month]:
            day -= days[month]
            month += 1
        yield month + 1, day
        day_of_year += 7


def main() -> None:
    out = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 240
    template = TEMPLATE.read_text(encoding="utf-8")
    number = re.search(r"Question écrite n° (\d+)", template).group(1)
    ministry = re.search(r"Ministère interrogé : \[(.+?)\]", template).group(1)
    published = re.search(r"Question publiée au JO le : .*", template).group(0)

    rng = random.Random(2025)
    names = [name for name, _ in MINISTRIES]
    weights = [weight for _, weight in MINISTRIES]
    dates = list(tuesdays_2025())
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    numbers = sorted(rng.sample(range(2000, 12000), count))
    # Fewer questions in August (recess); later numbers get later dates.
    weights_by_date = [0.3 if month == 8 else 1.0 for month, _ in dates]
    drawn = sorted(rng.choices(range(len(dates)), weights_by_date, k=count))
    for n, d in zip(numbers, drawn):
        month, day = dates[d]
        page = (
            template.replace(number, str(n))
            .replace(ministry, rng.choices(names, weights)[0])
            .replace(published, f"Question publiée au JO le : [{day} {MONTHS[month - 1]} 2025](#), page {1000 + n // 10}")
        )
        (out / f"question-{n:05}.txt").write_text(page, encoding="utf-8")
    print(f"wrote {count} pages to {out}")


if __name__ == "__main__":
    main()
