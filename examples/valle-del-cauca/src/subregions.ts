import type { Term } from '@distrito/core'

/** Subregions of Valle del Cauca, named by their main municipalities (the brief's Fase 5 nodes). */
export const subregions: Term[] = [
  { id: 'sur', name: { 'es-CO': 'Sur: Cali, Jamundí, Yumbo y Candelaria', en: 'South: Cali, Jamundí, Yumbo and Candelaria' } },
  { id: 'suroriente', name: { 'es-CO': 'Suroriente: Palmira, Pradera, Florida y El Cerrito', en: 'Southeast: Palmira, Pradera, Florida and El Cerrito' } },
  { id: 'centro', name: { 'es-CO': 'Centro: Tuluá, Buga, Sevilla y Trujillo', en: 'Centre: Tuluá, Buga, Sevilla and Trujillo' } },
  { id: 'norte', name: { 'es-CO': 'Norte: Cartago, Roldanillo, Zarzal y La Unión', en: 'North: Cartago, Roldanillo, Zarzal and La Unión' } },
  { id: 'pacifico', name: { 'es-CO': 'Pacífico: Buenaventura', en: 'Pacific: Buenaventura' } },
]
