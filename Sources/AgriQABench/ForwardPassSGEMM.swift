import AgriQAEmbedding
import COpenBLAS
import Foundation

/// The embedding baseline: only the matrix products of the encoder's forward pass, at exactly the
/// shapes the encoder multiplies for the same batches — per layer the fused Q/K/V projection, the
/// attention output projection and the two feed-forward projections over all of a batch's token rows,
/// and per sequence and head `QKᵀ` and `P·V` — as plain `cblas_sgemm` calls. The batches are shared
/// out over `threads` threads, each running single-threaded OpenBLAS on whole batches (the most
/// parallel way to run them: no thread ever waits for another inside a batch). No tokenization,
/// embedding lookup, softmax, GELU, layer norm, pooling or bookkeeping: the floor a forward pass
/// cannot go below on this machine with this BLAS.
struct ForwardPassSGEMM {
    let configuration: BertConfiguration
    let threads: Int

    /// Seconds to run the products of `batches` (each batch: its sequences' token counts), after one
    /// untimed warm-up batch per thread.
    func seconds(batches: [[Int]]) -> Double {
        let previous = Int(openblas_get_num_threads())
        openblas_set_num_threads(1)
        defer { openblas_set_num_threads(Int32(clamping: max(1, previous))) }
        let workers = max(1, min(threads, batches.count))
        // Longest first, dealt round-robin: the threads finish at about the same time.
        let order = batches.sorted { $0.reduce(0, +) > $1.reduce(0, +) }
        let shares = (0..<workers).map { worker in stride(from: worker, to: order.count, by: workers).map { order[$0] } }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            if let first = shares[worker].first { run(batch: first) }
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for batch in shares[worker] { run(batch: batch) }
            }
        }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private func run(batch lengths: [Int]) {
        let c = configuration
        let h = c.hiddenSize, inner = c.intermediateSize, d = c.headSize
        let rows = lengths.reduce(0, +)
        let longest = lengths.max() ?? 0
        guard rows > 0 else { return }
        // Inputs are constant: sgemm's time does not depend on the values.
        let x = [Float](repeating: 0.01, count: rows * max(h, inner))
        let qkvWeights = [Float](repeating: 0.02, count: 3 * h * h)
        let square = [Float](repeating: 0.02, count: h * h)
        let up = [Float](repeating: 0.02, count: inner * h)
        let down = [Float](repeating: 0.02, count: h * inner)
        var qkv = [Float](repeating: 0, count: rows * 3 * h)
        var out = [Float](repeating: 0, count: rows * max(h, inner))
        var scores = [Float](repeating: 0, count: longest * longest)
        var context = [Float](repeating: 0, count: longest * d)
        x.withUnsafeBufferPointer { x in
            qkvWeights.withUnsafeBufferPointer { wqkv in
                square.withUnsafeBufferPointer { wo in
                    up.withUnsafeBufferPointer { wu in
                        down.withUnsafeBufferPointer { wd in
                            qkv.withUnsafeMutableBufferPointer { qkv in
                                out.withUnsafeMutableBufferPointer { out in
                                    scores.withUnsafeMutableBufferPointer { s in
                                        context.withUnsafeMutableBufferPointer { ctx in
                                            guard let x = x.baseAddress, let wqkv = wqkv.baseAddress, let wo = wo.baseAddress,
                                                let wu = wu.baseAddress, let wd = wd.baseAddress, let qkv = qkv.baseAddress,
                                                let out = out.baseAddress, let s = s.baseAddress, let ctx = ctx.baseAddress
                                            else { return }
                                            for _ in 0..<c.layerCount {
                                                gemm(rows, 3 * h, h, x, h, wqkv, h, true, qkv, 3 * h)
                                                var start = 0
                                                for length in lengths {
                                                    for head in 0..<c.headCount {
                                                        let q = qkv + start * 3 * h + head * d
                                                        gemm(length, length, d, q, 3 * h, q + h, 3 * h, true, s, length)
                                                        gemm(length, d, length, s, length, q + 2 * h, 3 * h, false, ctx, d)
                                                    }
                                                    start += length
                                                }
                                                gemm(rows, h, h, x, h, wo, h, true, out, h)
                                                gemm(rows, inner, h, x, h, wu, h, true, out, inner)
                                                gemm(rows, h, inner, x, inner, wd, inner, true, out, h)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Row-major `C[m×n] = A[m×k] · op(B)`, `op(B)` = `Bᵀ` of a `B[n×k]` when `transposeB`.
    private func gemm(
        _ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
        _ transposeB: Bool, _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans, blasint(m), blasint(n), blasint(k), 1,
            a, blasint(lda), b, blasint(ldb), 0, c, blasint(ldc))
    }
}
