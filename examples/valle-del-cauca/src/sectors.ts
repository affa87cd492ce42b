import type { Term } from '@distrito/core'

/** The priority industries of the district's brief (Fase 1, Objetivo 4). */
export const sectors: Term[] = [
  { id: 'servicios-bpo-ito-kpo', name: { 'es-CO': 'Servicios (BPO, ITO, KPO)', en: 'Services (BPO, ITO, KPO)' } },
  { id: 'agroindustria', name: { 'es-CO': 'Agroindustria (incluye cannabis y derivados)', en: 'Agribusiness (including cannabis and derivatives)' } },
  { id: 'salud', name: { 'es-CO': 'Salud', en: 'Health' } },
  { id: 'cluster-digital', name: { 'es-CO': 'Clúster digital (software, telecomunicaciones, hardware)', en: 'Digital cluster (software, telecommunications, hardware)' } },
  { id: 'logistica', name: { 'es-CO': 'Logística', en: 'Logistics' } },
  { id: 'manufactura-avanzada', name: { 'es-CO': 'Manufactura avanzada', en: 'Advanced manufacturing' } },
  { id: 'biotecnologia-energias-limpias', name: { 'es-CO': 'Biotecnología y energías limpias', en: 'Biotechnology and clean energy' } },
  { id: 'finanzas', name: { 'es-CO': 'Finanzas', en: 'Finance' } },
]
