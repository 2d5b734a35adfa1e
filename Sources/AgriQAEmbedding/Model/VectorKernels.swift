/// The element-wise and row-wise steps of the forward pass that are not matrix products.
///
/// Each is a plain loop over raw pointers with no calls and no bounds checks inside, so the
/// compiler vectorizes it; reductions go through `SIMD8` accumulators because strict
/// floating-point rules stop the compiler from reordering a scalar sum. `exp` and `erf` are
/// branch-free polynomial approximations (relative error below 1e-7 and absolute error below
/// 5e-7 respectively) instead of libm calls, which would be called once per element.
enum VectorKernels {
    /// Copies `bias` into every row of `matrix` (`rows × bias.count`), so that a following
    /// sgemm with beta = 1 adds the product onto the bias.
    static func broadcastRows(
        _ bias: UnsafePointer<Float>, into matrix: UnsafeMutablePointer<Float>, rows: Range<Int>, columns: Int
    ) {
        for row in rows {
            (matrix + row * columns).update(from: bias, count: columns)
        }
    }

    /// `output[r, c] = input[r, c] + bias[c]`: a residual connection plus the bias of the
    /// projection that a following sgemm (beta = 1) adds onto it.
    static func addRowBias(
        _ input: UnsafePointer<Float>, _ bias: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>,
        rows: Range<Int>, columns: Int
    ) {
        for row in rows {
            let source = input + row * columns
            let destination = output + row * columns
            for column in 0..<columns {
                destination[column] = source[column] + bias[column]
            }
        }
    }

