import type { DemoOrganization, DemoPerson } from '@distrito/core'
import type { DemoChallenge } from '@distrito/plugin-challenges'

export const people: DemoPerson[] = [
  { email: 'gloria.erazo@cafesdelsur.demo', name: 'Gloria Erazo' },
  { email: 'mateo.insuasty@andesdata.demo', name: 'Mateo Insuasty' },
]

export const organizations: DemoOrganization[] = [
  {
    name: 'Cooperativa Cafés del Sur', kind: 'company', country: 'CO', city: 'La Unión', subregion: 'centro', sectors: ['agro'], verified: true,
    description: 'Cooperativa de 1.800 familias caficultoras del norte de Nariño.', aiOffered: [], aiSought: ['computer_vision'],
    members: [{ email: 'gloria.erazo@cafesdelsur.demo', role: 'owner' }],
  },
  {
    name: 'Andes Data', kind: 'startup', country: 'CO', city: 'Pasto', subregion: 'centro', sectors: ['servicios-digitales'], verified: true,
    description: 'Analítica de datos e imágenes para el agro de montaña.', aiOffered: ['computer_vision', 'machine_learning'], aiSought: [],
    members: [{ email: 'mateo.insuasty@andesdata.demo', role: 'owner' }],
  },
]

export const challenges: DemoChallenge[] = [
  {
    sponsor: 'Cooperativa Cafés del Sur', manager: 'gloria.erazo@cafesdelsur.demo', phase: 'open',
    title: 'Clasificación de café pergamino con fotos del celular',
    summary: 'Que las familias caficultoras sepan la calidad de su café antes de venderlo, con una foto.',
    problem: 'La calidad del café pergamino se mide en la bodega de compra; las familias no saben cuánto vale su café hasta venderlo y no pueden negociar.',
    sectors: ['agro'], capabilities: ['computer_vision'], eligibleKinds: ['startup', 'university'],
    rewardKinds: ['paid_pilot'], rewardSummary: 'Piloto pagado con 200 familias por 50 millones de pesos.', rewardAmount: 50_000_000,
    rubric: [{ name: 'Precisión', weight: 50 }, { name: 'Facilidad de uso en el campo', weight: 50 }],
  },
]
