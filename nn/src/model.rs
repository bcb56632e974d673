//! ONNX models: decoded with prost from the official `onnx.proto`, then checked and turned into
//! the graph the planner works on.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

use prost::Message;

use crate::tensor::{f16_to_f32, onnx_type_name, DType, Tensor};
use crate::Error;

/// The messages generated from `proto/onnx.proto`.
#[allow(missing_docs, missing_debug_implementations, clippy::all)]
pub mod proto {
    include!(concat!(env!("OUT_DIR"), "/onnx.rs"));
}

/// One dimension of a declared input or output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dim {
    /// A fixed size.
    Fixed(usize),
    /// A named size (`batch`, `height`): any size, the same wherever the name appears.
    Symbolic(String),
    /// Any size.
    Unknown,
}

/// A declared graph input or output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueInfo {
    /// The tensor's name.
    pub name: String,
    /// Its element type.
    pub dtype: DType,
    /// Its declared shape; `None` when the model does not say.
    pub dims: Option<Vec<Dim>>,
}

/// An attribute value.
#[derive(Clone, Debug)]
pub(crate) enum Attr {
    Int(i64),
    Float(f32),
    Ints(Vec<i64>),
    Floats(Vec<f32>),
    String(String),
    Strings(Vec<String>),
    Tensor(Tensor),
    /// A subgraph: If's branches, Loop's and Scan's bodies.
    Graph(Arc<Subgraph>),
    /// Kinds no implemented operator reads (graphs, sparse tensors, type protos).
    Other,
}

/// A subgraph of a node (If's branches, Loop's and Scan's bodies). Its nodes may read the
/// enclosing graphs' values by name.
#[derive(Debug)]
pub(crate) struct Subgraph {
    /// The formal inputs' names (Loop's and Scan's bodies take values through them).
    pub inputs: Vec<String>,
    pub outputs: Vec<String>,
    pub nodes: Vec<Node>,
    pub initializers: HashMap<String, Tensor>,
}

/// A node of the graph.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub op: String,
    pub name: String,
    /// Input names; an empty name is an absent optional input.
    pub inputs: Vec<String>,
    pub outputs: Vec<String>,
    pub attrs: HashMap<String, Attr>,
}

impl Node {
    /// How the node is named in messages.
    pub fn label(&self) -> String {
        if self.name.is_empty() {
            format!(
                "{} node producing `{}`",
                self.op,
                self.outputs.first().map_or("", |s| s)
            )
        } else {
            format!("{} node `{}`", self.op, self.name)
        }
    }
    pub fn int(&self, name: &str, default: i64) -> Result<i64, Error> {
        match self.attrs.get(name) {
            None => Ok(default),
            Some(Attr::Int(v)) => Ok(*v),
            Some(_) => Err(self.bad_attr(name, "an integer")),
        }
    }
    pub fn float(&self, name: &str, default: f32) -> Result<f32, Error> {
        match self.attrs.get(name) {
            None => Ok(default),
            Some(Attr::Float(v)) => Ok(*v),
            Some(Attr::Int(v)) => Ok(*v as f32),
            Some(_) => Err(self.bad_attr(name, "a float")),
        }
    }
    pub fn ints(&self, name: &str) -> Result<Option<Vec<i64>>, Error> {
        match self.attrs.get(name) {
            None => Ok(None),
            Some(Attr::Ints(v)) => Ok(Some(v.clone())),
            Some(Attr::Int(v)) => Ok(Some(vec![*v])),
            Some(_) => Err(self.bad_attr(name, "a list of integers")),
        }
    }
    pub fn floats(&self, name: &str) -> Result<Option<Vec<f32>>, Error> {
        match self.attrs.get(name) {
            None => Ok(None),
            Some(Attr::Floats(v)) => Ok(Some(v.clone())),
            Some(_) => Err(self.bad_attr(name, "a list of floats")),
        }
    }
    pub fn string(&self, name: &str, default: &str) -> Result<String, Error> {
        match self.attrs.get(name) {
            None => Ok(default.to_string()),
            Some(Attr::String(v)) => Ok(v.clone()),
            Some(_) => Err(self.bad_attr(name, "a string")),
        }
    }
    pub fn strings(&self, name: &str) -> Result<Option<Vec<String>>, Error> {
        match self.attrs.get(name) {
            None => Ok(None),
            Some(Attr::Strings(v)) => Ok(Some(v.clone())),
            Some(_) => Err(self.bad_attr(name, "a list of strings")),
        }
    }
    pub fn graph(&self, name: &str) -> Result<Option<&Arc<Subgraph>>, Error> {
        match self.attrs.get(name) {
            None => Ok(None),
            Some(Attr::Graph(g)) => Ok(Some(g)),
            Some(_) => Err(self.bad_attr(name, "a graph")),
        }
    }
    pub fn tensor(&self, name: &str) -> Result<Option<&Tensor>, Error> {
        match self.attrs.get(name) {
            None => Ok(None),
            Some(Attr::Tensor(t)) => Ok(Some(t)),
            Some(_) => Err(self.bad_attr(name, "a tensor")),
        }
    }
    fn bad_attr(&self, name: &str, what: &str) -> Error {
        Error::InvalidModel(format!(
            "{}: attribute `{name}` is not {what}",
            self.label()
        ))
    }
}

