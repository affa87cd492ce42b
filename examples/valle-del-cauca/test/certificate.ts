/** A small real PDF, as a person would attach (the demo's own certificates come from the core's seed). */
export function samplePdf(organization: string): Uint8Array {
  const text = `BT /F1 16 Tf 72 770 Td (Certificado de existencia - prueba) Tj 0 -28 Td (${organization.normalize('NFD').replace(/[^\x20-\x7e]/g, '')}) Tj ET`
  return new TextEncoder().encode(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< /Length ${text.length} >>\nstream\n${text}\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`)
}
