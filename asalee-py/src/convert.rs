//! A core record as Python objects, led by the record's description (`asalee_core::schema`):
//! each part becomes an instance of its class of `asalee/_model.py` (the class the schema names),
//! called with every field by keyword; dates become `datetime.date`, lists tuples, codes interned
//! strings. No field is named here: serde hands over the values in order, the schema says what
//! each one is.

use std::fmt;

use asalee_core::schema::{self, Record, Type};
use asalee_core::{Date, Question};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyTuple};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Impossible, Serialize};

/// A part's class and its field names (interned once).
struct Class {
    class: Py<PyAny>,
    keys: Vec<Py<PyString>>,
}

/// The Python classes records are made of, imported on first use (importing them when the
/// extension is initialised would be circular: `asalee/__init__.py` imports the extension).
pub(crate) struct Classes {
    /// One per `schema::RECORDS`, in that order.
    records: Vec<Class>,
    pub(crate) parse_error: Py<PyAny>,
    date: Py<PyAny>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

pub(crate) fn classes(py: Python<'_>) -> PyResult<&'static Classes> {
    CLASSES.get_or_try_init(py, || {
        let model = py.import("asalee._model")?;
        let records = schema::RECORDS
            .iter()
            .map(|r| {
                Ok(Class {
                    class: model.getattr(r.python_name)?.unbind(),
                    keys: r
                        .fields
                        .iter()
                        .map(|f| PyString::intern(py, f.name).unbind())
                        .collect(),
                })
            })
            .collect::<PyResult<_>>()?;
        Ok(Classes {
            records,
            parse_error: model.getattr("ParseError")?.unbind(),
            date: py.import("datetime")?.getattr("date")?.unbind(),
        })
    })
}

impl Classes {
    fn of(&self, record: &'static Record) -> &Class {
        let i = schema::RECORDS
            .iter()
            .position(|r| std::ptr::eq(*r, record))
            .expect("every part is in schema::RECORDS");
        &self.records[i]
    }
}

/// A core [`Question`] as an `asalee.Question`.
pub(crate) fn question<'py>(py: Python<'py>, q: &Question) -> PyResult<Bound<'py, PyAny>> {
    static QUESTION: Type = Type::Record(&schema::QUESTION);
    let classes = classes(py)?;
    q.serialize(ToPy {
        py,
        classes,
        ty: &QUESTION,
    })
    .map_err(|e| e.0)
}

/// A `PyErr` as serde's error.
pub(crate) struct Error(PyErr);

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(pyo3::exceptions::PyValueError::new_err(format!(
            "a record that does not fit asalee's schema: {msg}"
        )))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Error {
        Error(e)
    }
}

/// Serializes a value of type `ty` into a Python object.
#[derive(Clone, Copy)]
struct ToPy<'a, 'py> {
    py: Python<'py>,
    classes: &'a Classes,
    ty: &'static Type,
}

type Result<'py> = std::result::Result<Bound<'py, PyAny>, Error>;

fn refused<'py>(what: &str) -> Result<'py> {
    Err(ser::Error::custom(format!("a {what}")))
}