/// A parsed and checked ONNX model, ready to be planned for a device.
pub struct Model {
    /// The `ai.onnx` operator set version it was written against.
    pub opset: i64,
    /// The graph's inputs that the caller provides (initializers excluded).
    pub inputs: Vec<ValueInfo>,
    /// The graph's outputs.
    pub outputs: Vec<ValueInfo>,
    pub(crate) nodes: Vec<Node>,
    /// Weights; graph inputs that have one are not among [`Model::inputs`].
    pub(crate) initializers: HashMap<String, Tensor>,
}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("opset", &self.opset)
            .field("inputs", &self.inputs)
            .field("outputs", &self.outputs)
            .field("nodes", &self.nodes.len())
            .field("initializers", &self.initializers.len())
            .finish()
    }
}

/// The operators of a model that are not implemented, each with where it is first used: what a
/// load error names, so that a user learns which operator to replace or ask for.
#[derive(Default)]
struct Unimplemented {
    ops: Vec<MissingOp>,
}

/// An operator a model uses and we lack.
struct MissingOp {
    domain: String,
    op: String,
    /// The version the model imports for the domain.
    opset: Option<i64>,
    /// The first node's name.
    node: String,
    /// How many nodes use it.
    count: usize,
}

impl Unimplemented {
    fn add(
        &mut self,
        imports: &[proto::OperatorSetIdProto],
        domain: &str,
        op: &str,
        node: Option<&str>,
    ) {
        let domain = if domain.is_empty() { "ai.onnx" } else { domain };
        if let Some(known) = self
            .ops
            .iter_mut()
            .find(|m| m.domain == domain && m.op == op)
        {
            known.count += 1;
            return;
        }
        let opset = imports
            .iter()
            .find(|o| {
                let d = o.domain.as_deref().unwrap_or("");
                d == domain || (domain == "ai.onnx" && d.is_empty())
            })
            .and_then(|o| o.version);
        self.ops.push(MissingOp {
            domain: domain.to_string(),
            op: op.to_string(),
            opset,
            node: node.unwrap_or("").to_string(),
            count: 1,
        });
    }

    /// `operators not implemented: Resize (ai.onnx opset 13, first used by node `up1`, 3
    /// nodes); ...`.
    fn message(&self) -> Option<String> {
        if self.ops.is_empty() {
            return None;
        }
        let list: Vec<String> = self
            .ops
            .iter()
            .map(|m| {
                let name = if m.domain == "ai.onnx" {
                    m.op.clone()
                } else {
                    format!("{}.{}", m.domain, m.op)
                };
                let opset = match m.opset {
                    Some(v) => format!("{} opset {v}", m.domain),
                    None => format!("{}, no opset imported", m.domain),
                };
                let node = if m.node.is_empty() {
                    "an unnamed node".to_string()
                } else {
                    format!("node `{}`", m.node)
                };
                let more = if m.count > 1 {
                    format!(", {} nodes", m.count)
                } else {
                    String::new()
                };
                format!("{name} ({opset}, first used by {node}{more})")
            })
            .collect();
        let noun = if list.len() == 1 {
            "operator"
        } else {
            "operators"
        };
        Some(format!("{noun} not implemented: {}", list.join("; ")))
    }
}

