/// The BERT forward pass over a batch of token sequences.
///
/// Sequences are packed back to back with no padding: every linear layer, layer norm and
/// activation runs over the `T` real tokens of the batch as rows of one `[T, hidden]` matrix,
/// and attention runs per sequence and head over exactly that sequence's tokens. Restricting
/// each query to its own sequence's keys is the padding mask (it gives the same result as
/// padding with an additive −∞ mask), and no work is spent on padding positions at all.
///
/// Each layer is three parallel steps over a ``WorkerPool``, every matrix product an OpenBLAS
/// sgemm on a block of rows:
/// 1. `QKV = X·[Wq; Wk; Wv]ᵀ + b` — one sgemm per worker over its rows;
/// 2. attention — (sequence, head) pairs shared out by cost; per pair `S = QKᵀ/√d`, softmax
///    numerators, `C = S·V`, rows divided by the softmax sums;
/// 3. output projection, residual, layer norm, feed-forward (GELU), residual, layer norm — per
///    worker over tiles of rows, so the `[rows, intermediate]` activations stay in cache.
///
/// The encoder holds only immutable weights and allocates its scratch buffers per call, so one
/// instance may run on several threads at once.
struct BertEncoder: Sendable {
    let configuration: BertConfiguration
    let weights: BertWeights

    /// Rows per step-3 tile: small enough that a tile's feed-forward activations
    /// (`tile × intermediate` floats, 1.5 MB for MiniLM) stay in cache, large enough that
    /// sgemm's packing of the weights is amortized (256 measured best on a 2-core Zen 3; 128
    /// and 1024 were 5–15 % slower).
    static let tileRows = 256
    /// Fewer rows per worker than this are not worth a thread.
    static let minimumRowsPerWorker = 32

    /// The final hidden states `[tokenIDs.count, hidden]` of sequences packed back to back;
    /// sequence `s` is `tokenIDs[offsets[s]..<offsets[s + 1]]`.
    func hiddenStates(tokenIDs: [Int32], offsets: [Int], pool: WorkerPool) -> [Float] {
        let c = configuration
        let tokens = tokenIDs.count
        let lengths = (0..<max(0, offsets.count - 1)).map { offsets[$0 + 1] - offsets[$0] }
        let longest = lengths.max() ?? 0
        precondition(longest <= c.maxPositionEmbeddings, "sequence longer than the position embeddings")
        guard tokens > 0 else { return [] }

        let rowParts = pool.split(count: tokens, minimumPerPart: Self.minimumRowsPerWorker)
        // Too few rows to share out (a short question): share out the weight matrices' columns instead.
        let byColumns = Self.splitsColumns(tokens: tokens, pool: pool)
        // Attention work items: every (sequence, head), costing about n² each.
        var items: [(start: Int, length: Int, head: Int)] = []
        for (s, length) in lengths.enumerated() where length > 0 {
            for head in 0..<c.headCount { items.append((offsets[s], length, head)) }
        }
        // A few short sequences' attention takes microseconds: not worth waking a second thread.
        let itemParts = byColumns ? [0..<items.count] : pool.split(costs: items.map { $0.length * ($0.length + c.headSize) })

        var hidden = [Float](repeating: 0, count: tokens * c.hiddenSize)
        let buffers = Buffers(tokens: tokens, longest: longest, parts: max(rowParts.count, itemParts.count),
                              configuration: c)
        defer { buffers.deallocate() }
        hidden.withUnsafeMutableBufferPointer { buffer in
            guard let x = buffer.baseAddress else { return }
            embed(tokenIDs: tokenIDs, offsets: offsets, into: x)
            for layer in weights.layers {
                if byColumns {
                    columnSplitLayer(layer, x: x, tokens: tokens, items: items, buffers: buffers, pool: pool)
                    continue
                }
                pool.run(parts: rowParts.count) { part in
                    projectQKV(layer, x: x, rows: rowParts[part], buffers: buffers)
                }
                pool.run(parts: itemParts.count) { part in
                    for item in items[itemParts[part]] {
                        attend(start: item.start, length: item.length, head: item.head, buffers: buffers, part: part)
                    }
                }
                pool.run(parts: rowParts.count) { part in
                    let rows = rowParts[part]
                    for tile in stride(from: rows.lowerBound, to: rows.upperBound, by: Self.tileRows) {
                        outputAndFeedForward(layer, x: x, rows: tile..<min(tile + Self.tileRows, rows.upperBound),
                                             buffers: buffers, part: part)
                    }
                }
            }
        }
        return hidden
    }

