/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { html, useDistrito } from '@distrito/core/ui'

export interface FunnelStep {
  label: string
  value: number
}

/**
 * The funnel as inline SVG, drawn on the server: bars scaled to the first step, each labelled
 * with its number, and the same numbers in the image's accessible description. Written as a
 * template: hono/jsx gives `<svg>` a namespace context that every element rendered after it in the
 * process would then look up (see the core's shell).
 */
export function FunnelChart(props: { title: string; steps: FunnelStep[] }) {
  const format = useDistrito().get('format')
  const max = Math.max(1, ...props.steps.map((s) => s.value))
  // Drawn at a phone's width; the figure is capped so the text stays readable on a desk too.
  const rowHeight = 40
  const width = 360
  const labelWidth = 130
  const barSpace = width - labelWidth - 56
  const height = props.steps.length * rowHeight
  const description = props.steps.map((s) => `${s.label}: ${format.number(s.value)}`).join('; ')
  const bars = props.steps.map((step, i) => {
    const barWidth = Math.max(2, Math.round((step.value / max) * barSpace))
    const y = i * rowHeight
    return html`<g>
      <text x="0" y="${y + 25}" font-size="14" fill="#1a1a1a">${step.label}</text>
      <rect x="${labelWidth}" y="${y + 8}" width="${barWidth}" height="${rowHeight - 16}" rx="3" fill="currentColor"/>
      <text x="${labelWidth + barWidth + 6}" y="${y + 25}" font-size="14" font-weight="700" fill="#1a1a1a">${format.number(step.value)}</text>
    </g>`
  })
  return (
    <figure class="challenges-funnel">
      {html`<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="funnel-title funnel-desc" class="challenges-funnel-svg" preserveAspectRatio="xMinYMin meet">
        <title id="funnel-title">${props.title}</title>
        <desc id="funnel-desc">${description}</desc>
        ${bars}
      </svg>`}
      <figcaption>{props.title}</figcaption>
    </figure>
  )
}
