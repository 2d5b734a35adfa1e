#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Exact integer dot products of one int8 query with many int8 rows (each padded to a multiple of
/// 16 values with zeros), scaled to floats: `score[r] = Σ row[r][i]·query[i] × scale[r] × queryScale`.
///
/// On x86-64 the kernel uses SSE2's `pmaddwd` (16-bit multiply, adjacent pairs added into 32 bits)
/// on each 16-byte block of a row read as eight 16-bit lanes: the arithmetic shift right by 8
/// gives the odd bytes sign-extended, shift left then right gives the even ones, and the query is
/// stored de-interleaved (even values, then odd values, per block) to match. Four rows share each
/// load of the query. Products of two int8 values fit in 16 bits and a row's sum in 32, so the
/// result is the exact integer dot product — the same scores as the portable loop used elsewhere.
struct Int8DotProducts {
    /// Per 16-value block: the block's 8 even-position values, then its 8 odd-position values.
    private let query: [Int16]
    private let plainQuery: [Int8]

    init(query: [Int8]) {
        precondition(query.count % 16 == 0, "the query is padded to a multiple of 16")
        plainQuery = query
        var split = [Int16](repeating: 0, count: query.count)
        for block in Swift.stride(from: 0, to: query.count, by: 16) {
            for lane in 0..<8 {
                split[block + lane] = Int16(query[block + 2 * lane])
                split[block + 8 + lane] = Int16(query[block + 2 * lane + 1])
            }
        }
        self.query = split
    }

    /// Scores of `rows` of the row-major `matrix` (rows `stride` values apart) into `output[rows]`.
    func scan(
        _ matrix: UnsafePointer<Int8>, stride: Int, rows: Range<Int>, scales: UnsafePointer<Float>, queryScale: Float,
        into output: UnsafeMutablePointer<Float>
    ) {
        precondition(stride == query.count, "rows and query have the same padded length")
        #if arch(x86_64)
        query.withUnsafeBufferPointer { buffer in
            let q = buffer.baseAddress.unsafelyUnwrapped
            var row = rows.lowerBound
            while row + 4 <= rows.upperBound {
                let sums = Self.dot4(matrix + row * stride, stride: stride, query: q)
                for lane in 0..<4 { output[row + lane] = Float(sums[lane]) * scales[row + lane] * queryScale }
                row += 4
            }
            while row < rows.upperBound {
                output[row] = Float(Self.dot1(matrix + row * stride, count: stride, query: q)) * scales[row] * queryScale
                row += 1
            }
        }
        #else
        plainQuery.withUnsafeBufferPointer { buffer in
            let q = buffer.baseAddress.unsafelyUnwrapped
            for row in rows {
                var sum: Int32 = 0
                let values = matrix + row * stride
                for index in 0..<stride { sum &+= Int32(values[index]) &* Int32(q[index]) }
                output[row] = Float(sum) * scales[row] * queryScale
            }
        }
        #endif
    }

    #if arch(x86_64)
    @inline(__always)
    private static func load(_ pointer: UnsafeRawPointer) -> __m128i {
        pointer.loadUnaligned(as: __m128i.self)
    }

    /// `pmaddwd` of a 16-byte block of int8 values with the block's de-interleaved query.
    @inline(__always)
    private static func blockProduct(_ raw: __m128i, even: __m128i, odd: __m128i) -> __m128i {
        let oddValues = _mm_srai_epi16(raw, 8)
        let evenValues = _mm_srai_epi16(_mm_slli_epi16(raw, 8), 8)
        return _mm_add_epi32(_mm_madd_epi16(evenValues, even), _mm_madd_epi16(oddValues, odd))
    }

    @inline(__always)
    private static func horizontalSum(_ vector: __m128i) -> Int32 {
        unsafeBitCast(vector, to: SIMD4<Int32>.self).wrappedSum()
    }

    private static func dot4(_ rows: UnsafePointer<Int8>, stride: Int, query: UnsafePointer<Int16>) -> SIMD4<Int32> {
        var a0 = _mm_setzero_si128(), a1 = _mm_setzero_si128(), a2 = _mm_setzero_si128(), a3 = _mm_setzero_si128()
        let base = UnsafeRawPointer(rows)
        var offset = 0
        while offset < stride {
            let even = load(UnsafeRawPointer(query + offset))
            let odd = load(UnsafeRawPointer(query + offset + 8))
            a0 = _mm_add_epi32(a0, blockProduct(load(base + offset), even: even, odd: odd))
            a1 = _mm_add_epi32(a1, blockProduct(load(base + stride + offset), even: even, odd: odd))
            a2 = _mm_add_epi32(a2, blockProduct(load(base + 2 * stride + offset), even: even, odd: odd))
            a3 = _mm_add_epi32(a3, blockProduct(load(base + 3 * stride + offset), even: even, odd: odd))
            offset += 16
        }
        return SIMD4(horizontalSum(a0), horizontalSum(a1), horizontalSum(a2), horizontalSum(a3))
    }

    private static func dot1(_ row: UnsafePointer<Int8>, count: Int, query: UnsafePointer<Int16>) -> Int32 {
        var accumulator = _mm_setzero_si128()
        var offset = 0
        while offset < count {
            let product = blockProduct(
                load(UnsafeRawPointer(row + offset)), even: load(UnsafeRawPointer(query + offset)),
                odd: load(UnsafeRawPointer(query + offset + 8)))
            accumulator = _mm_add_epi32(accumulator, product)
            offset += 16
        }
        return horizontalSum(accumulator)
    }
    #endif
}
