//! Host tensors: an element type, a shape and little-endian bytes.

use std::fmt;
use std::sync::Arc;

use crate::abi::cast;
use crate::Error;

/// The element types the backend holds. Computation is in f32 for the neural-network operators;
/// data movement, casts, comparisons and arithmetic take every type here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DType {
    /// 32-bit float.
    F32,
    /// 64-bit float.
    F64,
    /// 32-bit signed integer.
    I32,
    /// 64-bit signed integer.
    I64,
    /// Unsigned byte.
    U8,
    /// Signed byte (quantised tensors).
    I8,
    /// Boolean, one byte per element (0 or 1).
    Bool,
}

impl DType {
    /// The ONNX `TensorProto.DataType` code, as the `cast` kernel takes it.
    pub fn onnx_code(self) -> i32 {
        match self {
            DType::F32 => cast::F32,
            DType::U8 => cast::U8,
            DType::I8 => cast::I8,
            DType::I32 => cast::I32,
            DType::I64 => cast::I64,
            DType::Bool => cast::BOOL,
            DType::F64 => cast::F64,
        }
    }

    /// The type for an ONNX data type code. FLOAT16 is held as F32 (see [`crate`]).
    pub fn from_onnx(code: i32) -> Result<DType, Error> {
        Ok(match code {
            // 10 is FLOAT16.
            cast::F32 | 10 => DType::F32,
            cast::U8 => DType::U8,
            cast::I8 => DType::I8,
            cast::I32 => DType::I32,
            cast::I64 => DType::I64,
            cast::BOOL => DType::Bool,
            cast::F64 => DType::F64,
            other => {
                return Err(Error::Unsupported(format!(
                    "tensor element type {} (ONNX code {other})",
                    onnx_type_name(other)
                )))
            }
        })
    }

    /// Bytes per element.
    pub fn size(self) -> usize {
        match self {
            DType::U8 | DType::I8 | DType::Bool => 1,
            DType::F32 | DType::I32 => 4,
            DType::F64 | DType::I64 => 8,
        }
    }

    /// The lower-case name, as in error messages.
    pub fn name(self) -> &'static str {
        match self {
            DType::F32 => "f32",
            DType::F64 => "f64",
            DType::I32 => "i32",
            DType::I64 => "i64",
            DType::U8 => "u8",
            DType::I8 => "i8",
            DType::Bool => "bool",
        }
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name of an ONNX data type code, for messages.
pub fn onnx_type_name(code: i32) -> &'static str {
    match code {
        0 => "UNDEFINED",
        1 => "FLOAT",
        2 => "UINT8",
        3 => "INT8",
        4 => "UINT16",
        5 => "INT16",
        6 => "INT32",
        7 => "INT64",
        8 => "STRING",
        9 => "BOOL",
        10 => "FLOAT16",
        11 => "DOUBLE",
        12 => "UINT32",
        13 => "UINT64",
        14 => "COMPLEX64",
        15 => "COMPLEX128",
        16 => "BFLOAT16",
        17 => "FLOAT8E4M3FN",
        18 => "FLOAT8E4M3FNUZ",
        19 => "FLOAT8E5M2",
        20 => "FLOAT8E5M2FNUZ",
        21 => "UINT4",
        22 => "INT4",
        23 => "FLOAT4E2M1",
        24 => "FLOAT8E8M0",
        25 => "UINT2",
        26 => "INT2",
        _ => "an unknown type",
    }
}

/// A tensor in host memory. Cloning shares the bytes.
#[derive(Clone, PartialEq)]
pub struct Tensor {
    /// The element type.
    pub dtype: DType,
    /// The dimensions, outermost first.
    pub shape: Vec<usize>,
    /// `elements * dtype.size()` little-endian bytes, row-major.
    pub data: Arc<[u8]>,
}

impl fmt::Debug for Tensor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tensor({} {:?})", self.dtype, self.shape)
    }
}

impl Tensor {
    /// A tensor from its parts; the byte count must match.
    pub fn new(
        dtype: DType,
        shape: Vec<usize>,
        data: impl Into<Arc<[u8]>>,
    ) -> Result<Tensor, Error> {
        let data = data.into();
        let expected = checked_elements(&shape)
            .and_then(|n| n.checked_mul(dtype.size()))
            .ok_or_else(|| Error::InvalidInput(format!("shape {shape:?} is too large")))?;
        if data.len() != expected {
            return Err(Error::InvalidInput(format!(
                "a {dtype} tensor of shape {shape:?} has {expected} bytes, not {}",
                data.len()
            )));
        }
        Ok(Tensor { dtype, shape, data })
    }