impl<'a, 'py> ser::Serializer for ToPy<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Impossible<Self::Ok, Error>;
    type SerializeTupleStruct = Impossible<Self::Ok, Error>;
    type SerializeTupleVariant = Impossible<Self::Ok, Error>;
    type SerializeMap = Impossible<Self::Ok, Error>;
    type SerializeStruct = Struct<'a, 'py>;
    type SerializeStructVariant = Impossible<Self::Ok, Error>;

    fn serialize_u64(self, v: u64) -> Result<'py> {
        Ok(v.into_bound_py_any(self.py)?)
    }
    fn serialize_u32(self, v: u32) -> Result<'py> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<'py> {
        self.serialize_u64(v.into())
    }
    fn serialize_u8(self, v: u8) -> Result<'py> {
        self.serialize_u64(v.into())
    }
    fn serialize_str(self, v: &str) -> Result<'py> {
        match self.ty.required().0 {
            Type::Date => {
                let d: Date = v.parse().map_err(<Error as ser::Error>::custom)?;
                let date = self.classes.date.bind(self.py);
                Ok(date.call1((d.year(), d.month(), d.day()))?)
            }
            Type::Code(_) => Ok(PyString::intern(self.py, v).into_any()),
            _ => Ok(PyString::new(self.py, v).into_any()),
        }
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, code: &'static str) -> Result<'py> {
        Ok(PyString::intern(self.py, code).into_any())
    }
    fn serialize_none(self) -> Result<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<'py> {
        let ty = self.ty.required().0;
        value.serialize(ToPy { ty, ..self })
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<'py> {
        value.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> std::result::Result<Seq<'a, 'py>, Error> {
        match self.ty.required().0 {
            Type::List(item) => Ok(Seq {
                to: ToPy { ty: item, ..self },
                items: Vec::with_capacity(len.unwrap_or(0)),
            }),
            _ => Err(ser::Error::custom("a list where the schema has none")),
        }
    }
    fn serialize_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> std::result::Result<Struct<'a, 'py>, Error> {
        match self.ty.required().0 {
            Type::Record(record) if record.name == name => Ok(Struct {
                to: self,
                record,
                class: self.classes.of(record),
                kwargs: PyDict::new(self.py),
                index: 0,
            }),
            _ => Err(ser::Error::custom(format!(
                "a {name} where the schema has none"
            ))),
        }
    }

    fn serialize_bool(self, _: bool) -> Result<'py> {
        refused("bool")
    }
    fn serialize_i8(self, _: i8) -> Result<'py> {
        refused("signed number")
    }
    fn serialize_i16(self, _: i16) -> Result<'py> {
        refused("signed number")
    }
    fn serialize_i32(self, _: i32) -> Result<'py> {
        refused("signed number")
    }
    fn serialize_i64(self, _: i64) -> Result<'py> {
        refused("signed number")
    }
    fn serialize_f32(self, _: f32) -> Result<'py> {
        refused("float")
    }
    fn serialize_f64(self, _: f64) -> Result<'py> {
        refused("float")
    }
    fn serialize_char(self, _: char) -> Result<'py> {
        refused("char")
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<'py> {
        refused("byte string")
    }
    fn serialize_unit(self) -> Result<'py> {
        refused("unit")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<'py> {
        refused("unit struct")
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<'py> {
        refused("newtype variant")
    }
    fn serialize_tuple(self, _: usize) -> std::result::Result<Self::SerializeTuple, Error> {
        Err(ser::Error::custom("a tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeTupleStruct, Error> {
        Err(ser::Error::custom("a tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeTupleVariant, Error> {
        Err(ser::Error::custom("a tuple variant"))
    }
    fn serialize_map(self, _: Option<usize>) -> std::result::Result<Self::SerializeMap, Error> {
        Err(ser::Error::custom("a map"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeStructVariant, Error> {
        Err(ser::Error::custom("a struct variant"))
    }
}

/// A list: a tuple of its items.
struct Seq<'a, 'py> {
    to: ToPy<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(
        &mut self,
        value: &T,
    ) -> std::result::Result<(), Error> {
        self.items.push(value.serialize(self.to)?);
        Ok(())
    }

    fn end(self) -> Result<'py> {
        Ok(PyTuple::new(self.to.py, self.items)?.into_any())
    }
}

/// A part: its class called with every field by keyword.
struct Struct<'a, 'py> {
    to: ToPy<'a, 'py>,
    record: &'static Record,
    class: &'a Class,
    kwargs: Bound<'py, PyDict>,
    index: usize,
}

impl<'py> ser::SerializeStruct for Struct<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> std::result::Result<(), Error> {
        let field = self.record.fields.get(self.index).filter(|f| f.name == key);
        let Some(field) = field else {
            return Err(ser::Error::custom(format!(
                "{}.{key} is not the next field",
                self.record.name
            )));
        };
        let value = value.serialize(ToPy {
            ty: field.ty,
            ..self.to
        })?;
        self.kwargs
            .set_item(self.class.keys[self.index].bind(self.to.py), value)?;
        self.index += 1;
        Ok(())
    }

    fn end(self) -> Result<'py> {
        if self.index != self.record.fields.len() {
            return Err(ser::Error::custom(format!(
                "{} has fields missing",
                self.record.name
            )));
        }
        Ok(self
            .class
            .class
            .bind(self.to.py)
            .call((), Some(&self.kwargs))?)
    }
}
