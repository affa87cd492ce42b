import { defineDistrict } from '@distrito/core'
import { challenges } from '@distrito/plugin-challenges'
import { sectors, subregions } from './src/terms.js'
import { challenges as demoChallenges, organizations, people } from './src/demo.js'

/**
 * A department that starts with open-innovation challenges only; it adds funding, soft-landing or
 * training when it runs those programs, by adding their plugins here.
 */
export default defineDistrict({
  slug: 'narino',
  name: { 'es-CO': 'Distrito de Innovación de Nariño', en: 'Nariño Innovation District' },
  tagline: {
    'es-CO': 'Retos de las cadenas productivas de Nariño para resolver con tecnología.',
    en: "Challenges from Nariño's value chains, to solve with technology.",
  },
  branding: { primaryColor: '#1f4e79', logoText: 'N' },
  defaultLocale: 'es-CO',
  timeZone: 'America/Bogota',
  sectors,
  subregions,
  database: { url: process.env.DATABASE_URL, authToken: process.env.DATABASE_AUTH_TOKEN },
  publicUrl: process.env.PUBLIC_URL,
  demo: {
    admin: { email: 'admin@distritonarino.demo', name: 'Administración del Distrito', password: 'narino-demo-2026' },
    people,
    organizations,
  },
  plugins: [challenges({ demo: demoChallenges, homeItems: 5 })],
})
