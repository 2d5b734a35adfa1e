@testable import AgriQAEmbedding
import Foundation
import Testing

/// The approximations and reductions the forward pass relies on, against libm in Double.
struct VectorKernelsTests {
    @Test func expIsAccurateOverTheSoftmaxRange() {
        var worst: Double = 0
        for step in 0...200_000 {
            let x = Float(-87 + 87 * Double(step) / 200_000)
            let reference = Foundation.exp(Double(x))
            worst = max(worst, abs(Double(VectorKernels.exp(x)) - reference) / reference)
        }
        #expect(worst < 2e-7)
        #expect(VectorKernels.exp(-1000) >= 0 && VectorKernels.exp(-1000) < 1e-37)
        #expect(VectorKernels.exp(0) == 1)
    }

    @Test func erfIsAccurateEverywhere() {
        var worst: Double = 0
        for step in 0...200_000 {
            let x = Float(-8 + 16 * Double(step) / 200_000)
            worst = max(worst, abs(Double(VectorKernels.erf(x)) - Foundation.erf(Double(x))))
        }
        #expect(worst < 5e-7)
    }

    @Test func maximumHandlesSignsZerosAndInfinities() {
        func largest(_ values: [Float]) -> Float {
            values.withUnsafeBufferPointer { VectorKernels.maximum($0.baseAddress!, count: values.count) }
        }
        #expect(largest([-3, -1, -2]) == -1)
        #expect(largest([-0.5, 0, -0.0]) == 0)
        #expect(largest([-.infinity, -1e30]) == -1e30)
        #expect(largest([1, .infinity, 3]) == .infinity)
        #expect(largest((0..<37).map { Float($0 % 11) - 20 }) == -10)
    }

    @Test func geluMatchesTheErfDefinition() {
        var values: [Float] = stride(from: -6, through: 6, by: 0.01).map { Float($0) }
        let inputs = values
        values.withUnsafeMutableBufferPointer { VectorKernels.gelu($0.baseAddress!, count: $0.count) }
        for (x, y) in zip(inputs, values) {
            let reference = 0.5 * Double(x) * (1 + Foundation.erf(Double(x) / 2.0.squareRoot()))
            #expect(abs(Double(y) - reference) < 3e-6, "gelu(\(x))")
        }
    }

    @Test func layerNormMatchesTheDefinition() {
        let row: [Float] = [1, 2, 3, 4, 10, -5, 0.5, 7, 8]
        var output = [Float](repeating: 0, count: row.count)
        let weight = [Float](repeating: 2, count: row.count), bias = [Float](repeating: 0.5, count: row.count)
        row.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                VectorKernels.layerNorm(input.baseAddress!, into: out.baseAddress!, rows: 0..<1, columns: row.count,
                                        weight: weight, bias: bias, epsilon: 1e-12)
            }
        }
        let mean = row.map(Double.init).reduce(0, +) / Double(row.count)
        let variance = row.map { (Double($0) - mean) * (Double($0) - mean) }.reduce(0, +) / Double(row.count)
        for (x, y) in zip(row, output) {
            #expect(abs(Double(y) - ((Double(x) - mean) / variance.squareRoot() * 2 + 0.5)) < 1e-5)
        }
    }

    @Test func lengthBucketsSortByLengthAndKeepEveryIndexOnce() {
        let batches = LengthBuckets.batches(lengths: [5, 1, 9, 1, 3, 7, 2], batchSize: 3)
        #expect(batches == [[1, 3, 6], [4, 0, 5], [2]])
    }

    @Test func workerPoolSplitsEvenlyAndByCost() {
        let pool = WorkerPool(workers: 2)
        #expect(pool.split(count: 100, minimumPerPart: 32) == [0..<50, 50..<100])
        #expect(pool.split(count: 40, minimumPerPart: 32) == [0..<40])
        #expect(pool.split(costs: [100, 1, 1, 1, 100, 1]) == [0..<3, 3..<6])  // 102 + 102
        #expect(WorkerPool(workers: 3).split(costs: [5]) == [0..<1])
    }
}
