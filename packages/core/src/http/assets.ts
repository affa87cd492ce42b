import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Hono } from 'hono'
import type { DistrictConfig } from '../config/district-config.js'

interface Asset {
  path: string
  body: string
  type: string
}

export interface AssetBundle {
  css: Asset
  htmx: Asset
  icon: Asset
}

const require = createRequire(import.meta.url)

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

/** The district's icon: its logo text (or initial) in white on its brand colour. */
function iconSvg(config: DistrictConfig): string {
  const text = escapeXml(config.branding.logoText ?? config.name[config.defaultLocale].charAt(0).toUpperCase())
  const size = text.length > 2 ? 20 : 28
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${config.branding.primaryColor}"/>` +
    `<text x="32" y="${32 + size * 0.36}" font-family="system-ui,sans-serif" font-size="${size}" font-weight="700" text-anchor="middle" fill="#fff">${text}</text></svg>`
}

function fingerprint(name: string, ext: string, body: string): string {
  return `/assets/${name}.${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${ext}`
}

/**
 * Our stylesheet with the district's brand colour, and htmx from its npm package: both served
 * by the app itself under content-hashed names, so they can be cached for a year and no page
 * depends on a CDN.
 */
export function buildAssets(config: DistrictConfig, pluginStyles: readonly string[] = []): AssetBundle {
  const base = readFileSync(new URL('../../assets/distrito.css', import.meta.url), 'utf8')
  // Plugins' styles follow the core's in one file: one request, the same cache rules.
  const css = [`:root { --brand: ${config.branding.primaryColor}; }`, base, ...pluginStyles].join('\n')
  const htmx = readFileSync(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8')
  const icon = iconSvg(config)
  return {
    icon: { path: fingerprint('icon', 'svg', icon), body: icon, type: 'image/svg+xml' },
    css: { path: fingerprint('distrito', 'css', css), body: css, type: 'text/css; charset=utf-8' },
    htmx: { path: fingerprint('htmx', 'js', htmx), body: htmx, type: 'text/javascript; charset=utf-8' },
  }
}

export function assetRoutes(bundle: AssetBundle): Hono {
  const app = new Hono()
  for (const asset of Object.values(bundle)) {
    app.get(asset.path, (c) =>
      c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=31536000, immutable' }),
    )
  }
  // Browsers ask for /favicon.ico on their own; send them to the district's icon.
  app.get('/favicon.ico', (c) => c.redirect(bundle.icon.path, 301))
  return app
}
