import type { DemoOrganization } from '@distrito/core'

/**
 * Demo organizations, one or more of every kind the district works with. Names are invented;
 * places, industries and problems are the Valle del Cauca's. Fields follow the profile form.
 */
export const organizations: DemoOrganization[] = [
  {
    name: 'AgroVisión Pacífico', kind: 'startup', country: 'CO', legalId: '901.456.789-2', city: 'Santiago de Cali', subregion: 'sur',
    sectors: ['agroindustria'], website: 'https://agrovision.demo', size: '11-50', foundedYear: 2021, verified: true,
    description: 'Pronóstico de rendimiento de caña de azúcar y detección temprana de plagas con imágenes satelitales y de dron.',
    aiOffered: ['computer_vision', 'predictive_analytics', 'machine_learning'], aiSought: ['iot'],
    members: [{ email: 'ana.restrepo@agrovision.demo', role: 'owner' }, { email: 'carlos.mina@agrovision.demo', role: 'admin' }],
  },
  {
    name: 'TriajeIA Salud', kind: 'startup', country: 'CO', legalId: '901.567.123-4', city: 'Santiago de Cali', subregion: 'sur',
    sectors: ['salud'], website: 'https://triajeia.demo', size: '1-10', foundedYear: 2023, verification: 'requested',
    description: 'Asistente de triaje para urgencias que prioriza pacientes a partir de la historia clínica y los signos vitales.',
    aiOffered: ['nlp', 'generative_ai'], aiSought: ['data_engineering'],
    members: [{ email: 'valentina.cuero@triajeia.demo', role: 'owner' }, { email: 'mariana.salazar@triajeia.demo', role: 'member' }],
  },
  {
    name: 'Logística Predictiva del Puerto', kind: 'startup', country: 'CO', legalId: '901.678.234-5', city: 'Buenaventura', subregion: 'pacifico',
    sectors: ['logistica'], size: '11-50', foundedYear: 2020,
    description: 'Predicción de tiempos de espera de contenedores y optimización de turnos de camiones en el puerto de Buenaventura.',
    aiOffered: ['optimization', 'predictive_analytics'], aiSought: ['iot', 'computer_vision'],
    members: [{ email: 'jhon.mosquera@logpuerto.demo', role: 'owner' }],
  },
  {
    name: 'Ingenio Río Cauca', kind: 'company', isAnchor: true, country: 'CO', legalId: '890.301.456-1', city: 'Candelaria', subregion: 'sur',
    sectors: ['agroindustria', 'biotecnologia-energias-limpias'], website: 'https://ingeniocauca.demo', size: '1000+', foundedYear: 1952, verified: true,
    description: 'Ingenio azucarero con cogeneración de energía y producción de etanol. Lidera retos de agricultura de precisión con sus proveedores de caña.',
    aiSought: ['predictive_analytics', 'computer_vision', 'robotics'],
    members: [{ email: 'luisa.holguin@ingeniocauca.demo', role: 'owner' }, { email: 'andres.caicedo@ingeniocauca.demo', role: 'member' }],
  },
  {
    name: 'Clínica Farallones', kind: 'company', isAnchor: true, country: 'CO', legalId: '805.012.345-6', city: 'Santiago de Cali', subregion: 'sur',
    sectors: ['salud'], size: '1000+', foundedYear: 1987, verified: true,
    description: 'Hospital de alta complejidad del suroccidente. Busca soluciones de IA para triaje, ocupación de camas y lectura de imágenes diagnósticas.',
    aiSought: ['nlp', 'computer_vision', 'predictive_analytics'],
    members: [{ email: 'daniela.ocampo@farallones.demo', role: 'owner' }],
  },
  {
    name: 'Metalmecánica del Centro', kind: 'sme', country: 'CO', legalId: '900.234.567-8', city: 'Tuluá', subregion: 'centro',
    sectors: ['manufactura-avanzada'], size: '51-200', foundedYear: 1998, verification: 'requested',
    description: 'Fabricación de piezas para la industria azucarera y alimentaria. Quiere automatizar la inspección de calidad.',
    aiSought: ['robotics', 'computer_vision', 'iot'],
    members: [{ email: 'santiago.lozano@metalcentro.demo', role: 'owner' }],
  },
  {
    name: 'Contact Valle BPO', kind: 'sme', country: 'CO', legalId: '900.345.678-9', city: 'Yumbo', subregion: 'sur',
    sectors: ['servicios-bpo-ito-kpo'], size: '201-1000', foundedYear: 2009,
    description: 'Centro de contacto bilingüe que atiende clientes de Estados Unidos y España; explora agentes de voz y analítica de conversaciones.',
    aiOffered: ['data_engineering'], aiSought: ['generative_ai', 'nlp'],
    members: [{ email: 'camila.riascos@contactvalle.demo', role: 'owner' }],
  },
  {
    name: 'Universidad Tecnológica de Occidente', kind: 'university', country: 'CO', legalId: '890.399.010-3', city: 'Santiago de Cali', subregion: 'sur',
    sectors: ['cluster-digital', 'salud', 'agroindustria'], website: 'https://uto.demo', size: '1000+', foundedYear: 1970, verified: true,
    description: 'Facultad de Ingeniería con maestría en ciencia de datos y un laboratorio de IA aplicada que acompaña retos de empresas.',
    aiOffered: ['machine_learning', 'nlp', 'computer_vision', 'data_engineering'],
    members: [{ email: 'juan.sinisterra@uto.demo', role: 'owner' }, { email: 'paola.vallecilla@uto.demo', role: 'admin' }],
  },
  {
    name: 'Centro de Investigación en Agrodatos del Valle', kind: 'research_centre', country: 'CO', legalId: '900.456.789-0', city: 'Palmira', subregion: 'suroriente',
    sectors: ['agroindustria', 'biotecnologia-energias-limpias'], size: '51-200', foundedYear: 2005, verified: true,
    description: 'Investigación en agricultura de precisión, suelos y variedades de caña; bancos de datos agroclimáticos abiertos para la región.',
    aiOffered: ['predictive_analytics', 'machine_learning', 'data_engineering'],
    members: [{ email: 'diego.zapata@ciav.demo', role: 'owner' }],
  },
  {
    name: 'Pacífico Ventures', kind: 'investor', investorType: 'vc_fund', country: 'CO', legalId: '901.111.222-3', city: 'Santiago de Cali', subregion: 'sur',
    sectors: ['cluster-digital', 'finanzas', 'salud'], size: '1-10', foundedYear: 2019, verified: true,
    description: 'Fondo de capital de riesgo para startups de IA en etapa semilla y serie A del suroccidente colombiano.',
    members: [{ email: 'natalia.angulo@pacificoventures.demo', role: 'owner' }],
  },
  {
    name: 'Red de Ángeles del Valle', kind: 'investor', investorType: 'angel_network', country: 'CO', city: 'Santiago de Cali', subregion: 'sur',
    sectors: ['cluster-digital', 'agroindustria'], size: '11-50', foundedYear: 2016,
    description: 'Empresarios de la región que invierten en etapas tempranas y acompañan como mentores.',
    members: [{ email: 'oscar.ibarguen@angelesvalle.demo', role: 'owner' }],
  },
  {
    name: 'Oficina Familiar Cañaveral', kind: 'investor', investorType: 'family_office', country: 'CO', city: 'Santiago de Cali', subregion: 'sur',
    sectors: ['agroindustria', 'finanzas'], size: '1-10', foundedYear: 2011,
    description: 'Family office con interés en agrotecnología y energías limpias.',
    members: [{ email: 'sofia.londono@canaveral.demo', role: 'owner' }],
  },
  {
    name: 'Río Cauca Ventures', kind: 'investor', investorType: 'corporate_venture', country: 'CO', city: 'Candelaria', subregion: 'sur',
    sectors: ['agroindustria', 'biotecnologia-energias-limpias'], size: '1-10', foundedYear: 2022,
    description: 'Brazo de capital corporativo del Ingenio Río Cauca para startups que resuelvan sus retos de campo y fábrica.',
    members: [{ email: 'hernan.becerra@riocaucaventures.demo', role: 'owner' }],
  },
  {
    name: 'Secretaría de Desarrollo Económico y Competitividad del Valle', kind: 'government', country: 'CO', city: 'Santiago de Cali', subregion: 'sur',
    sectors: [], size: '201-1000', verified: true,
    description: 'Entidad de la Gobernación del Valle del Cauca que impulsa el Distrito de Innovación e IA.',
    members: [{ email: 'yuliana.valencia@valle.demo', role: 'owner' }],
  },
  {
    name: 'Clúster de Excelencia Digital del Pacífico', kind: 'cluster', country: 'CO', city: 'Santiago de Cali', subregion: 'sur',
    sectors: ['cluster-digital', 'servicios-bpo-ito-kpo'], size: '11-50', foundedYear: 2014,
    description: 'Iniciativa de clúster que agrupa empresas de software, telecomunicaciones y servicios digitales de la región.',
    members: [{ email: 'felipe.obando@clusterdigital.demo', role: 'owner' }],
  },
  {
    name: 'Fundación Datos para Buenaventura', kind: 'ngo', country: 'CO', city: 'Buenaventura', subregion: 'pacifico',
    sectors: ['logistica'], size: '1-10', foundedYear: 2018, verification: 'rejected',
    description: 'Forma jóvenes del Pacífico en ciencia de datos y acompaña proyectos comunitarios con datos abiertos.',
    aiOffered: ['data_engineering'],
    members: [{ email: 'laura.giraldo@datosbuenaventura.demo', role: 'owner' }],
  },
  {
    name: 'Lisboa Vision Labs', kind: 'company', country: 'PT', legalId: 'PT509876543', city: 'Lisboa',
    sectors: ['cluster-digital', 'logistica'], website: 'https://lisboavision.demo', size: '51-200', foundedYear: 2015,
    description: 'Portuguese computer-vision company exploring a soft landing in Cali to serve ports and agribusiness in Latin America.',
    aiOffered: ['computer_vision', 'machine_learning'],
    members: [{ email: 'joao.ferreira@lisboavision.demo', role: 'owner' }],
  },
]
