// How numbers are shown, one way everywhere. Scores: one decimal, so "93.0" stands beside
// "88.2" (the database keeps them to one decimal, numeric(5,1)).

/** A score with one decimal ("93.0", "88.2"); `empty` when there is none. */
export function formatScore(value: number | string | null | undefined, empty = '—'): string {
  if (value === null || value === undefined || value === '') return empty;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n.toFixed(1) : empty;
}
