import { useId } from 'react'
import type { DayCounts } from '../../api/statistics'
import SeriesPatterns, { patternId } from './SeriesPatterns'
import { axisMax, series, shortDay } from './chartSeries'

interface Props {
  days: DayCounts[]
  /** A sentence summarising the chart for screen readers. */
  summary: string
}

const patternNames = { solid: 'solid bars', stripes: 'striped bars', crosses: 'cross-hatched bars' }

const height = 260
const top = 24
const bottom = 44
const left = 40
const dayWidth = 60
const barWidth = 14

/**
 * Instances started, finished and faulted per day as grouped bars. Each series has its own fill pattern and every
 * non-zero bar is labelled with its number, so the chart reads without colour; the same numbers are in the table view.
 */
export default function InstancesChart({ days, summary }: Props) {
  const raw = useId()
  // useId may contain characters that url(#...) references do not accept.
  const prefix = `chart${raw.replace(/[^a-zA-Z0-9]/g, '')}`
  const max = axisMax(days)
  const width = left + days.length * dayWidth + 8
  const plot = height - top - bottom
  const y = (value: number) => top + plot - (value / max) * plot
  const ticks = max <= 5 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, max / 4, max / 2, (3 * max) / 4, max]

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${prefix}-title ${prefix}-desc`} className="chart-svg">
        <title id={`${prefix}-title`}>Instances started, finished and faulted per day</title>
        <desc id={`${prefix}-desc`}>{summary}</desc>
        <SeriesPatterns prefix={prefix} series={series} />
        {ticks.map((t) => (
          <g key={t} className="chart-grid">
            <line x1={left} x2={width - 4} y1={y(t)} y2={y(t)} />
            <text x={left - 6} y={y(t) + 4} textAnchor="end">
              {Number.isInteger(t) ? t : t.toFixed(1)}
            </text>
          </g>
        ))}
        {days.map((day, i) => {
          const x0 = left + i * dayWidth + (dayWidth - series.length * barWidth) / 2
          return (
            <g key={day.date}>
              {series.map((s, j) => {
                const value = day[s.key]
                const x = x0 + j * barWidth
                return (
                  <g key={s.key}>
                    {value > 0 && (
                      <rect
                        x={x}
                        y={y(value)}
                        width={barWidth - 2}
                        height={top + plot - y(value)}
                        fill={`url(#${patternId(prefix, s)})`}
                        stroke={s.colour}
                        strokeWidth="1.5"
                      />
                    )}
                    {value > 0 && (
                      <text className="chart-value" x={x + (barWidth - 2) / 2} y={y(value) - 4} textAnchor="middle">
                        {value}
                      </text>
                    )}
                  </g>
                )
              })}
              <text className="chart-day" x={left + i * dayWidth + dayWidth / 2} y={height - bottom + 18} textAnchor="middle">
                {shortDay(day)}
              </text>
            </g>
          )
        })}
        <line className="chart-axis" x1={left} x2={width - 4} y1={top + plot} y2={top + plot} />
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.key}>
              <svg width="18" height="18" aria-hidden="true" focusable="false">
                <SeriesPatterns prefix={`${prefix}-legend`} series={[s]} />
                <rect x="1" y="1" width="16" height="16" fill={`url(#${patternId(`${prefix}-legend`, s)})`} stroke={s.colour} strokeWidth="1.5" />
              </svg>
              {`${s.label} (${patternNames[s.pattern]})`}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  )
}