/// Whether `bytes` look like an ONNX model: a `ModelProto` with an IR version and a graph.
pub fn is_onnx(bytes: &[u8]) -> bool {
    proto::ModelProto::decode(bytes)
        .is_ok_and(|m| m.ir_version.unwrap_or(0) > 0 && m.graph.is_some())
}

impl Model {
    /// The bytes of its weights (initializers), as they are held in memory.
    pub(crate) fn weight_bytes(&self) -> u64 {
        self.initializers
            .values()
            .map(|t| t.data.len() as u64)
            .sum()
    }

    /// Decodes and checks a model: every operator must be one that `implemented` says is
    /// implemented, every tensor typed with a supported type, and the nodes in topological order.
    /// ([`Model::parse`] is this with the operator table's answer; the parser itself knows no
    /// operators.)
    pub(crate) fn decode(bytes: &[u8], implemented: fn(&str) -> bool) -> Result<Model, Error> {
        let model = proto::ModelProto::decode(bytes)
            .map_err(|e| Error::InvalidModel(format!("not an ONNX model: {e}")))?;
        if model.ir_version.unwrap_or(0) <= 0 {
            return Err(Error::InvalidModel("the model has no IR version".into()));
        }
        let opset = model
            .opset_import
            .iter()
            .find(|o| matches!(o.domain.as_deref(), None | Some("") | Some("ai.onnx")))
            .and_then(|o| o.version)
            // IR version 3 and older models without opset_import use opset 1.
            .unwrap_or(1);
        let graph = model
            .graph
            .ok_or_else(|| Error::InvalidModel("the model has no graph".into()))?;

        let mut initializers = HashMap::new();
        for t in &graph.initializer {
            let tensor = decode_tensor(t)?;
            initializers.insert(t.name.clone().unwrap_or_default(), tensor);
        }
        if !graph.sparse_initializer.is_empty() {
            return Err(Error::Unsupported("sparse initializers".into()));
        }

        let value_info = |v: &proto::ValueInfoProto| -> Result<ValueInfo, Error> {
            let name = v.name.clone().unwrap_or_default();
            let tensor = match v.r#type.as_ref().and_then(|t| t.value.as_ref()) {
                Some(proto::type_proto::Value::TensorType(t)) => t,
                _ => {
                    return Err(Error::Unsupported(format!(
                        "`{name}` is not a tensor (sequences, maps and optionals are not supported)"
                    )))
                }
            };
            let code = tensor.elem_type.unwrap_or(0);
            let dtype = DType::from_onnx(code).map_err(|_| {
                Error::Unsupported(format!(
                    "`{name}` has element type {} (ONNX code {code})",
                    onnx_type_name(code)
                ))
            })?;
            let dims = tensor.shape.as_ref().map(|s| {
                s.dim
                    .iter()
                    .map(|d| match &d.value {
                        Some(proto::tensor_shape_proto::dimension::Value::DimValue(v))
                            if *v >= 0 =>
                        {
                            Dim::Fixed(*v as usize)
                        }
                        // Exporters write `?` (Paddle) or `unk__N` (tf2onnx) for "unknown".
                        Some(proto::tensor_shape_proto::dimension::Value::DimParam(p))
                            if !p.is_empty() && p != "?" && !p.starts_with("unk__") =>
                        {
                            Dim::Symbolic(p.clone())
                        }
                        _ => Dim::Unknown,
                    })
                    .collect()
            });
            Ok(ValueInfo { name, dtype, dims })
        };
        let mut inputs = Vec::new();
        for v in &graph.input {
            let info = value_info(v)?;
            if !initializers.contains_key(&info.name) {
                inputs.push(info);
            }
        }
        let outputs = graph
            .output
            .iter()
            .map(value_info)
            .collect::<Result<Vec<_>, _>>()?;

        let mut unsupported = Unimplemented::default();
        let mut decoder = NodeDecoder {
            imports: &model.opset_import,
            implemented,
            unsupported: &mut unsupported,
        };
        let nodes = decoder.nodes(&graph.node, 0)?;
        if let Some(message) = unsupported.message() {
            return Err(Error::Unsupported(message));
        }

