"""Parses a folder of saved question pages into a pandas DataFrame and draws the number of
questions per month and per ministry into questions.png, next to this script.

    python plot.py FOLDER...
"""

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw to a file, no window
import matplotlib.pyplot as plt
import pandas as pd

import asalee

PNG = Path(__file__).with_name("questions.png")


def read_folders(folders: list[str]) -> pd.DataFrame:
    """One row per question; the documents that are not questions are reported on stderr."""
    paths = sorted(p for folder in folders for p in Path(folder).rglob("*") if p.is_file())
    records, errors = [], 0
    for path, item in asalee.parse_files(paths):
        if isinstance(item, asalee.ParseError):
            print(f"{path}:{item.line}:{item.column}: {item.message}", file=sys.stderr)
            errors += 1
        else:
            records.append(item.to_dict())
    print(f"{len(records)} questions from {len(paths)} files, {errors} documents not read")
    # Nested parts become columns: author.name, question_published.date, …
    df = pd.json_normalize(records)
    df["question_published.date"] = pd.to_datetime(df["question_published.date"])
    return df


def main() -> None:
    df = read_folders(sys.argv[1:])
    print()
    print(df[["uid", "question_published.date", "ministry_asked"]].head().to_string(index=False))

    # Every month from the first to the last, months without questions included.
    month = df["question_published.date"].dt.to_period("M")
    per_month = month.value_counts().reindex(pd.period_range(month.min(), month.max()), fill_value=0)
    # By count, then by name (groupby sorts by name; a stable sort keeps that order for ties).
    per_ministry = df.groupby("ministry_asked").size().sort_values(kind="stable")

    print("\nquestions per month")
    for m, n in per_month.items():
        print(f"  {m}  {n:3}")
    print("\nquestions per ministry")
    for ministry, n in per_ministry[::-1].items():
        print(f"  {n:3}  {ministry}")

    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.5), layout="constrained")
    left.bar(per_month.index.strftime("%Y-%m"), per_month.values)
    left.tick_params(axis="x", labelrotation=60)
    left.set_title("Questions per month of publication")
    left.set_ylabel("questions")
    right.barh(per_ministry.index, per_ministry.values, color="tab:orange")
    right.set_title("Questions per ministry asked")
    right.set_xlabel("questions")
    fig.suptitle(f"{len(df)} written questions (synthetic corpus made by make_corpus.py)")
    fig.savefig(PNG, dpi=100)
    print(f"\nwrote {PNG.name}")


if __name__ == "__main__":
    main()
