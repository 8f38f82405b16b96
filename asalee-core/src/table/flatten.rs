//! A record to its row's cells: a serde serializer led by the schema, so that no field is named
//! here (each value is read where serde gives it, and the schema says which column it fills).

use std::fmt;

use serde::ser::{self, Impossible, Serialize};

use super::Cell;
use crate::schema::{self, Record, Type};
use crate::{Date, Question};

/// A cell as the serializer hands it over (borrowed for the call).
pub(crate) enum CellRef<'a> {
    Empty,
    Int(u64),
    Date(Date),
    Text(&'a str),
}

/// Where cells go, in column order.
pub(crate) trait Sink {
    fn cell(&mut self, cell: CellRef<'_>) -> Result<(), Error>;
}

impl Sink for Vec<Cell> {
    fn cell(&mut self, cell: CellRef<'_>) -> Result<(), Error> {
        self.push(match cell {
            CellRef::Empty => Cell::Empty,
            CellRef::Int(n) => Cell::Int(n),
            CellRef::Date(d) => Cell::Date(d),
            CellRef::Text(s) => Cell::Text(s.to_owned()),
        });
        Ok(())
    }
}

/// Writes the cells of `q` into `sink`, in the order of [`COLUMNS`](super::COLUMNS).
pub(crate) fn write_row<S: Sink>(q: &Question, sink: &mut S) -> Result<(), Error> {
    static QUESTION: Type = Type::Record(&schema::QUESTION);
    let mut out = Flattener {
        sink,
        scratch: Vec::new(),
    };
    q.serialize(FlatSer {
        out: &mut out,
        ty: &QUESTION,
    })
}

/// Why a row could not be written: the sink failed, or a value does not fit its column (which
/// the schema's tests rule out for records of this crate).
#[derive(Debug)]
pub(crate) enum Error {
    Io(std::io::Error),
    Schema(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => e.fmt(f),
            Error::Schema(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error::Schema(msg.to_string())
    }
}

impl From<Error> for std::io::Error {
    fn from(e: Error) -> std::io::Error {
        match e {
            Error::Io(e) => e,
            Error::Schema(m) => std::io::Error::other(m),
        }
    }
}

struct Flattener<'s, S> {
    sink: &'s mut S,
    scratch: Vec<u8>,
}

impl<S: Sink> Flattener<'_, S> {
    /// The scratch buffer as one cell, empty when nothing was written.
    fn scratch_cell(&mut self) -> Result<(), Error> {
        if self.scratch.is_empty() {
            return self.sink.cell(CellRef::Empty);
        }
        let text = std::str::from_utf8(&self.scratch).map_err(ser::Error::custom)?;
        self.sink.cell(CellRef::Text(text))
    }
}

/// How many columns a value of type `ty` fills.
fn width(ty: &Type) -> usize {
    match ty.required().0 {
        Type::Record(r) => r.fields.iter().map(|f| width(f.ty)).sum(),
        _ => 1,
    }
}

fn mismatch(ty: &Type, what: &str) -> Error {
    Error::Schema(format!("a {what} where the schema has {ty:?}"))
}

/// Serializes one value of type `ty` into its cells.
struct FlatSer<'a, 's, S> {
    out: &'a mut Flattener<'s, S>,
    ty: &'static Type,
}

macro_rules! refuse {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<(), Error> {
            Err(mismatch(self.ty, stringify!($method)))
        })*
    };
}

