// The error `parse` throws and `parseAll` returns: an `Error` subclass, so that it has a stack,
// prints like an error and passes `instanceof Error`, which a class exported from Rust cannot do.
// src/lib.rs imports this class and re-exports it from the package; its type is declared there.
export class ParseError extends Error {
  constructor(message, kind, line, column, reason) {
    super(message);
    this.name = "ParseError";
    this.kind = kind;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}
