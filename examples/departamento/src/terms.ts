import type { Term } from '@distrito/core'

export const sectors: Term[] = [
  { id: 'agro', name: { 'es-CO': 'Agro (café, cacao, lácteos)', en: 'Agriculture (coffee, cocoa, dairy)' } },
  { id: 'turismo', name: { 'es-CO': 'Turismo', en: 'Tourism' } },
  { id: 'pesca', name: { 'es-CO': 'Pesca y acuicultura', en: 'Fishing and aquaculture' } },
  { id: 'servicios-digitales', name: { 'es-CO': 'Servicios digitales', en: 'Digital services' } },
]

/** Nariño's subregions as the department's planning names them. */
export const subregions: Term[] = [
  { id: 'centro', name: { 'es-CO': 'Centro: Pasto', en: 'Centre: Pasto' } },
  { id: 'exprovincia', name: { 'es-CO': 'Exprovincia de Obando: Ipiales', en: 'Exprovincia de Obando: Ipiales' } },
  { id: 'pacifico-sur', name: { 'es-CO': 'Pacífico sur: Tumaco', en: 'South Pacific: Tumaco' } },
]
