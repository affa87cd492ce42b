/**
 * A valid one-page PDF with a few lines of text (ASCII; accents are dropped). For demo data and
 * tests that need a real document to attach, such as a certificate.
 */
export function simplePdf(lines: readonly string[]): Uint8Array {
  const ascii = (line: string) => line.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '')
  const text = `BT /F1 16 Tf 72 770 Td ${lines.map((line) => `(${ascii(line)}) Tj`).join(' 0 -28 Td ')} ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(body)
}