    /// An f32 tensor.
    pub fn from_f32(shape: Vec<usize>, values: &[f32]) -> Result<Tensor, Error> {
        Tensor::new(
            DType::F32,
            shape,
            bytemuck::cast_slice::<f32, u8>(values).to_vec(),
        )
    }

    /// An i64 tensor.
    pub fn from_i64(shape: Vec<usize>, values: &[i64]) -> Result<Tensor, Error> {
        Tensor::new(
            DType::I64,
            shape,
            bytemuck::cast_slice::<i64, u8>(values).to_vec(),
        )
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        self.shape.iter().product()
    }

    /// Whether it has no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The same bytes under another shape with as many elements.
    pub fn reshaped(&self, shape: Vec<usize>) -> Tensor {
        debug_assert_eq!(shape.iter().product::<usize>(), self.len());
        Tensor {
            dtype: self.dtype,
            shape,
            data: self.data.clone(),
        }
    }

    /// The elements as f32 (any numeric type, converted).
    pub fn to_f32(&self) -> Vec<f32> {
        self.to_f64().into_iter().map(|v| v as f32).collect()
    }

    /// The elements as f64 (any type, converted).
    pub fn to_f64(&self) -> Vec<f64> {
        let d = &self.data;
        match self.dtype {
            DType::F32 => d
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes(b.try_into().unwrap()) as f64)
                .collect(),
            DType::F64 => d
                .chunks_exact(8)
                .map(|b| f64::from_le_bytes(b.try_into().unwrap()))
                .collect(),
            DType::I32 => d
                .chunks_exact(4)
                .map(|b| i32::from_le_bytes(b.try_into().unwrap()) as f64)
                .collect(),
            DType::I64 => d
                .chunks_exact(8)
                .map(|b| i64::from_le_bytes(b.try_into().unwrap()) as f64)
                .collect(),
            DType::U8 | DType::Bool => d.iter().map(|&b| b as f64).collect(),
            DType::I8 => d.iter().map(|&b| b as i8 as f64).collect(),
        }
    }

    /// The elements as i64, for integer tensors (shapes, axes, indices).
    pub fn to_i64(&self) -> Result<Vec<i64>, Error> {
        let d = &self.data;
        Ok(match self.dtype {
            DType::I64 => d
                .chunks_exact(8)
                .map(|b| i64::from_le_bytes(b.try_into().unwrap()))
                .collect(),
            DType::I32 => d
                .chunks_exact(4)
                .map(|b| i32::from_le_bytes(b.try_into().unwrap()) as i64)
                .collect(),
            DType::U8 | DType::Bool => d.iter().map(|&b| b as i64).collect(),
            DType::I8 => d.iter().map(|&b| b as i8 as i64).collect(),
            other => {
                return Err(Error::InvalidModel(format!(
                    "expected an integer tensor, found {other}"
                )))
            }
        })
    }
}

/// The product of `shape`, or `None` on overflow.
pub fn checked_elements(shape: &[usize]) -> Option<usize> {
    shape.iter().try_fold(1usize, |n, &d| n.checked_mul(d))
}

/// Row-major strides of `shape`, in elements.
pub fn strides(shape: &[usize]) -> Vec<usize> {
    let mut s = vec![1; shape.len()];
    for d in (0..shape.len().saturating_sub(1)).rev() {
        s[d] = s[d + 1] * shape[d + 1];
    }
    s
}

/// IEEE half to single precision.
pub fn f16_to_f32(h: u16) -> f32 {
    let sign = ((h >> 15) as u32) << 31;
    let exp = ((h >> 10) & 0x1f) as u32;
    let mant = (h & 0x3ff) as u32;
    let bits = match (exp, mant) {
        (0, 0) => sign,
        (0, m) => {
            // Subnormal: normalise.
            let mut e = 113u32;
            let mut m = m;
            while m & 0x400 == 0 {
                m <<= 1;
                e -= 1;
            }
            sign | (e << 23) | ((m & 0x3ff) << 13)
        }
        (0x1f, m) => sign | 0x7f80_0000 | (m << 13),
        (e, m) => sign | ((e + 112) << 23) | (m << 13),
    };
    f32::from_bits(bits)
}
