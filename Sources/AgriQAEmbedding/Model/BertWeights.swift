/// The parameters of a BERT encoder, copied out of a safetensors file into contiguous float
/// tensors laid out for the forward pass.
///
/// Linear weights keep PyTorch's `[out, in]` layout (multiplied transposed by sgemm). The query,
/// key and value projections of each layer are stacked into one `[3·hidden, hidden]` matrix so
/// one sgemm computes all three.
struct BertWeights: Sendable {
    struct Layer: Sendable {
        var qkvWeight: FloatTensor  // [3H, H]
        var qkvBias: FloatTensor  // [3H]
        var attentionOutputWeight: FloatTensor  // [H, H]
        var attentionOutputBias: FloatTensor
        var attentionNormWeight: FloatTensor
        var attentionNormBias: FloatTensor
        var intermediateWeight: FloatTensor  // [I, H]
        var intermediateBias: FloatTensor
        var outputWeight: FloatTensor  // [H, I]
        var outputBias: FloatTensor
        var outputNormWeight: FloatTensor
        var outputNormBias: FloatTensor
    }

    var wordEmbeddings: FloatTensor  // [vocab, H]
    var positionEmbeddings: FloatTensor  // [positions, H]
    var tokenTypeEmbedding: FloatTensor  // [H], row 0 of token_type_embeddings (single segment)
    var embeddingNormWeight: FloatTensor
    var embeddingNormBias: FloatTensor
    var layers: [Layer]

    init(file: SafetensorsFile, configuration c: BertConfiguration) throws(SafetensorsError) {
        // Checkpoints saved from task models prefix every name with "bert."; LayerNorm
        // parameters are "gamma"/"beta" in old ones.
        let prefix = file.info("embeddings.word_embeddings.weight") == nil
            && file.info("bert.embeddings.word_embeddings.weight") != nil ? "bert." : ""
        func floats(_ name: String, _ shape: [Int]) throws(SafetensorsError) -> [Float] {
            try file.floats(prefix + name, shape: shape)
        }
        func tensor(_ name: String, _ shape: [Int]) throws(SafetensorsError) -> FloatTensor {
            FloatTensor(try floats(name, shape))
        }
        func norm(_ name: String) throws(SafetensorsError) -> (weight: FloatTensor, bias: FloatTensor) {
            if file.info(prefix + name + ".weight") == nil, file.info(prefix + name + ".gamma") != nil {
                return (try tensor(name + ".gamma", [c.hiddenSize]), try tensor(name + ".beta", [c.hiddenSize]))
            }
            return (try tensor(name + ".weight", [c.hiddenSize]), try tensor(name + ".bias", [c.hiddenSize]))
        }
        let h = c.hiddenSize
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [c.vocabularySize, h])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [c.maxPositionEmbeddings, h])
        tokenTypeEmbedding = FloatTensor(Array(
            try floats("embeddings.token_type_embeddings.weight", [c.typeVocabularySize, h]).prefix(h)))
        (embeddingNormWeight, embeddingNormBias) = try norm("embeddings.LayerNorm")
        layers = []
        layers.reserveCapacity(c.layerCount)
        for index in 0..<c.layerCount {
            let p = "encoder.layer.\(index)."
            let attention = try norm(p + "attention.output.LayerNorm")
            let output = try norm(p + "output.LayerNorm")
            layers.append(Layer(
                qkvWeight: FloatTensor(try floats(p + "attention.self.query.weight", [h, h])
                    + floats(p + "attention.self.key.weight", [h, h])
                    + floats(p + "attention.self.value.weight", [h, h])),
                qkvBias: FloatTensor(try floats(p + "attention.self.query.bias", [h])
                    + floats(p + "attention.self.key.bias", [h])
                    + floats(p + "attention.self.value.bias", [h])),
                attentionOutputWeight: try tensor(p + "attention.output.dense.weight", [h, h]),
                attentionOutputBias: try tensor(p + "attention.output.dense.bias", [h]),
                attentionNormWeight: attention.weight,
                attentionNormBias: attention.bias,
                intermediateWeight: try tensor(p + "intermediate.dense.weight", [c.intermediateSize, h]),
                intermediateBias: try tensor(p + "intermediate.dense.bias", [c.intermediateSize]),
                outputWeight: try tensor(p + "output.dense.weight", [h, c.intermediateSize]),
                outputBias: try tensor(p + "output.dense.bias", [h]),
                outputNormWeight: output.weight,
                outputNormBias: output.bias))
        }
    }
}
