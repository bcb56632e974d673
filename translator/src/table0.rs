//! Function pointers: which function a table-0 index names.
//!
//! Compilers pass a kernel to `parallel_for` as a function pointer, an index into table 0, which
//! instantiation fills from the module's active element segments. The translator and the
//! device's kernel-module cutting (`wasi_parallel_device::kernel_module`) both resolve function
//! pointers here, so that they agree on every module.
//!
//! # Rules
//!
//! - Segments are applied in order: a later segment overwrites the slots of an earlier one.
//! - Only active segments of table 0 count (`table_index` absent or 0); passive and declared
//!   segments initialise nothing at instantiation.
//! - A slot holding anything but a `ref.func` (a `ref.null`, a `global.get`) names no function.
//! - A segment at a non-constant offset (`global.get` of an imported global, as position-
//!   independent code does) makes every function pointer unresolvable: its slots are only known
//!   at instantiation, and any of them might be the one asked for.
//! - Offsets are kept as given, not expanded into a table: a segment at offset 2^31 costs no more
//!   than one at 1.

use wasmparser::{ElementItems, ElementKind, ElementSectionReader, Operator, Parser, Payload};

/// Why a function pointer names no function.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    /// No segment initialises the slot with a function.
    #[error("function pointer {0} is not in table 0")]
    NotInTable(u32),
    /// A segment's offset is only known at instantiation.
    #[error("table 0 is initialised at a non-constant offset (element section at byte offset {section:#x})")]
    NonConstantOffset {
        /// Byte offset of the element section in the module.
        section: usize,
    },
    /// The element section could not be read.
    #[error("invalid module: {0}")]
    Invalid(String),
}

/// Table 0 as instantiation fills it: the active segments, in order.
#[derive(Clone, Debug, Default)]
pub struct Table0 {
    /// `(offset, slots)` per segment; a slot is a function index, or `None` for no function.
    segments: Vec<(u32, Vec<Option<u32>>)>,
    /// The byte offset of an element section with a segment at a non-constant offset.
    non_constant: Option<usize>,
}

impl Table0 {
    /// Reads the element section of the module `wasm`.
    pub fn parse(wasm: &[u8]) -> Result<Table0, TableError> {
        let mut table = Table0::default();
        for payload in Parser::new(0).parse_all(wasm) {
            match payload.map_err(|e| TableError::Invalid(e.to_string()))? {
                Payload::ElementSection(reader) => table.add_segments(reader)?,
                // The element section comes before the code; nothing after it matters here.
                Payload::CodeSectionStart { .. } => break,
                _ => {}
            }
        }
        Ok(table)
    }

    /// Adds the segments of an element section, for readers that walk the module themselves.
    pub fn add_segments(&mut self, reader: ElementSectionReader<'_>) -> Result<(), TableError> {
        let invalid = |e: wasmparser::BinaryReaderError| TableError::Invalid(e.to_string());
        let section = reader.range().start;
        for element in reader {
            let element = element.map_err(invalid)?;
            let ElementKind::Active {
                table_index,
                offset_expr,
            } = element.kind
            else {
                continue;
            };
            if table_index.unwrap_or(0) != 0 {
                continue;
            }
            let mut ops = offset_expr.get_operators_reader();
            let offset = match (ops.read(), ops.read()) {
                (Ok(Operator::I32Const { value }), Ok(Operator::End)) => value as u32,
                _ => {
                    self.non_constant = Some(section);
                    continue;
                }
            };
            let slots: Vec<Option<u32>> = match element.items {
                ElementItems::Functions(funcs) => funcs
                    .into_iter()
                    .map(|f| f.map(Some))
                    .collect::<Result<_, _>>()
                    .map_err(invalid)?,
                ElementItems::Expressions(_, exprs) => exprs
                    .into_iter()
                    .map(|e| {
                        e.map(|e| {
                            let mut ops = e.get_operators_reader();
                            match (ops.read(), ops.read()) {
                                (Ok(Operator::RefFunc { function_index }), Ok(Operator::End)) => {
                                    Some(function_index)
                                }
                                _ => None,
                            }
                        })
                    })
                    .collect::<Result<_, _>>()
                    .map_err(invalid)?,
            };
            self.segments.push((offset, slots));
        }
        Ok(())
    }

    /// The index (imports first) of the function that function pointer `index` names.
    pub fn resolve(&self, index: u32) -> Result<u32, TableError> {
        if let Some(section) = self.non_constant {
            return Err(TableError::NonConstantOffset { section });
        }
        // The last segment covering the slot wrote it last.
        self.segments
            .iter()
            .rev()
            .find_map(|(offset, slots)| {
                let slot = index.checked_sub(*offset)?;
                slots.get(slot as usize)
            })
            .copied()
            .flatten()
            .ok_or(TableError::NotInTable(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(wat: &str) -> Table0 {
        Table0::parse(&wat::parse_str(wat).unwrap()).unwrap()
    }

    #[test]
    fn later_segments_overwrite_earlier_ones() {
        let t = table(
            r#"(module
                (table 8 funcref)
                (func $a) (func $b) (func $c)
                (elem (i32.const 1) $a $b)
                (elem (i32.const 2) $c))"#,
        );
        assert_eq!(t.resolve(1), Ok(0));
        assert_eq!(t.resolve(2), Ok(2));
        assert_eq!(t.resolve(0), Err(TableError::NotInTable(0)));
        assert_eq!(t.resolve(3), Err(TableError::NotInTable(3)));
    }

    #[test]
    fn null_slots_and_other_tables_name_nothing() {
        let t = table(
            r#"(module
                (table $t0 8 funcref)
                (table $t1 8 funcref)
                (func $a) (func $b)
                (elem (table $t0) (i32.const 0) funcref (ref.func $a) (ref.null func))
                (elem (table $t1) (i32.const 1) func $b)
                (elem declare func $b))"#,
        );
        assert_eq!(t.resolve(0), Ok(0));
        assert_eq!(t.resolve(1), Err(TableError::NotInTable(1)));
    }

    #[test]
    fn a_non_constant_offset_leaves_every_pointer_unknown() {
        let t = table(
            r#"(module
                (import "env" "base" (global $base i32))
                (table 8 funcref)
                (func $a)
                (elem (i32.const 1) $a)
                (elem (global.get $base) $a))"#,
        );
        assert!(matches!(
            t.resolve(1),
            Err(TableError::NonConstantOffset { .. })
        ));
    }

    #[test]
    fn huge_offsets_cost_nothing() {
        let t = table(
            r#"(module
                (table 1 funcref)
                (func $a)
                (elem (i32.const 0x7fffffff) $a))"#,
        );
        assert_eq!(t.resolve(0x7fff_ffff), Ok(0));
        assert_eq!(t.resolve(u32::MAX), Err(TableError::NotInTable(u32::MAX)));
    }
}
