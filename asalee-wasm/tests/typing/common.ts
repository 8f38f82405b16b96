// What the .d.ts must allow and forbid, for either build (`asalee` is mapped by tsconfig-*.json).
import { csvColumns, parse, parseAll, ParseError, toCsv, toRow } from "asalee";
import type {
  Author, Chamber, Civility, CsvOptions, ErrorKind, JoRef, Layout, ParseOptions, ParseResult, Question, QuestionRow,
} from "asalee";

export function check(text: string, bytes: Uint8Array): void {
  const q: Question = parse(text);
  const fromBytes: Question = parse(bytes, { strict: true });
  const options: ParseOptions = {};
  parse(text, options);
  parse(text, undefined);
  parse(text, null);

  const n: number = q.number;
  const uid: string | null = q.uid;
  const chamber: "AN" | "SENAT" | null = q.chamber;
  const author: Author | null = q.author;
  const constituency: number | null | undefined = author?.constituency;
  const published: JoRef | null = fromBytes.question_published;
  const date: string | undefined = published?.date;
  const dates: string[] = q.reassigned_on;
  const layout: Layout = q.layout;
  const warningLine: number | undefined = q.warnings[0]?.line;
  const label: string | undefined = q.other_fields[0]?.label;
  void [n, uid, chamber, constituency, date, dates, layout, warningLine, label];

  const results: ParseResult[] = parseAll(bytes);
  for (const result of results) {
    if (result.ok) {
      const title: string | null = result.ok.title;
      void title;
    } else {
      const err: ParseError = result.error;
      const where: [number, number] = [err.line, err.column];
      const kind: ErrorKind = err.kind;
      const asError: Error = err;
      void [where, kind, asError];
    }
  }

  try {
    parse(text);
  } catch (err) {
    if (err instanceof ParseError) {
      const reason: string = err.reason;
      const message: string = err.message;
      void [reason, message];
    }
  }

  const row: QuestionRow = toRow(q);
  const rowNumber: number = row.number;
  const rowName: string | null = row.author_name;
  const columns: string[] = csvColumns();
  const csvOptions: CsvOptions = { bom: true, source: ["a.txt"] };
  const csv: string = toCsv(results, csvOptions);
  toCsv([q], { source: "a.txt" });
  const civility: Civility | null | undefined = q.author?.civility;
  const chamberCode: Chamber | null = q.chamber;
  void [rowNumber, rowName, columns, csv, civility, chamberCode];
  // @ts-expect-error a row's number is a number
  const rowText: string = row.number;
  // @ts-expect-error bom is a boolean
  toCsv([q], { bom: 1 });
  // @ts-expect-error toRow takes a record
  toRow("x");
  void rowText;

  // @ts-expect-error the number is a number
  const notString: string = q.number;
  // @ts-expect-error a title may be absent
  const notNull: string = q.title;
  // @ts-expect-error strict is a boolean
  parse(text, { strict: "yes" });
  // @ts-expect-error the input is text or bytes
  parse(42);
  // @ts-expect-error no such field
  void q.Title;
  void [notString, notNull];
}