    /// Whether a batch of `tokens` rows runs ``columnSplitLayer(_:x:tokens:items:buffers:pool:)``:
    /// when splitting rows would leave every worker but one idle. With a dozen rows the products are
    /// dominated by OpenBLAS packing the weight matrices, which splitting by columns shares out too.
    static func splitsColumns(tokens: Int, pool: WorkerPool) -> Bool {
        pool.workers > 1 && tokens < 2 * minimumRowsPerWorker
    }

    /// One layer for a batch with few rows, each matrix product split by output columns (each
    /// worker multiplies all rows by its slice of the weights); attention, layer norms and the
    /// element-wise steps run on the calling thread. The same arithmetic as the row-split path,
    /// five hand-offs per layer instead of three.
    private func columnSplitLayer(
        _ layer: BertWeights.Layer, x: UnsafeMutablePointer<Float>, tokens: Int,
        items: [(start: Int, length: Int, head: Int)], buffers: Buffers, pool: WorkerPool
    ) {
        let h = configuration.hiddenSize, i = configuration.intermediateSize, stride = 3 * h
        let epsilon = configuration.layerNormEpsilon
        let rows = 0..<tokens
        let inner = buffers.inner  // part 0's [tileRows, I] slice; tokens < tileRows
        func columnParts(_ count: Int) -> [Range<Int>] {
            // Multiples of 16 columns, so every slice starts on a 64-byte boundary of a row.
            let blocks = (count + 15) / 16
            let parts = min(pool.workers, blocks)
            return (0..<parts).map { min(count, blocks * $0 / parts * 16)..<min(count, blocks * ($0 + 1) / parts * 16) }
        }
        // QKV = X·[Wq; Wk; Wv]ᵀ + b, by column slices.
        let qkvParts = columnParts(stride)
        pool.run(parts: qkvParts.count) { part in
            let columns = qkvParts[part]
            for row in rows {
                (buffers.qkv + row * stride + columns.lowerBound)
                    .update(from: layer.qkvBias.pointer + columns.lowerBound, count: columns.count)
            }
            OpenBLAS.gemm(m: tokens, n: columns.count, k: h, a: x, lda: h,
                          b: layer.qkvWeight.pointer + columns.lowerBound * h, ldb: h, transposeB: true,
                          beta: 1, c: buffers.qkv + columns.lowerBound, ldc: stride)
        }
        for item in items {
            attend(start: item.start, length: item.length, head: item.head, buffers: buffers, part: 0)
        }
        // x ← LayerNorm(x + C·Woᵀ + bo)
        let hiddenParts = columnParts(h)
        pool.run(parts: hiddenParts.count) { part in
            let columns = hiddenParts[part]
            Self.addBias(x, layer.attentionOutputBias.pointer, into: buffers.scratch, rows: rows, stride: h, columns: columns)
            OpenBLAS.gemm(m: tokens, n: columns.count, k: h, a: buffers.context, lda: h,
                          b: layer.attentionOutputWeight.pointer + columns.lowerBound * h, ldb: h, transposeB: true,
                          beta: 1, c: buffers.scratch + columns.lowerBound, ldc: h)
        }
        VectorKernels.layerNorm(buffers.scratch, into: x, rows: rows, columns: h,
                                weight: layer.attentionNormWeight.pointer, bias: layer.attentionNormBias.pointer,
                                epsilon: epsilon)
        // inner = GELU(x·W1ᵀ + b1), by column slices.
        let innerParts = columnParts(i)
        pool.run(parts: innerParts.count) { part in
            let columns = innerParts[part]
            for row in rows {
                (inner + row * i + columns.lowerBound)
                    .update(from: layer.intermediateBias.pointer + columns.lowerBound, count: columns.count)
            }
            OpenBLAS.gemm(m: tokens, n: columns.count, k: h, a: x, lda: h,
                          b: layer.intermediateWeight.pointer + columns.lowerBound * h, ldb: h, transposeB: true,
                          beta: 1, c: inner + columns.lowerBound, ldc: i)
            for row in rows {
                switch configuration.activation {
                case .gelu: VectorKernels.gelu(inner + row * i + columns.lowerBound, count: columns.count)
                case .geluTanh: VectorKernels.geluTanh(inner + row * i + columns.lowerBound, count: columns.count)
                }
            }
        }
        // x ← LayerNorm(x + inner·W2ᵀ + b2)
        pool.run(parts: hiddenParts.count) { part in
            let columns = hiddenParts[part]
            Self.addBias(x, layer.outputBias.pointer, into: buffers.scratch, rows: rows, stride: h, columns: columns)
            OpenBLAS.gemm(m: tokens, n: columns.count, k: i, a: inner, lda: i,
                          b: layer.outputWeight.pointer + columns.lowerBound * i, ldb: i, transposeB: true,
                          beta: 1, c: buffers.scratch + columns.lowerBound, ldc: h)
        }
        VectorKernels.layerNorm(buffers.scratch, into: x, rows: rows, columns: h,
                                weight: layer.outputNormWeight.pointer, bias: layer.outputNormBias.pointer,
                                epsilon: epsilon)
    }