        // Topological order, as ONNX requires: every input is defined before it is used.
        let mut defined: HashSet<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
        defined.extend(initializers.keys().map(String::as_str));
        for node in &nodes {
            for input in node.inputs.iter().filter(|i| !i.is_empty()) {
                if !defined.contains(input.as_str()) {
                    return Err(Error::InvalidModel(format!(
                        "{} reads `{input}`, which no earlier node, input or initializer defines",
                        node.label()
                    )));
                }
            }
            defined.extend(node.outputs.iter().map(String::as_str));
        }
        for output in &outputs {
            if !defined.contains(output.name.as_str()) {
                return Err(Error::InvalidModel(format!(
                    "the graph output `{}` is never computed",
                    output.name
                )));
            }
        }

        Ok(Model {
            opset,
            inputs,
            outputs,
            nodes,
            initializers,
        })
    }

    /// The number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }
}

/// Decodes nodes, noting the operators not implemented, subgraphs included.
struct NodeDecoder<'a> {
    imports: &'a [proto::OperatorSetIdProto],
    implemented: fn(&str) -> bool,
    unsupported: &'a mut Unimplemented,
}

/// How deeply subgraphs may nest (If inside Loop inside If ...).
const MAX_SUBGRAPH_DEPTH: usize = 16;

impl NodeDecoder<'_> {
    fn nodes(&mut self, list: &[proto::NodeProto], depth: usize) -> Result<Vec<Node>, Error> {
        let mut nodes = Vec::with_capacity(list.len());
        for n in list {
            let bare = n.op_type.clone().unwrap_or_default();
            let domain = n.domain.as_deref().unwrap_or("");
            // ONNX's operators by their names; ONNX Runtime's as `com.microsoft.Op`.
            let op = match domain {
                "" | "ai.onnx" => bare.clone(),
                "com.microsoft" => format!("{domain}.{bare}"),
                _ => String::new(),
            };
            if op.is_empty() || !(self.implemented)(&op) {
                self.unsupported
                    .add(self.imports, domain, &bare, n.name.as_deref());
                continue;
            }
            let mut attrs = HashMap::new();
            for a in &n.attribute {
                let value = match &a.g {
                    Some(g) => Attr::Graph(Arc::new(self.subgraph(g, depth + 1)?)),
                    None => decode_attr(a)?,
                };
                attrs.insert(a.name.clone().unwrap_or_default(), value);
            }
            nodes.push(Node {
                op,
                name: n.name.clone().unwrap_or_default(),
                inputs: n.input.clone(),
                outputs: n.output.clone(),
                attrs,
            });
        }
        Ok(nodes)
    }

    fn subgraph(&mut self, g: &proto::GraphProto, depth: usize) -> Result<Subgraph, Error> {
        if depth > MAX_SUBGRAPH_DEPTH {
            return Err(Error::Unsupported(format!(
                "subgraphs nested more than {MAX_SUBGRAPH_DEPTH} deep"
            )));
        }
        let mut initializers = HashMap::new();
        for t in &g.initializer {
            initializers.insert(t.name.clone().unwrap_or_default(), decode_tensor(t)?);
        }
        Ok(Subgraph {
            inputs: g
                .input
                .iter()
                .map(|v| v.name.clone().unwrap_or_default())
                .collect(),
            outputs: g
                .output
                .iter()
                .map(|v| v.name.clone().unwrap_or_default())
                .collect(),
            nodes: self.nodes(&g.node, depth)?,
            initializers,
        })
    }
}

