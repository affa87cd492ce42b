import { defineDistrict } from '@distrito/core'
import { challenges } from '@distrito/plugin-challenges'
import { sectors } from './src/sectors.js'
import { subregions } from './src/subregions.js'
import { people } from './src/demo/people.js'
import { organizations } from './src/demo/organizations.js'
import { challenges as demoChallenges } from './src/demo/challenges.js'

/**
 * The AI & Innovation District of Valle del Cauca (Gobernación del Valle del Cauca and private
 * partners). Program plugins join `plugins` as each one lands.
 */
export default defineDistrict({
  slug: 'valle-del-cauca',
  name: {
    'es-CO': 'Distrito de Innovación e IA del Valle del Cauca',
    en: 'Valle del Cauca AI & Innovation District',
  },
  tagline: {
    'es-CO': 'Talento, empresas, inversionistas y academia que colaboran en I+D con inteligencia artificial en el suroccidente de Colombia.',
    en: 'Talent, companies, investors and academia collaborating on AI-driven R&D in southwestern Colombia.',
  },
  branding: { primaryColor: '#0b5d3b', logoText: 'IA' },
  defaultLocale: 'es-CO',
  timeZone: 'America/Bogota',
  sectors,
  subregions,
  database: { url: process.env.DATABASE_URL, authToken: process.env.DATABASE_AUTH_TOKEN },
  publicUrl: process.env.PUBLIC_URL,
  demo: {
    admin: { email: 'admin@distritovalle.demo', name: 'Administración del Distrito', password: 'distrito-demo-2026' },
    people,
    organizations,
  },
  plugins: [challenges({ demo: demoChallenges })],
})
