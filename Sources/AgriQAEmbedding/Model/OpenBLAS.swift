import COpenBLAS

/// The few OpenBLAS entry points the encoder uses.
public enum OpenBLAS {
    /// Row-major `C[m×n] = alpha · A[m×k] · op(B) + beta · C`, where `op(B)` is `B[k×n]`, or
    /// `Bᵀ` for a `B[n×k]` when `transposeB` (PyTorch's `[out, in]` weights).
    @inline(__always)
    static func gemm(
        m: Int, n: Int, k: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    /// The number of threads OpenBLAS uses for one call: 1 once a ``LocalSentenceEmbedder`` is
    /// loaded, before that `OPENBLAS_NUM_THREADS` or the number of cores.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of threads OpenBLAS uses, for the whole process. The local embedder
    /// sets 1 and parallelizes itself (see ``LocalSentenceEmbedder``).
    static func setThreadCount(_ count: Int) {
        openblas_set_num_threads(Int32(clamping: max(1, count)))
    }

    /// OpenBLAS's build description (version, target CPU kernel, threading).
    public static var configuration: String {
        guard let text = openblas_get_config() else { return "unknown" }
        return String(cString: text)
    }
}
