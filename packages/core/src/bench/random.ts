/** A small seeded generator (mulberry32) with the helpers data generators need. */
export interface BenchRandom {
  /** In [0, 1). */
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
  pick<T>(items: readonly T[]): T
  /** `k` distinct items in their original order. */
  sample<T>(items: readonly T[], k: number): T[]
  /** `count` words from the list, joined into a sentence with a capital and a full stop. */
  sentence(words: readonly string[], count: number): string
}

export function benchRandom(seed: number): BenchRandom {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return {
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    sample(items, k) {
      const chosen = new Set<number>()
      const wanted = Math.min(k, items.length)
      while (chosen.size < wanted) chosen.add(int(items.length))
      return [...chosen].sort((a, b) => a - b).map((i) => items[i]!)
    },
    sentence(words, count) {
      const parts: string[] = []
      for (let i = 0; i < count; i++) parts.push(words[int(words.length)]!)
      const text = parts.join(' ')
      return text.charAt(0).toUpperCase() + text.slice(1) + '.'
    },
  }
}
