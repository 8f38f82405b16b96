"""Queries the JSON Lines that `asalee parse` writes with DuckDB: nested parts are STRUCTs
(`author.name`), lists are LISTs (`renewed_on`), dates are DATEs.

    python query.py questions.jsonl
"""
import sys

import duckdb

path = sys.argv[1]
# Every record has every field (null or [] when absent), so DuckDB infers one schema.
questions = duckdb.read_json(path, format="newline_delimited")
duckdb.register("questions", questions)

print(duckdb.sql("SELECT count(*) AS records, count(DISTINCT layout) AS layouts FROM questions"))
print(duckdb.sql("""
    SELECT layout, count(*) AS records, count(answer_text) AS answered
    FROM questions GROUP BY layout ORDER BY records DESC, layout
"""))
print(duckdb.sql("""
    SELECT number, kind, author.civility || ' ' || author.name AS author,
           CAST(question_published.date AS DATE) AS published, len(renewed_on) AS renewals
    FROM questions
    WHERE chamber = 'AN' AND question_published IS NOT NULL
    ORDER BY published, number
"""))