    /// `output[r, c] = input[r, c] + bias[c]` for the given columns of rows of length `stride`.
    private static func addBias(
        _ input: UnsafePointer<Float>, _ bias: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>,
        rows: Range<Int>, stride: Int, columns: Range<Int>
    ) {
        for row in rows {
            let source = input + row * stride, destination = output + row * stride
            for column in columns { destination[column] = source[column] + bias[column] }
        }
    }

    /// Scratch matrices for one call; `part` selects a worker's private slice.
    private struct Buffers {
        let qkv: UnsafeMutablePointer<Float>  // [T, 3H]
        let context: UnsafeMutablePointer<Float>  // [T, H]
        let scratch: UnsafeMutablePointer<Float>  // [T, H]
        let inner: UnsafeMutablePointer<Float>  // per part: [tileRows, I]
        let scores: UnsafeMutablePointer<Float>  // per part: [n, n] for the longest n
        let sums: UnsafeMutablePointer<Float>  // per part: [n]
        let innerSize: Int, scoresSize: Int, sumsSize: Int

        init(tokens: Int, longest: Int, parts: Int, configuration c: BertConfiguration) {
            innerSize = BertEncoder.tileRows * c.intermediateSize
            scoresSize = max(1, longest * longest)
            sumsSize = max(1, longest)
            qkv = .allocate(capacity: tokens * 3 * c.hiddenSize)
            context = .allocate(capacity: tokens * c.hiddenSize)
            scratch = .allocate(capacity: tokens * c.hiddenSize)
            inner = .allocate(capacity: max(1, parts) * innerSize)
            scores = .allocate(capacity: max(1, parts) * scoresSize)
            sums = .allocate(capacity: max(1, parts) * sumsSize)
        }

        func deallocate() {
            qkv.deallocate()
            context.deallocate()
            scratch.deallocate()
            inner.deallocate()
            scores.deallocate()
            sums.deallocate()
        }
    }

    /// Word + position + token-type (segment 0) embeddings, then layer norm.
    private func embed(tokenIDs: [Int32], offsets: [Int], into x: UnsafeMutablePointer<Float>) {
        let h = configuration.hiddenSize
        let vocabulary = configuration.vocabularySize
        let words = weights.wordEmbeddings.pointer
        let positions = weights.positionEmbeddings.pointer
        let tokenType = weights.tokenTypeEmbedding.pointer
        for s in 0..<(offsets.count - 1) {
            for t in offsets[s]..<offsets[s + 1] {
                let id = Int(tokenIDs[t])
                let word = words + (id >= 0 && id < vocabulary ? id : 0) * h
                let position = positions + (t - offsets[s]) * h
                let row = x + t * h
                for j in 0..<h {
                    row[j] = word[j] + position[j] + tokenType[j]
                }
            }
        }
        VectorKernels.layerNorm(x, into: x, rows: 0..<tokenIDs.count, columns: h,
                                weight: weights.embeddingNormWeight.pointer, bias: weights.embeddingNormBias.pointer,
                                epsilon: configuration.layerNormEpsilon)
    }