    /// The sum of `count` floats.
    static func sum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var accumulator = SIMD8<Float>(repeating: 0)
        let raw = UnsafeRawPointer(values)
        var index = 0
        while index + 8 <= count {
            accumulator += raw.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<Float>.self)
            index &+= 8
        }
        var total = accumulator.sum()
        while index < count {
            total += values[index]
            index &+= 1
        }
        return total
    }

    /// The sum of squared differences from `center`.
    static func sumOfSquares(_ values: UnsafePointer<Float>, count: Int, center: Float) -> Float {
        var accumulator = SIMD8<Float>(repeating: 0)
        let centerVector = SIMD8<Float>(repeating: center)
        let raw = UnsafeRawPointer(values)
        var index = 0
        while index + 8 <= count {
            let difference = raw.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<Float>.self) - centerVector
            accumulator += difference * difference
            index &+= 8
        }
        var total = accumulator.sum()
        while index < count {
            let difference = values[index] - center
            total += difference * difference
            index &+= 1
        }
        return total
    }

    /// The largest of `count` (≥ 1) floats (NaN if any is NaN).
    ///
    /// Compares the bit patterns mapped to integers that sort like the floats (negative
    /// values have their magnitude bits flipped): an integer maximum vectorizes, while a
    /// floating-point one cannot under strict IEEE rules.
    static func maximum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var largest = Int32.min
        for index in 0..<count {
            let bits = Int32(bitPattern: values[index].bitPattern)
            let key = bits ^ ((bits >> 31) & 0x7FFF_FFFF)
            largest = key > largest ? key : largest
        }
        return Float(bitPattern: UInt32(bitPattern: largest ^ ((largest >> 31) & 0x7FFF_FFFF)))
    }

    /// Layer normalization of each row: `output = (x − mean) / sqrt(variance + epsilon) · weight + bias`,
    /// with the biased variance, as PyTorch computes it. `output` may be `input`.
    static func layerNorm(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, rows: Range<Int>, columns: Int,
        weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, epsilon: Float
    ) {
        let n = Float(columns)
        for row in rows {
            let x = input + row * columns
            let y = output + row * columns
            let mean = sum(x, count: columns) / n
            let variance = sumOfSquares(x, count: columns, center: mean) / n
            let scale = 1 / (variance + epsilon).squareRoot()
            for column in 0..<columns {
                y[column] = (x[column] - mean) * scale * weight[column] + bias[column]
            }
        }
    }

    /// The numerators of a row-wise softmax in place, `e^(x − max(row))`, with each row's sum
    /// (the denominator) written to `sums`. Dividing later, on the smaller `P·V` product,
    /// saves a pass over the scores.
    static func softmaxNumerators(
        _ matrix: UnsafeMutablePointer<Float>, rows: Int, columns: Int, sums: UnsafeMutablePointer<Float>
    ) {
        for row in 0..<rows {
            let x = matrix + row * columns
            let largest = maximum(x, count: columns)
            for column in 0..<columns {
                x[column] = exp(x[column] - largest)
            }
            sums[row] = sum(x, count: columns)
        }
    }

    /// Divides row `r` of a `rows × columns` block (row stride `stride`) by `divisors[r]`.
    static func divideRows(
        _ matrix: UnsafeMutablePointer<Float>, rows: Int, columns: Int, stride: Int, by divisors: UnsafePointer<Float>
    ) {
        for row in 0..<rows {
            let x = matrix + row * stride
            let factor = 1 / divisors[row]
            for column in 0..<columns {
                x[column] *= factor
            }
        }
    }

    /// Exact GELU in place: `x · ½(1 + erf(x/√2))`.
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count {
            let x = values[index]
            values[index] = 0.5 * x * (1 + erf(x * 0.70710678118654752))
        }
    }

    /// The tanh approximation of GELU in place: `½x(1 + tanh(√(2/π)(x + 0.044715x³)))`.
    static func geluTanh(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count {
            let x = values[index]
            let u = 0.7978845608028654 * (x + 0.044715 * x * x * x)
            // tanh(u) = 1 − 2 / (e^{2u} + 1), written so that 1 + tanh(u) = 2 − 2 / (e^{2u} + 1).
            values[index] = 0.5 * x * (2 - 2 / (exp(2 * u) + 1))
        }
    }

    /// `values[i] *= factor`.
    static func scale(_ values: UnsafeMutablePointer<Float>, count: Int, by factor: Float) {
        for index in 0..<count {
            values[index] *= factor
        }
    }

    /// `eˣ` for single precision: Cephes' range reduction and polynomial, with 2ⁿ built from
    /// the exponent bits. Inputs are clamped to the finite range (`e^-87.3` is the smallest
    /// normal float), so the result is never NaN for a non-NaN input.
    @inline(__always)
    static func exp(_ input: Float) -> Float {
        var x = input < -87.33654 ? -87.33654 : input
        x = x > 88.37626 ? 88.37626 : x
        // n = round(x / ln 2), obtained by adding 1.5·2²³ so the rounding happens in the
        // mantissa; its low bits then hold n as an integer.
        let shifted = x * 1.44269504088896341 + 12582912.0
        let n = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000
        let nFloat = shifted - 12582912.0
        var r = x - nFloat * 0.693359375
        r = r - nFloat * -2.12194440e-4
        let r2 = r * r
        var p: Float = 1.9875691500e-4
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        let y = p * r2 + r + 1
        // 2ⁿ; n + 127 stays within 1...254 thanks to the clamps above.
        let twoToN = Float(bitPattern: UInt32(bitPattern: (n &+ 127) &<< 23))
        return y * twoToN
    }

    /// The error function: an odd rational approximation on [−4, 4] (erf is ±1 in float
    /// precision beyond), maximum absolute error about 4e-7.
    @inline(__always)
    static func erf(_ input: Float) -> Float {
        var x = input < -4 ? -4 : input
        x = x > 4 ? 4 : x
        let x2 = x * x
        var p: Float = -2.72614225801306e-10
        p = p * x2 + 2.77068142495902e-08
        p = p * x2 + -2.10102402082508e-06
        p = p * x2 + -5.69250639462346e-05
        p = p * x2 + -7.34990630326855e-04
        p = p * x2 + -2.95459980854025e-03
        p = p * x2 + -1.60960333262415e-02
        var q: Float = -1.45660718464996e-05
        q = q * x2 + -2.13374055278905e-04
        q = q * x2 + -1.68282697438203e-03
        q = q * x2 + -7.37332916720468e-03
        q = q * x2 + -1.42647390514189e-02
        return x * p / q
    }
}