macro_rules! refuse_compound {
    () => {
        type SerializeTuple = Impossible<(), Error>;
        type SerializeTupleStruct = Impossible<(), Error>;
        type SerializeTupleVariant = Impossible<(), Error>;
        type SerializeMap = Impossible<(), Error>;
        type SerializeStructVariant = Impossible<(), Error>;

        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), Error> {
            Err(ser::Error::custom("a newtype variant"))
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
            Err(ser::Error::custom("a tuple"))
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, Error> {
            Err(ser::Error::custom("a tuple struct"))
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, Error> {
            Err(ser::Error::custom("a tuple variant"))
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
            Err(ser::Error::custom("a map"))
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, Error> {
            Err(ser::Error::custom("a struct variant"))
        }
    };
}

impl<'a, 's, S: Sink> ser::Serializer for FlatSer<'a, 's, S> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = JoinSeq<'a, 's, S>;
    type SerializeStruct = FlatStruct<'a, 's, S>;
    refuse_compound!();

    refuse!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_unit(),
        serialize_unit_struct(&'static str),
    );

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        match self.ty.required().0 {
            Type::Int => self.out.sink.cell(CellRef::Int(v)),
            ty => Err(mismatch(ty, "number")),
        }
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        match self.ty.required().0 {
            Type::Date => {
                let date = v.parse::<Date>().map_err(ser::Error::custom)?;
                self.out.sink.cell(CellRef::Date(date))
            }
            Type::Text | Type::Code(_) => self.out.sink.cell(CellRef::Text(v)),
            ty => Err(mismatch(ty, "string")),
        }
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        code: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(code)
    }
    fn serialize_none(self) -> Result<(), Error> {
        match self.ty {
            Type::Optional(inner) => {
                (0..width(inner)).try_for_each(|_| self.out.sink.cell(CellRef::Empty))
            }
            ty => Err(mismatch(ty, "null")),
        }
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        let ty = self.ty.required().0;
        value.serialize(FlatSer { out: self.out, ty })
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<JoinSeq<'a, 's, S>, Error> {
        match self.ty.required().0 {
            Type::List(item) if item.record().is_none() => {
                self.out.scratch.clear();
                Ok(JoinSeq { out: self.out })
            }
            ty => Err(mismatch(ty, "list")),
        }
    }
    fn serialize_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> Result<FlatStruct<'a, 's, S>, Error> {
        match self.ty.required().0 {
            Type::Record(record) if record.name == name => Ok(FlatStruct {
                out: self.out,
                record,
                index: 0,
            }),
            ty => Err(mismatch(ty, name)),
        }
    }
}

/// The fields of a part, each into its own cells.
pub(crate) struct FlatStruct<'a, 's, S> {
    out: &'a mut Flattener<'s, S>,
    record: &'static Record,
    index: usize,
}

impl<S: Sink> ser::SerializeStruct for FlatStruct<'_, '_, S> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let field = self.record.fields.get(self.index).filter(|f| f.name == key);
        let field = field.ok_or_else(|| {
            Error::Schema(format!(
                "{}.{key} is not the next field of the schema",
                self.record.name
            ))
        })?;
        self.index += 1;
        match field.ty {
            // A list of parts: the JSON array, as the JSON record has it.
            Type::List(item) if item.record().is_some() => {
                let out = &mut *self.out;
                out.scratch.clear();
                serde_json::to_writer(&mut out.scratch, value).map_err(ser::Error::custom)?;
                if out.scratch == b"[]" {
                    out.scratch.clear();
                }
                out.scratch_cell()
            }
            ty => value.serialize(FlatSer {
                out: &mut *self.out,
                ty,
            }),
        }
    }

    fn end(self) -> Result<(), Error> {
        match self.record.fields.get(self.index) {
            None => Ok(()),
            Some(f) => Err(Error::Schema(format!(
                "{}.{} was not written",
                self.record.name, f.name
            ))),
        }
    }
}

/// A list of dates (or other scalars): one cell, the items separated by one space.
pub(crate) struct JoinSeq<'a, 's, S> {
    out: &'a mut Flattener<'s, S>,
}

impl<S: Sink> ser::SerializeSeq for JoinSeq<'_, '_, S> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        if !self.out.scratch.is_empty() {
            self.out.scratch.push(b' ');
        }
        value.serialize(Item(&mut self.out.scratch))
    }

    fn end(self) -> Result<(), Error> {
        self.out.scratch_cell()
    }
}

/// One item of a joined list, appended as text.
struct Item<'b>(&'b mut Vec<u8>);

impl ser::Serializer for Item<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    refuse_compound!();

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        if v.contains(' ') {
            return Err(Error::Schema(format!(
                "`{v}` cannot be an item of a space-separated list"
            )));
        }
        self.0.extend_from_slice(v.as_bytes());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.serialize_str(&v.to_string())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        code: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(code)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_bool(self, _: bool) -> Result<(), Error> {
        Err(ser::Error::custom("a bool in a list"))
    }
    fn serialize_i8(self, _: i8) -> Result<(), Error> {
        Err(ser::Error::custom("a signed number in a list"))
    }
    fn serialize_i16(self, _: i16) -> Result<(), Error> {
        Err(ser::Error::custom("a signed number in a list"))
    }
    fn serialize_i32(self, _: i32) -> Result<(), Error> {
        Err(ser::Error::custom("a signed number in a list"))
    }
    fn serialize_i64(self, _: i64) -> Result<(), Error> {
        Err(ser::Error::custom("a signed number in a list"))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(ser::Error::custom("a float in a list"))
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(ser::Error::custom("a float in a list"))
    }
    fn serialize_char(self, c: char) -> Result<(), Error> {
        self.serialize_str(c.encode_utf8(&mut [0; 4]))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(ser::Error::custom("bytes in a list"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(ser::Error::custom("a null in a list"))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(ser::Error::custom("a unit in a list"))
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Err(ser::Error::custom("a unit in a list"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(ser::Error::custom("a list in a list"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(ser::Error::custom("a part in a joined list"))
    }
}