    /// Step 1 for `rows`: `QKV[rows] = X[rows]·[Wq; Wk; Wv]ᵀ + [bq; bk; bv]`.
    private func projectQKV(_ layer: BertWeights.Layer, x: UnsafeMutablePointer<Float>, rows: Range<Int>,
                            buffers: Buffers) {
        let h = configuration.hiddenSize, stride = 3 * h
        VectorKernels.broadcastRows(layer.qkvBias.pointer, into: buffers.qkv, rows: rows, columns: stride)
        OpenBLAS.gemm(m: rows.count, n: stride, k: h, a: x + rows.lowerBound * h, lda: h,
                      b: layer.qkvWeight.pointer, ldb: h, transposeB: true,
                      beta: 1, c: buffers.qkv + rows.lowerBound * stride, ldc: stride)
    }

    /// Step 2 for one sequence and head: this head's columns of `context` for the sequence's
    /// rows, `softmax(QKᵀ/√d)·V`.
    private func attend(start: Int, length n: Int, head: Int, buffers: Buffers, part: Int) {
        let h = configuration.hiddenSize, d = configuration.headSize, stride = 3 * h
        let scores = buffers.scores + part * buffers.scoresSize
        let sums = buffers.sums + part * buffers.sumsSize
        let q = buffers.qkv + start * stride + head * d
        let output = buffers.context + start * h + head * d
        OpenBLAS.gemm(m: n, n: n, k: d, alpha: 1 / Float(d).squareRoot(), a: q, lda: stride,
                      b: q + h, ldb: stride, transposeB: true, beta: 0, c: scores, ldc: n)
        VectorKernels.softmaxNumerators(scores, rows: n, columns: n, sums: sums)
        OpenBLAS.gemm(m: n, n: d, k: n, a: scores, lda: n, b: q + 2 * h, ldb: stride, transposeB: false,
                      beta: 0, c: output, ldc: h)
        VectorKernels.divideRows(output, rows: n, columns: d, stride: h, by: sums)
    }

    /// Step 3 for a tile of rows: `x ← LayerNorm(x + C·Woᵀ + bo)`, then
    /// `x ← LayerNorm(x + GELU(x·W1ᵀ + b1)·W2ᵀ + b2)`.
    private func outputAndFeedForward(
        _ layer: BertWeights.Layer, x: UnsafeMutablePointer<Float>, rows: Range<Int>, buffers: Buffers, part: Int
    ) {
        let h = configuration.hiddenSize, i = configuration.intermediateSize, m = rows.count
        let epsilon = configuration.layerNormEpsilon
        let xRows = x + rows.lowerBound * h
        let scratchRows = buffers.scratch + rows.lowerBound * h
        let inner = buffers.inner + part * buffers.innerSize

        VectorKernels.addRowBias(x, layer.attentionOutputBias.pointer, into: buffers.scratch, rows: rows, columns: h)
        OpenBLAS.gemm(m: m, n: h, k: h, a: buffers.context + rows.lowerBound * h, lda: h,
                      b: layer.attentionOutputWeight.pointer, ldb: h, transposeB: true, beta: 1, c: scratchRows, ldc: h)
        VectorKernels.layerNorm(buffers.scratch, into: x, rows: rows, columns: h,
                                weight: layer.attentionNormWeight.pointer, bias: layer.attentionNormBias.pointer,
                                epsilon: epsilon)

        VectorKernels.broadcastRows(layer.intermediateBias.pointer, into: inner, rows: 0..<m, columns: i)
        OpenBLAS.gemm(m: m, n: i, k: h, a: xRows, lda: h, b: layer.intermediateWeight.pointer, ldb: h,
                      transposeB: true, beta: 1, c: inner, ldc: i)
        switch configuration.activation {
        case .gelu: VectorKernels.gelu(inner, count: m * i)
        case .geluTanh: VectorKernels.geluTanh(inner, count: m * i)
        }
        VectorKernels.addRowBias(x, layer.outputBias.pointer, into: buffers.scratch, rows: rows, columns: h)
        OpenBLAS.gemm(m: m, n: h, k: i, a: inner, lda: i, b: layer.outputWeight.pointer, ldb: i,
                      transposeB: true, beta: 1, c: scratchRows, ldc: h)
        VectorKernels.layerNorm(buffers.scratch, into: x, rows: rows, columns: h,
                                weight: layer.outputNormWeight.pointer, bias: layer.outputNormBias.pointer,
                                epsilon: epsilon)
    }
}
