/** Vocabulary for generated names and texts: Spanish, as most of a Colombian district's content is. */
export const NAME_FIRST = [
  'Andina', 'Pacífico', 'Cauca', 'Valle', 'Farallones', 'Cali', 'Palmira', 'Buga', 'Tuluá', 'Cartago', 'Yumbo', 'Jamundí',
  'Dagua', 'Ceibas', 'Guadua', 'Orquídea', 'Cóndor', 'Colibrí', 'Cafetal', 'Cañaduzal', 'Samán', 'Bahía', 'Salsa', 'Ébano',
  'Manglar', 'Chontaduro', 'Ensenada', 'Cordillera', 'Río', 'Sabana',
] as const
export const NAME_SECOND = [
  'Analítica', 'Datos', 'Robótica', 'Visión', 'Lenguaje', 'Nube', 'Sensores', 'Agrotech', 'Salud', 'Logística', 'Energía',
  'Fintech', 'Edtech', 'Biotech', 'Software', 'Digital', 'Labs', 'Innovación', 'Ingeniería', 'Automatización', 'Semillas',
  'Puertos', 'Movilidad', 'Seguridad', 'Predictiva', 'Cognitiva', 'Inteligente', 'Conectada', 'Cuántica', 'Abierta',
] as const
export const NAME_SUFFIX = ['S.A.S.', 'S.A.', 'Ltda.', 'Colombia', 'Group', 'Tech', 'IA', 'Lab'] as const

export const GIVEN_NAMES = [
  'Ana', 'Luis', 'María', 'Carlos', 'Valentina', 'Andrés', 'Camila', 'Juan', 'Daniela', 'Santiago', 'Laura', 'Felipe',
  'Isabel', 'Jorge', 'Paula', 'Diego', 'Natalia', 'Sebastián', 'Catalina', 'Mateo', 'Sofía', 'Julián', 'Mariana', 'Esteban',
] as const
export const FAMILY_NAMES = [
  'García', 'Rodríguez', 'Martínez', 'López', 'González', 'Hernández', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flórez',
  'Rivera', 'Gómez', 'Díaz', 'Moreno', 'Muñoz', 'Rojas', 'Vargas', 'Castro', 'Ortiz', 'Mosquera', 'Valencia', 'Caicedo', 'Quintero',
] as const

export const TEXT_WORDS = [
  'modelo', 'datos', 'productividad', 'caña', 'cosecha', 'puerto', 'hospital', 'triaje', 'inventario', 'predicción',
  'clientes', 'energía', 'agua', 'movilidad', 'sensores', 'imágenes', 'lenguaje', 'piloto', 'territorio', 'cadena',
  'suministro', 'calidad', 'riesgo', 'fraude', 'mantenimiento', 'rendimiento', 'municipio', 'educación', 'talento',
  'automatización', 'análisis', 'plataforma', 'servicio', 'procesos', 'campo', 'industria', 'logística', 'salud',
  'inteligencia', 'artificial', 'aprendizaje', 'automático', 'visión', 'por', 'computador', 'con', 'para', 'de', 'la',
  'el', 'en', 'y', 'los', 'las', 'un', 'una', 'que', 'mejorar', 'reducir', 'optimizar', 'detectar', 'medir', 'predecir',
] as const

export const CITIES = ['Cali', 'Palmira', 'Buenaventura', 'Tuluá', 'Buga', 'Cartago', 'Jamundí', 'Yumbo', 'Candelaria', 'Florida', 'Sevilla', 'Roldanillo'] as const
