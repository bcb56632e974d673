//! Deep and large kernels made from a few bytes, for the translator's fuzz target
//! `translate_structured` and its stable counterpart in `deep_and_large.rs`: mutating bytes of a
//! module almost never makes one nested thousands of levels deep, calling a chain of hundreds of
//! functions or holding tens of thousands of locals, and those are what overflowed stacks.
//!
//! The first byte picks a shape, the next ones its sizes; every shape is a valid kernel module
//! exporting `kernel(i, n, block, out, out_len)`, which stores an i32 at `out[i]`.

/// Reads sizes from the recipe's bytes, zeros when they run out.
struct Sizes<'a>(&'a [u8]);

impl Sizes<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    /// A size in `0..=max`, spread over orders of magnitude: small sizes as often as large.
    fn size(&mut self, max: usize) -> usize {
        let (shift, low) = (self.byte() % 18, self.byte() as usize);
        ((low << shift) >> 8).min(max)
    }
}

/// The module `recipe` describes, as Wasm text.
pub fn module(recipe: &[u8]) -> String {
    let mut sizes = Sizes(recipe);
    let shape = sizes.byte() % 7;
    let (body, funcs, locals) = match shape {
        // Blocks, loops run once, ifs, and a mix, nested `depth` deep around one value.
        0..=3 => {
            let depth = sizes.size(20_000);
            let mut open = String::new();
            let mut closers = Vec::with_capacity(depth);
            for level in 0..depth {
                let kind = if shape == 3 {
                    (level * 7 + depth) % 3
                } else {
                    shape as usize
                };
                match kind {
                    0 => {
                        open += "(block (result i32) ";
                        closers.push(")");
                    }
                    1 => {
                        open += "(loop (result i32) ";
                        closers.push(")");
                    }
                    _ => {
                        open += "(if (result i32) (local.get $i) (then ";
                        closers.push(") (else (i32.const 7)))");
                    }
                }
            }
            // Innermost first.
            let close: String = closers.into_iter().rev().collect();
            (format!("{open}(local.get $i){close}"), String::new(), 0)
        }
        // A chain of calls, each function calling the next.
        4 => {
            let depth = sizes.size(3_000).max(1);
            let mut funcs = String::new();
            for f in 0..depth {
                let next = if f + 1 < depth {
                    format!("(call $f{} (local.get 0))", f + 1)
                } else {
                    "(local.get 0)".to_string()
                };
                funcs += &format!(
                    "(func $f{f} (param i32) (result i32) (i32.add (i32.const 1) {next}))\n"
                );
            }
            ("(call $f0 (local.get $i))".to_string(), funcs, 0)
        }
        // Many locals, each set and read, in a long body.
        5 => {
            let locals = sizes.size(60_000);
            let mut body = String::from("(local.get $i)");
            for l in 0..locals {
                body += &format!(" local.set $v{l} local.get $v{l}");
            }
            (body, String::new(), locals)
        }
        // One expression `depth` operators deep, its operators chosen by the recipe.
        _ => {
            let depth = sizes.size(200_000);
            let ops = ["i32.add", "i32.mul", "i32.xor", "i32.sub", "i32.rotl"];
            let op = ops[sizes.byte() as usize % ops.len()];
            let body = format!(
                "(local.get $i){}",
                format!(" i32.const 3 {op}").repeat(depth)
            );
            (body, String::new(), 0)
        }
    };
    let decls: String = (0..locals).map(|l| format!("(local $v{l} i32)")).collect();
    format!(
        r#"(module (memory 1)
          {funcs}
          (func (export "kernel") (param $i i32) (param i32 i32) (param $p i32) (param i32)
            {decls}
            (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
            {body}
            i32.store))"#
    )
}
