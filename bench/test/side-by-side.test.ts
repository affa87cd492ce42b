import { describe, expect, it } from 'vitest'
import { pairedRatio, type SideResult } from '../src/side-by-side.js'

const side = (bursts: number[]): SideResult => ({ bursts, requestsPerSecond: 0, p50: 0, p99: 0, errors: 0, memoryMb: 0 })

describe('pairedRatio', () => {
  it('takes the ratio round by round, so that the machine slowing down between rounds cancels out', () => {
    // The machine halves its speed after two rounds; the page keeps a tenth of the ceiling throughout,
    // but for one round. The ratio of the two medians (6 / 50) would make it 12 %.
    const ceiling = side([100, 100, 50, 50, 50])
    const page = side([10, 10, 5, 5, 6])
    expect(pairedRatio(ceiling, page)).toBeCloseTo(0.1)
  })

  it('is not moved by one burst that stalled on either side', () => {
    expect(pairedRatio(side([30, 30, 15, 30, 30]), side([1.5, 1.5, 1.5, 1.5, 0.3]))).toBeCloseTo(0.05)
  })
})