fn decode_attr(a: &proto::AttributeProto) -> Result<Attr, Error> {
    use proto::attribute_proto::AttributeType as T;
    let ty = a.r#type.and_then(|t| T::try_from(t).ok());
    Ok(match ty {
        Some(T::Int) => Attr::Int(a.i.unwrap_or(0)),
        Some(T::Float) => Attr::Float(a.f.unwrap_or(0.0)),
        Some(T::Ints) => Attr::Ints(a.ints.clone()),
        Some(T::Floats) => Attr::Floats(a.floats.clone()),
        Some(T::String) => {
            Attr::String(String::from_utf8_lossy(a.s.as_deref().unwrap_or(&[])).into_owned())
        }
        Some(T::Strings) => Attr::Strings(
            a.strings
                .iter()
                .map(|s| String::from_utf8_lossy(s).into_owned())
                .collect(),
        ),
        Some(T::Tensor) => match &a.t {
            Some(t) => Attr::Tensor(decode_tensor(t)?),
            None => Attr::Other,
        },
        // Old models leave the type out: infer it from the field that is set.
        None | Some(T::Undefined) => {
            if let Some(t) = &a.t {
                Attr::Tensor(decode_tensor(t)?)
            } else if !a.ints.is_empty() {
                Attr::Ints(a.ints.clone())
            } else if !a.floats.is_empty() {
                Attr::Floats(a.floats.clone())
            } else if let Some(i) = a.i {
                Attr::Int(i)
            } else if let Some(f) = a.f {
                Attr::Float(f)
            } else if !a.strings.is_empty() {
                Attr::Strings(
                    a.strings
                        .iter()
                        .map(|s| String::from_utf8_lossy(s).into_owned())
                        .collect(),
                )
            } else if let Some(s) = &a.s {
                Attr::String(String::from_utf8_lossy(s).into_owned())
            } else {
                Attr::Other
            }
        }
        Some(_) => Attr::Other,
    })
}

/// Decodes a serialised `TensorProto` (as ONNX's test data sets store them).
pub fn decode_tensor_proto(bytes: &[u8]) -> Result<Tensor, Error> {
    let t = proto::TensorProto::decode(bytes)
        .map_err(|e| Error::InvalidModel(format!("not a TensorProto: {e}")))?;
    decode_tensor(&t)
}

/// Decodes a `TensorProto` from whichever field holds its data.
pub(crate) fn decode_tensor(t: &proto::TensorProto) -> Result<Tensor, Error> {
    let name = t.name.as_deref().unwrap_or("");
    let code = t.data_type.unwrap_or(0);
    let dtype = DType::from_onnx(code).map_err(|_| {
        Error::Unsupported(format!(
            "tensor `{name}` has element type {}",
            onnx_type_name(code)
        ))
    })?;
    if t.data_location == Some(proto::tensor_proto::DataLocation::External as i32) {
        return Err(Error::Unsupported(format!(
            "tensor `{name}` keeps its data in an external file"
        )));
    }
    let shape = t
        .dims
        .iter()
        .map(|&d| usize::try_from(d))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| Error::InvalidModel(format!("tensor `{name}` has a negative dimension")))?;
    let count = crate::tensor::checked_elements(&shape)
        .ok_or_else(|| Error::InvalidModel(format!("tensor `{name}` is too large")))?;
    let raw = t.raw_data.as_deref();
    let data: Vec<u8> = if code == 10 {
        // FLOAT16: held as f32.
        let halves: Vec<u16> = match raw {
            Some(r) => r
                .chunks_exact(2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]))
                .collect(),
            None => t.int32_data.iter().map(|&v| v as u16).collect(),
        };
        halves
            .into_iter()
            .flat_map(|h| f16_to_f32(h).to_le_bytes())
            .collect()
    } else if let Some(r) = raw {
        r.to_vec()
    } else {
        match dtype {
            DType::F32 => t.float_data.iter().flat_map(|v| v.to_le_bytes()).collect(),
            DType::F64 => t.double_data.iter().flat_map(|v| v.to_le_bytes()).collect(),
            DType::I64 => t.int64_data.iter().flat_map(|v| v.to_le_bytes()).collect(),
            DType::I32 => t.int32_data.iter().flat_map(|v| v.to_le_bytes()).collect(),
            DType::U8 | DType::I8 | DType::Bool => t.int32_data.iter().map(|&v| v as u8).collect(),
        }
    };
    if data.len() != count * dtype.size() {
        return Err(Error::InvalidModel(format!(
            "tensor `{name}` of shape {shape:?} holds {} bytes of data, not {}",
            data.len(),
            count * dtype.size()
        )));
    }
    Tensor::new(dtype, shape, data)
}
