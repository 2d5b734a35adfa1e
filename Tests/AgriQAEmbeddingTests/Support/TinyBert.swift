import Foundation

/// A tiny random BERT (hidden 8, 2 heads, 2 layers) written as a model directory, plus a
/// plain, obviously-correct forward pass in Double over a padded batch with an additive
/// attention mask — the way transformers computes it — to check the packed, BLAS-based
/// encoder against.
struct TinyBert {
    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "soil", "maize", "##s", "n", "kg", "ha", "/", ".",
        "apply", "rice", "water", "plant", "##ing", "at", "##ed", "dry",
    ]

    let hidden = 8, heads = 2, intermediate = 12, layers = 2, positions = 24
    var vocabularySize: Int { Self.vocabulary.count }
    /// Every parameter by its safetensors name. Values are multiples of 1/64 in [-1, 1] (plus
    /// 1 for layer-norm weights), exactly representable in F16 and BF16.
    private(set) var tensors: [String: (shape: [Int], values: [Float])] = [:]

    init(seed: UInt64) {
        var state = seed
        func random() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int((state >> 33) % 129) - 64) / 64
        }
        func add(_ name: String, _ shape: [Int], offset: Float = 0) {
            tensors[name] = (shape, (0..<shape.reduce(1, *)).map { _ in random() + offset })
        }
        let h = hidden
        add("embeddings.word_embeddings.weight", [vocabularySize, h])
        add("embeddings.position_embeddings.weight", [positions, h])
        add("embeddings.token_type_embeddings.weight", [2, h])
        add("embeddings.LayerNorm.weight", [h], offset: 1)
        add("embeddings.LayerNorm.bias", [h])
        for l in 0..<layers {
            let p = "encoder.layer.\(l)."
            for part in ["query", "key", "value"] {
                add(p + "attention.self.\(part).weight", [h, h])
                add(p + "attention.self.\(part).bias", [h])
            }
            add(p + "attention.output.dense.weight", [h, h])
            add(p + "attention.output.dense.bias", [h])
            add(p + "attention.output.LayerNorm.weight", [h], offset: 1)
            add(p + "attention.output.LayerNorm.bias", [h])
            add(p + "intermediate.dense.weight", [intermediate, h])
            add(p + "intermediate.dense.bias", [intermediate])
            add(p + "output.dense.weight", [h, intermediate])
            add(p + "output.dense.bias", [h])
            add(p + "output.LayerNorm.weight", [h], offset: 1)
            add(p + "output.LayerNorm.bias", [h])
        }
    }

    enum WeightType { case f32, f16, bf16 }

    /// Writes config.json, vocab.txt, model.safetensors and (optionally) the
    /// sentence-transformers pooling and normalization modules.
    func write(to directory: URL, weightType: WeightType = .f32, pooling: String? = "mean", normalize: Bool = true,
               namePrefix: String = "") throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = """
            {"architectures":["BertModel"],"model_type":"bert","hidden_size":\(hidden),"num_attention_heads":\(heads),
             "num_hidden_layers":\(layers),"intermediate_size":\(intermediate),"hidden_act":"gelu",
             "max_position_embeddings":\(positions),"type_vocab_size":2,"vocab_size":\(vocabularySize),
             "layer_norm_eps":1e-12,"pad_token_id":0}
            """
        try Data(config.utf8).write(to: directory.appending(path: "config.json"))
        try Data((Self.vocabulary.joined(separator: "\n") + "\n").utf8).write(to: directory.appending(path: "vocab.txt"))
        var writer = SafetensorsWriter()
        writer.add("embeddings.position_ids", shape: [1, positions], .i64((0..<positions).map(Int64.init)))
        for (name, tensor) in tensors.sorted(by: { $0.key < $1.key }) {
            switch weightType {
            case .f32: writer.add(namePrefix + name, shape: tensor.shape, .f32(tensor.values))
            case .f16: writer.add(namePrefix + name, shape: tensor.shape, .f16(tensor.values.map(Self.halfBits)))
            case .bf16:
                writer.add(namePrefix + name, shape: tensor.shape, .bf16(tensor.values.map { UInt16($0.bitPattern >> 16) }))
            }
        }
        try writer.write(to: directory.appending(path: "model.safetensors"))
        guard let pooling else { return }
        var modules = [#"{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"}"#,
                       #"{"idx":1,"name":"1","path":"1_Pooling","type":"sentence_transformers.models.Pooling"}"#]
        if normalize {
            modules.append(#"{"idx":2,"name":"2","path":"2_Normalize","type":"sentence_transformers.models.Normalize"}"#)
        }
        try Data(("[" + modules.joined(separator: ",") + "]").utf8).write(to: directory.appending(path: "modules.json"))
        let poolingDirectory = directory.appending(path: "1_Pooling")
        try FileManager.default.createDirectory(at: poolingDirectory, withIntermediateDirectories: true)
        let poolingConfig = """
            {"word_embedding_dimension":\(hidden),"pooling_mode_cls_token":\(pooling == "cls"),
             "pooling_mode_mean_tokens":\(pooling == "mean"),"pooling_mode_max_tokens":\(pooling == "max"),
             "pooling_mode_mean_sqrt_len_tokens":false}
            """
        try Data(poolingConfig.utf8).write(to: poolingDirectory.appending(path: "config.json"))
    }

    /// IEEE half bits of a value that is exactly representable (zero or normal).
    static func halfBits(_ value: Float) -> UInt16 {
        guard value != 0 else { return value.sign == .minus ? 0x8000 : 0 }
        let bits = value.bitPattern
        let sign = UInt16((bits >> 16) & 0x8000)
        let exponent = Int((bits >> 23) & 0xFF) - 127 + 15
        let mantissa = UInt16((bits >> 13) & 0x3FF)
        return sign | UInt16(exponent) << 10 | mantissa
    }

    // MARK: - Reference forward pass

    /// Sentence vectors for `sequences`, computed on a batch padded to the longest sequence
    /// with an additive −1e9 mask on padded keys, in Double.
    func referenceEmbeddings(_ sequences: [[Int32]], pooling: String, normalize: Bool) -> [[Float]] {
        let h = hidden, d = hidden / heads
        let length = sequences.map(\.count).max() ?? 0
        func w(_ name: String) -> [Double] { (tensors[name]?.values ?? []).map(Double.init) }
        func linear(_ x: [[Double]], _ name: String) -> [[Double]] {
            let weight = w(name + ".weight"), bias = w(name + ".bias")
            let outputs = bias.count, inputs = weight.count / outputs
            return x.map { row in
                (0..<outputs).map { o in
                    var total = bias[o]
                    for i in 0..<inputs { total += row[i] * weight[o * inputs + i] }
                    return total
                }
            }
        }
        func layerNorm(_ x: [[Double]], _ name: String) -> [[Double]] {
            let gamma = w(name + ".weight"), beta = w(name + ".bias")
            return x.map { row in
                let mean = row.reduce(0, +) / Double(row.count)
                let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(row.count)
                return row.indices.map { (row[$0] - mean) / (variance + 1e-12).squareRoot() * gamma[$0] + beta[$0] }
            }
        }
        let words = w("embeddings.word_embeddings.weight"), positionTable = w("embeddings.position_embeddings.weight")
        let types = w("embeddings.token_type_embeddings.weight")
        return sequences.map { sequence in
            let padded = sequence + [Int32](repeating: 0, count: length - sequence.count)
            let mask = (0..<length).map { $0 < sequence.count }
            var x = layerNorm(padded.enumerated().map { t, id in
                (0..<h).map { words[Int(id) * h + $0] + positionTable[t * h + $0] + types[$0] }
            }, "embeddings.LayerNorm")
            for l in 0..<layers {
                let p = "encoder.layer.\(l)."
                let q = linear(x, p + "attention.self.query"), k = linear(x, p + "attention.self.key")
                let v = linear(x, p + "attention.self.value")
                var context = [[Double]](repeating: [Double](repeating: 0, count: h), count: length)
                for head in 0..<heads {
                    let columns = (head * d)..<((head + 1) * d)
                    for t in 0..<length {
                        let scores = (0..<length).map { u in
                            columns.reduce(0) { $0 + q[t][$1] * k[u][$1] } / Double(d).squareRoot() + (mask[u] ? 0 : -1e9)
                        }
                        let largest = scores.max() ?? 0
                        let exps = scores.map { Foundation.exp($0 - largest) }
                        let total = exps.reduce(0, +)
                        for column in columns {
                            context[t][column] = (0..<length).reduce(0) { $0 + exps[$1] / total * v[$1][column] }
                        }
                    }
                }
                let attended = linear(context, p + "attention.output.dense")
                x = layerNorm(zip(attended, x).map { zip($0, $1).map(+) }, p + "attention.output.LayerNorm")
                let inner = linear(x, p + "intermediate.dense").map { $0.map { 0.5 * $0 * (1 + Foundation.erf($0 / 2.0.squareRoot())) } }
                let output = linear(inner, p + "output.dense")
                x = layerNorm(zip(output, x).map { zip($0, $1).map(+) }, p + "output.LayerNorm")
            }
            var vector: [Double]
            if pooling == "cls" {
                vector = x[0]
            } else {
                vector = (0..<h).map { j in (0..<length).reduce(0) { $0 + (mask[$1] ? x[$1][j] : 0) } / Double(sequence.count) }
            }
            if normalize {
                let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
                vector = vector.map { $0 / max(norm, 1e-12) }
            }
            return vector.map(Float.init)
        }
    }
}
