import type { DemoPerson } from '@distrito/core'

/** Demo people of the district. They all sign in with the demo password. */
export const people: DemoPerson[] = [
  { email: 'ana.restrepo@agrovision.demo', name: 'Ana María Restrepo' },
  { email: 'carlos.mina@agrovision.demo', name: 'Carlos Andrés Mina' },
  { email: 'valentina.cuero@triajeia.demo', name: 'Valentina Cuero' },
  { email: 'jhon.mosquera@logpuerto.demo', name: 'Jhon Jairo Mosquera' },
  { email: 'luisa.holguin@ingeniocauca.demo', name: 'Luisa Fernanda Holguín' },
  { email: 'andres.caicedo@ingeniocauca.demo', name: 'Andrés Felipe Caicedo' },
  { email: 'daniela.ocampo@farallones.demo', name: 'Daniela Ocampo' },
  { email: 'santiago.lozano@metalcentro.demo', name: 'Santiago Lozano' },
  { email: 'camila.riascos@contactvalle.demo', name: 'María Camila Riascos' },
  { email: 'juan.sinisterra@uto.demo', name: 'Juan David Sinisterra' },
  { email: 'paola.vallecilla@uto.demo', name: 'Paola Andrea Vallecilla' },
  { email: 'diego.zapata@ciav.demo', name: 'Diego Alejandro Zapata' },
  { email: 'natalia.angulo@pacificoventures.demo', name: 'Natalia Angulo' },
  { email: 'oscar.ibarguen@angelesvalle.demo', name: 'Óscar Ibargüen' },
  { email: 'sofia.londono@canaveral.demo', name: 'Sofía Londoño' },
  { email: 'hernan.becerra@riocaucaventures.demo', name: 'Hernán Darío Becerra' },
  { email: 'yuliana.valencia@valle.demo', name: 'Yuliana Valencia' },
  { email: 'felipe.obando@clusterdigital.demo', name: 'Felipe Obando' },
  { email: 'laura.giraldo@datosbuenaventura.demo', name: 'Laura Giraldo' },
  { email: 'joao.ferreira@lisboavision.demo', name: 'João Ferreira', locale: 'en' },
  { email: 'mariana.salazar@triajeia.demo', name: 'Mariana Salazar' },
]
