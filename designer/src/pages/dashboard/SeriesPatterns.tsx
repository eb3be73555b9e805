import type { Series } from './chartSeries'

/** The <pattern> fill of a series, with an id unique to its chart. */
export function patternId(prefix: string, s: Series): string {
  return `${prefix}-${s.key}`
}

/** <defs> with one fill per series: solid, diagonal stripes, cross-hatching, each outlined in the series colour. */
export default function SeriesPatterns({ prefix, series }: { prefix: string; series: Series[] }) {
  return (
    <defs>
      {series.map((s) => (
        <pattern key={s.key} id={patternId(prefix, s)} patternUnits="userSpaceOnUse" width="6" height="6">
          {s.pattern === 'solid' ? (
            <rect width="6" height="6" fill={s.colour} />
          ) : s.pattern === 'stripes' ? (
            <>
              <rect width="6" height="6" fill="#ffffff" />
              <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke={s.colour} strokeWidth="2.2" />
            </>
          ) : (
            <>
              <rect width="6" height="6" fill="#ffffff" />
              <path d="M0,0 L6,6 M6,0 L0,6" stroke={s.colour} strokeWidth="1.6" />
            </>
          )}
        </pattern>
      ))}
    </defs>
  )
}
